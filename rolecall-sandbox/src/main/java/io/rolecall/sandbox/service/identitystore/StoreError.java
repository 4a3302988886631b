package io.rolecall.sandbox.service.identitystore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.protocol.Json;
import io.rolecall.sandbox.protocol.JsonProtocol;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Identity Store error as the service returns it: {@code __type}, {@code Message}, the request id and the members
 * its model declares ({@code ResourceType} and {@code ResourceId} for a missing resource, {@code Reason} for a
 * conflict). The shared {@code AwsException} carries only code and message, hence this type. Every error is HTTP 400,
 * as the service model declares them.
 */
public final class StoreError extends RuntimeException {
  private final String code;
  private final Map<String, String> members;

  private StoreError(String code, String message, Map<String, String> members) {
    super(message, null, false, false);
    this.code = code;
    this.members = members;
  }

  /** "USER not found." with ResourceType USER: the service names the type, not the value looked up. */
  public static StoreError notFound(String resourceType, String resourceId) {
    var m = new LinkedHashMap<String, String>();
    m.put("ResourceType", resourceType);
    if (resourceId != null) m.put("ResourceId", resourceId);
    return new StoreError("ResourceNotFoundException", resourceType + " not found.", m);
  }

  public static StoreError conflict(String message) {
    return new StoreError("ConflictException", message, Map.of("Reason", "UNIQUENESS_CONSTRAINT_VIOLATION"));
  }

  public static StoreError validation(String message) {
    return new StoreError("ValidationException", message, Map.of());
  }

  public String code() {
    return code;
  }

  public Reply reply(JsonProtocol protocol, String requestId) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("__type", code);
    body.put("Message", getMessage());
    members.forEach(body::put);
    body.put("RequestId", requestId);
    return protocol.ok(body).withStatus(400).withHeader("x-amzn-ErrorType", code);
  }

  @Override
  public String toString() {
    return code + ": " + getMessage();
  }
}
