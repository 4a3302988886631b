package io.rolecall.server.jobs;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import io.rolecall.render.Json;
import java.io.IOException;

/**
 * Task data as JSON rather than the scheduler's default Java serialization: the rows are readable in the store, and
 * reading one never instantiates a class the row names (deserialization only ever builds the engine's own records).
 */
final class JsonTaskSerializer implements Serializer {
  @Override
  public byte[] serialize(Object data) {
    try {
      return data == null ? null : Json.mapper().writeValueAsBytes(data);
    } catch (IOException e) {
      throw new IllegalStateException("task data cannot be written as JSON: " + data.getClass().getSimpleName(), e);
    }
  }

  @Override
  public <T> T deserialize(Class<T> clazz, byte[] serializedData) {
    if (serializedData == null) {
      return null;
    }
    try {
      return Json.mapper().readValue(serializedData, clazz);
    } catch (IOException e) {
      throw new IllegalStateException("task data is not a " + clazz.getSimpleName() + " as JSON", e);
    }
  }
}
