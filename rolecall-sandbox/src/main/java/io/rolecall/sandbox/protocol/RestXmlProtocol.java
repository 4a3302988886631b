package io.rolecall.sandbox.protocol;

import io.rolecall.sandbox.Ids;
import io.rolecall.sandbox.auth.AuthFailure;
import io.rolecall.sandbox.fault.FaultKind;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.Request;

/**
 * REST-XML (S3, S3 Control): the operation is given by method and path, so services using it must override
 * {@code Service.action}. Errors are {@code <Error><Code/><Message/><RequestId/><HostId/></Error>} for S3; other
 * REST-XML services (S3 Control among them) wrap that in {@code <ErrorResponse>}, and their SDK clients find the code
 * only there. Both come with {@code x-amz-request-id} and {@code x-amz-id-2} headers.
 *
 * @param errorResponseEnvelope wrap errors in {@code <ErrorResponse>} (every REST-XML service but S3)
 */
public record RestXmlProtocol(boolean errorResponseEnvelope) implements Protocol {

  /** S3's flavour: errors with a bare {@code <Error>} root. */
  public RestXmlProtocol() {
    this(false);
  }

  private static final String CONTENT_TYPE = "application/xml";
  private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  @Override
  public String action(Request request) {
    throw new IllegalStateException("REST-XML services name their operation from method and path: override Service.action");
  }

  /** A 200 response with an XML document, or an empty body when {@code document} is null. */
  public Reply ok(String requestId, Xml document) {
    var reply = document == null ? new Reply(200, CONTENT_TYPE, new byte[0], java.util.Map.of())
        : Reply.of(200, CONTENT_TYPE, PROLOG + document);
    return withIds(reply, requestId);
  }

  @Override
  public Reply error(AwsException e, String requestId) {
    var x = new Xml().nest("Error", err -> err.el("Code", e.code()).el("Message", e.getMessage())
        .el("RequestId", requestId).el("HostId", hostId()));
    String body = errorResponseEnvelope ? "<ErrorResponse>" + x + "</ErrorResponse>" : x.toString();
    return withIds(Reply.of(e.status(), CONTENT_TYPE, PROLOG + body), requestId);
  }

  private static Reply withIds(Reply reply, String requestId) {
    return reply.withHeader("x-amz-request-id", requestId).withHeader("x-amz-id-2", hostId());
  }

  private static String hostId() {
    return Ids.random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 56);
  }

  @Override
  public AwsException authFailure(AuthFailure.Kind kind) {
    return switch (kind) {
      case MISSING -> AwsException.forbidden("AccessDenied", "Access Denied");
      case INCOMPLETE -> AwsException.badRequest("AuthorizationHeaderMalformed", "The authorization header is malformed");
      case UNKNOWN_KEY -> AwsException.forbidden("InvalidAccessKeyId",
          "The AWS Access Key Id you provided does not exist in our records.");
      case INVALID_TOKEN -> AwsException.badRequest("InvalidToken", "The provided token is malformed or otherwise invalid.");
      case EXPIRED_TOKEN -> AwsException.badRequest("ExpiredToken", "The provided token has expired.");
      case SIGNATURE_MISMATCH -> AwsException.forbidden("SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    };
  }

  @Override
  public AwsException injected(FaultKind kind) {
    return switch (kind) {
      case THROTTLE -> new AwsException(503, "SlowDown", "Please reduce your request rate.");
      case SERVER_ERROR -> new AwsException(500, "InternalError", "We encountered an internal error. Please try again.");
      case UNAVAILABLE -> new AwsException(503, "ServiceUnavailable", "Service is unable to handle request.");
      case DROP_CONNECTION -> throw new IllegalArgumentException("a dropped connection has no error body");
    };
  }

  @Override
  public AwsException accessDenied(String message) {
    return AwsException.forbidden("AccessDenied", message);
  }

  @Override
  public AwsException unknownOperation(String action) {
    return new AwsException(501, "NotImplemented", "A header or operation you provided implies functionality that is not implemented: " + action);
  }
}
