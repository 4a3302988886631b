package io.rolecall.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response to send: status, content type, body and extra headers. */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

  public Reply {
    headers = Map.copyOf(headers);
  }

  public static Reply of(int status, String contentType, String body) {
    return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static Reply text(int status, String body) {
    return of(status, "text/plain", body);
  }

  public Reply withHeader(String name, String value) {
    var copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Reply(status, contentType, body, copy);
  }

  public Reply withStatus(int newStatus) {
    return new Reply(newStatus, contentType, body, headers);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
