package io.rolecall.sandbox.protocol;

import io.rolecall.sandbox.auth.AuthFailure;
import io.rolecall.sandbox.fault.FaultKind;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.Request;
import java.util.function.Consumer;

/**
 * The AWS query protocol (STS, IAM): form-encoded {@code Action=...&Version=...}, XML responses
 * {@code <OpResponse xmlns=NS><OpResult>...</OpResult><ResponseMetadata><RequestId/></ResponseMetadata></OpResponse>},
 * errors {@code <ErrorResponse xmlns=NS><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 *
 * @param namespace the API's XML namespace, e.g. {@code https://sts.amazonaws.com/doc/2011-06-15/}; null for none
 */
public record QueryProtocol(String namespace) implements Protocol {

  public static final String CONTENT_TYPE = "text/xml";

  @Override
  public String action(Request request) {
    String action = QueryParams.of(request).get("Action");
    if (action == null || action.isEmpty()) {
      throw AwsException.badRequest("MissingAction", "Could not find operation: the request has no Action parameter");
    }
    return action;
  }

  /** A response with a result element. */
  public Reply ok(String action, String requestId, Consumer<Xml> result) {
    var x = new Xml().nest(action + "Result", result);
    return envelope(action, requestId, x);
  }

  /** A response without a result element, as AWS sends for Update/Delete operations. */
  public Reply ok(String action, String requestId) {
    return envelope(action, requestId, new Xml());
  }

  private Reply envelope(String action, String requestId, Xml body) {
    String xml = "<" + action + "Response" + xmlns() + ">" + body
        + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></" + action + "Response>";
    return Reply.of(200, CONTENT_TYPE, xml);
  }

  @Override
  public Reply error(AwsException e, String requestId) {
    var x = new Xml().nest("Error", err -> err
            .el("Type", e.senderFault() ? "Sender" : "Receiver").el("Code", e.code()).el("Message", e.getMessage()))
        .el("RequestId", requestId);
    return Reply.of(e.status(), CONTENT_TYPE, "<ErrorResponse" + xmlns() + ">" + x + "</ErrorResponse>");
  }

  private String xmlns() {
    return namespace == null ? "" : " xmlns=\"" + namespace + "\"";
  }

  @Override
  public AwsException authFailure(AuthFailure.Kind kind) {
    return switch (kind) {
      case MISSING -> AwsException.forbidden("MissingAuthenticationToken", "Request is missing Authentication Token");
      case INCOMPLETE -> AwsException.badRequest("IncompleteSignature",
          "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters "
              + "and an X-Amz-Date header.");
      case UNKNOWN_KEY, INVALID_TOKEN -> AwsException.forbidden("InvalidClientTokenId", INVALID_TOKEN);
      case EXPIRED_TOKEN -> AwsException.forbidden("ExpiredToken", EXPIRED_TOKEN);
      case SIGNATURE_MISMATCH -> AwsException.forbidden("SignatureDoesNotMatch", SIGNATURE_MISMATCH);
    };
  }

  @Override
  public AwsException injected(FaultKind kind) {
    return switch (kind) {
      case THROTTLE -> AwsException.badRequest("Throttling", "Rate exceeded");
      case SERVER_ERROR -> new AwsException(500, "InternalFailure",
          "The request processing has failed because of an unknown error, exception or failure.");
      case UNAVAILABLE -> new AwsException(503, "ServiceUnavailable", "Service Unavailable");
      case DROP_CONNECTION -> throw new IllegalArgumentException("a dropped connection has no error body");
    };
  }

  @Override
  public AwsException accessDenied(String message) {
    return AwsException.forbidden("AccessDenied", message);
  }

  @Override
  public AwsException unknownOperation(String action) {
    return AwsException.badRequest("InvalidAction", "Could not find operation " + action);
  }
}
