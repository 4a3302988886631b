package io.rolecall.server;

import io.rolecall.auth.Redactor;
import io.rolecall.render.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a handler answers: a status, a content type and bytes. JSON bodies pass through the redactor. */
record Response(int status, String contentType, byte[] body) {
  static final String JSON = "application/json; charset=utf-8";

  static Response json(int status, Object value) {
    // The last line of defence (SPEC §5): no secret the process knows of leaves in a response.
    String text = Redactor.global().redact(Json.write(value));
    return new Response(status, JSON, text.getBytes(StandardCharsets.UTF_8));
  }

  static Response ok(Object value) {
    return json(200, value);
  }

  static Response error(int status, String message) {
    return json(status, Map.of("error", Redactor.global().redact(message)));
  }
}
