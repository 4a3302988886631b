package io.rolecall.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as received: raw path and query (SigV4 signs the raw forms), lower-case header names,
 * and the body fully read with any aws-chunked framing removed.
 */
public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

  public Request {
    rawQuery = rawQuery == null ? "" : rawQuery;
    var lower = new LinkedHashMap<String, List<String>>();
    headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v),
        (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
    headers = java.util.Collections.unmodifiableMap(lower);
  }

  /** Reads the exchange's request completely: a keep-alive connection can only be reused once the body is consumed. */
  static Request read(HttpExchange exchange) throws IOException {
    byte[] body;
    try (var in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    var uri = exchange.getRequestURI();
    var request = new Request(exchange.getRequestMethod(), uri.getRawPath() == null ? "/" : uri.getRawPath(),
        uri.getRawQuery(), exchange.getRequestHeaders(), body);
    return AwsChunked.isChunked(request) ? request.withBody(AwsChunked.decode(body)) : request;
  }

  public Request withBody(byte[] newBody) {
    return new Request(method, rawPath, rawQuery, headers, newBody);
  }

  /** First value of a header, or null. */
  public String header(String name) {
    var values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /** The decoded path. */
  public String path() {
    return UriEncoding.decode(rawPath, false);
  }

  /** First value of a URL query parameter (decoded), or null. */
  public String query(String name) {
    return UriEncoding.parsePairs(rawQuery, false).stream()
        .filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Test and log friendly: never prints the body, which may carry secrets. */
  @Override
  public String toString() {
    return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }
}
