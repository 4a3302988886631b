package io.rolecall.sandbox.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.auth.AuthFailure;
import io.rolecall.sandbox.fault.FaultKind;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.Request;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS JSON 1.0/1.1 (Identity Store, SSO Admin, Organizations, CloudTrail): POST / with
 * {@code X-Amz-Target: Prefix.Operation} and a JSON body; errors are {@code {"__type": code, "message": ...}} plus
 * an {@code x-amzn-ErrorType} header.
 *
 * @param targetPrefix e.g. {@code AWSIdentityStore}, {@code SWBExternalService}, {@code AWSOrganizationsV20161128}
 * @param version "1.0" or "1.1"
 */
public record JsonProtocol(String targetPrefix, String version) implements Protocol {

  public String contentType() {
    return "application/x-amz-json-" + version;
  }

  @Override
  public String action(Request request) {
    String target = request.header("x-amz-target");
    if (target == null || !target.startsWith(targetPrefix + ".")) {
      throw AwsException.badRequest("UnknownOperationException", "Unknown target: " + target);
    }
    return target.substring(targetPrefix.length() + 1);
  }

  /** The request body as a JSON tree; an empty body is an empty object. */
  public static JsonNode body(Request request) {
    try {
      return request.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(request.body());
    } catch (IOException e) {
      throw AwsException.badRequest("SerializationException", "Malformed JSON request body");
    }
  }

  /** Serialises any Jackson-mappable value (a record, a map, a JsonNode). */
  public Reply ok(Object body) {
    try {
      return Reply.of(200, contentType(), Json.MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Reply error(AwsException e, String requestId) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("__type", e.code());
    body.put("message", e.getMessage());
    return ok(body).withStatus(e.status()).withHeader("x-amzn-ErrorType", e.code());
  }

  @Override
  public AwsException authFailure(AuthFailure.Kind kind) {
    return switch (kind) {
      case MISSING -> forbidden("MissingAuthenticationTokenException", "Missing Authentication Token");
      case INCOMPLETE -> AwsException.badRequest("IncompleteSignatureException", "The request signature does not conform to AWS standards.");
      case UNKNOWN_KEY, INVALID_TOKEN -> AwsException.badRequest("UnrecognizedClientException", INVALID_TOKEN);
      case EXPIRED_TOKEN -> AwsException.badRequest("ExpiredTokenException", EXPIRED_TOKEN);
      case SIGNATURE_MISMATCH -> AwsException.badRequest("InvalidSignatureException", SIGNATURE_MISMATCH);
    };
  }

  private static AwsException forbidden(String code, String message) {
    return AwsException.forbidden(code, message);
  }

  @Override
  public AwsException injected(FaultKind kind) {
    return switch (kind) {
      case THROTTLE -> AwsException.badRequest("ThrottlingException", "Rate exceeded");
      case SERVER_ERROR -> new AwsException(500, "InternalFailure", "An internal error occurred.");
      case UNAVAILABLE -> new AwsException(503, "ServiceUnavailable", "Service Unavailable");
      case DROP_CONNECTION -> throw new IllegalArgumentException("a dropped connection has no error body");
    };
  }

  @Override
  public AwsException accessDenied(String message) {
    return AwsException.forbidden("AccessDeniedException", message);
  }

  @Override
  public AwsException unknownOperation(String action) {
    return AwsException.badRequest("UnknownOperationException", "Unknown operation " + action);
  }
}
