package io.rolecall.sandbox.protocol;

import io.rolecall.sandbox.http.Request;
import io.rolecall.sandbox.http.UriEncoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Parameters of a query-protocol request (STS, IAM, EC2): the URL query merged with a form-encoded body, with typed
 * accessors that fail the way AWS does. Validation errors use {@code validationCode} (ValidationError for STS/IAM).
 */
public final class QueryParams {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final String validationCode;

  private QueryParams(String validationCode) {
    this.validationCode = validationCode;
  }

  public static QueryParams of(Request r) {
    return of(r, "ValidationError");
  }

  public static QueryParams of(Request r, String validationCode) {
    var params = new QueryParams(validationCode);
    UriEncoding.parsePairs(r.rawQuery(), false).forEach(e -> params.values.putIfAbsent(e.getKey(), e.getValue()));
    String type = r.header("content-type");
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      UriEncoding.parsePairs(r.bodyText(), true).forEach(e -> params.values.putIfAbsent(e.getKey(), e.getValue()));
    }
    return params;
  }

  /** The value, or null when absent. */
  public String get(String name) {
    return values.get(name);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The value; absent is AWS's "Value null at 'name' failed to satisfy constraint: Member must not be null". */
  public String require(String name) {
    String v = values.get(name);
    if (v == null) throw AwsException.badRequest(validationCode, Validation.notNull(name));
    return v;
  }

  /** An integer, null when absent; outside [min, max] is a validation error naming the bound. */
  public Integer integer(String name, long min, long max) {
    Long v = parse(name, Long::valueOf);
    if (v == null) return null;
    if (v < min) throw AwsException.badRequest(validationCode, Validation.atLeast(name, v, min));
    if (v > max) throw AwsException.badRequest(validationCode, Validation.atMost(name, v, max));
    return v.intValue();
  }

  /** A boolean, null when absent; only "true"/"false" (any case) are accepted. */
  public Boolean bool(String name) {
    return parse(name, s -> switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException(s);
    });
  }

  /** A string whose length must lie in [min, max]; null when absent. */
  public String string(String name, int min, int max) {
    String v = values.get(name);
    if (v == null) return null;
    if (v.length() < min) throw AwsException.badRequest(validationCode, Validation.minLength(name, v, min));
    if (v.length() > max) throw AwsException.badRequest(validationCode, Validation.maxLength(name, v, max));
    return v;
  }

  /** A list sent as {@code Name.member.1, Name.member.2, ...}. */
  public List<String> members(String name) {
    var out = new ArrayList<String>();
    for (int i = 1; values.containsKey(name + ".member." + i); i++) out.add(values.get(name + ".member." + i));
    return out;
  }

  private <T> T parse(String name, Function<String, T> parser) {
    String v = values.get(name);
    if (v == null) return null;
    try {
      return parser.apply(v.trim());
    } catch (RuntimeException e) {
      throw AwsException.badRequest("MalformedInput", "Invalid value '" + v + "' for parameter " + name);
    }
  }
}
