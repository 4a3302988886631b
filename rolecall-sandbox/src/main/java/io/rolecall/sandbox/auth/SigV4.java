package io.rolecall.sandbox.auth;

import io.rolecall.sandbox.http.Request;
import io.rolecall.sandbox.http.UriEncoding;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature Version 4, server side: reads what the client claims (header or presigned query) and recomputes the
 * signature. S3 differs from every other service in two ways that SigV4 spells out: its canonical URI is the path
 * as sent (other services URI-encode the already encoded path a second time, after removing dot segments), and its
 * payload hash is the value of {@code x-amz-content-sha256} (which may be UNSIGNED-PAYLOAD or STREAMING-...).
 */
public final class SigV4 {
  private SigV4() {}

  public static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final HexFormat HEX = HexFormat.of();

  /** What a request says about its signature. {@code service} is the signing name, which routes the request. */
  public record Signature(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
                          String signature, String amzDate, boolean presigned) {
    public String scope() {
      return date + "/" + region + "/" + service + "/aws4_request";
    }
  }

  /** The claimed signature, or empty if the request is unsigned. */
  public static Optional<Signature> read(Request r) {
    String auth = r.header("authorization");
    if (auth != null) return Optional.of(fromHeader(r, auth));
    if (r.query("X-Amz-Algorithm") != null) return Optional.of(fromQuery(r));
    return Optional.empty();
  }

  private static Signature fromHeader(Request r, String auth) {
    if (!auth.startsWith(ALGORITHM + " ")) throw incomplete("unsupported Authorization scheme");
    var fields = new java.util.HashMap<String, String>();
    for (String part : auth.substring(ALGORITHM.length() + 1).split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    String amzDate = r.header("x-amz-date");
    if (amzDate == null) throw incomplete("missing X-Amz-Date");
    return build(fields.get("Credential"), fields.get("SignedHeaders"), fields.get("Signature"), amzDate, false);
  }

  private static Signature fromQuery(Request r) {
    if (!ALGORITHM.equals(r.query("X-Amz-Algorithm"))) throw incomplete("unsupported X-Amz-Algorithm");
    return build(r.query("X-Amz-Credential"), r.query("X-Amz-SignedHeaders"), r.query("X-Amz-Signature"),
        r.query("X-Amz-Date"), true);
  }

  private static Signature build(String credential, String signedHeaders, String signature, String amzDate,
                                 boolean presigned) {
    if (credential == null || signedHeaders == null || signature == null || amzDate == null) {
      throw incomplete("Credential, SignedHeaders, Signature and date are all required");
    }
    String[] scope = credential.split("/");
    if (scope.length != 5 || !"aws4_request".equals(scope[4])) throw incomplete("malformed credential scope");
    return new Signature(scope[0], scope[1], scope[2], scope[3], List.of(signedHeaders.split(";")), signature,
        amzDate, presigned);
  }

  /** True if {@code secret} produces the claimed signature. */
  public static boolean verify(Request r, Signature s, String secret) {
    byte[] expected = sign(r, s, secret).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, s.signature().getBytes(StandardCharsets.US_ASCII));
  }

  static String sign(Request r, Signature s, String secret) {
    String stringToSign = ALGORITHM + "\n" + s.amzDate() + "\n" + s.scope() + "\n" + sha256Hex(canonicalRequest(r, s));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), s.date());
    key = hmac(key, s.region());
    key = hmac(key, s.service());
    key = hmac(key, "aws4_request");
    return HEX.formatHex(hmac(key, stringToSign));
  }

  static String canonicalRequest(Request r, Signature s) {
    boolean s3 = s.service().equals("s3");
    String path = r.rawPath().isEmpty() ? "/" : r.rawPath();
    String canonicalUri = s3 ? path : UriEncoding.encode(removeDotSegments(path), true);
    String canonicalHeaders = s.signedHeaders().stream()
        .map(h -> h + ":" + headerValue(r, h) + "\n").collect(Collectors.joining());
    return String.join("\n", r.method(), canonicalUri, canonicalQuery(r, s.presigned()), canonicalHeaders,
        String.join(";", s.signedHeaders()), payloadHash(r, s, s3));
  }

  private static String headerValue(Request r, String name) {
    var values = r.headers().getOrDefault(name, List.of());
    return values.stream().map(v -> v.trim().replaceAll(" +", " ")).collect(Collectors.joining(","));
  }

  private static String canonicalQuery(Request r, boolean presigned) {
    var pairs = new ArrayList<Map.Entry<String, String>>();
    for (var e : UriEncoding.parsePairs(r.rawQuery(), false)) {
      if (presigned && e.getKey().equals("X-Amz-Signature")) continue;
      pairs.add(Map.entry(UriEncoding.encode(e.getKey(), false), UriEncoding.encode(e.getValue(), false)));
    }
    pairs.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
    return pairs.stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
  }

  private static String payloadHash(Request r, Signature s, boolean s3) {
    if (s3) {
      String declared = r.header("x-amz-content-sha256");
      if (declared != null) return declared;
      if (s.presigned()) return "UNSIGNED-PAYLOAD";
    }
    return sha256Hex(r.body());
  }

  /** RFC 3986 §5.2.4, as the SDK's path normalisation does before double-encoding. */
  static String removeDotSegments(String path) {
    if (!path.contains(".")) return path;
    var out = new ArrayList<String>();
    var segments = path.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String seg = segments[i];
      if (seg.equals("..")) {
        if (!out.isEmpty()) out.removeLast();
        if (i == segments.length - 1) out.add("");
      } else if (seg.equals(".")) {
        if (i == segments.length - 1) out.add("");
      } else {
        out.add(seg);
      }
    }
    return "/" + String.join("/", out);
  }

  public static String sha256Hex(String s) {
    return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] hmac(byte[] key, String data) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AuthFailure incomplete(String why) {
    return new AuthFailure(AuthFailure.Kind.INCOMPLETE, why);
  }
}
