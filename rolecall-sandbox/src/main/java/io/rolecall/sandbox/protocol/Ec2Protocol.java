package io.rolecall.sandbox.protocol;

import io.rolecall.sandbox.auth.AuthFailure;
import io.rolecall.sandbox.fault.FaultKind;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.Request;
import java.util.function.Consumer;

/**
 * EC2's variant of the query protocol: results sit directly in {@code <OpResponse xmlns=NS><requestId/>...}, with
 * lower-camel element names, and errors use {@code <Response><Errors><Error><Code/><Message/></Error></Errors>
 * <RequestID/></Response>}.
 */
public record Ec2Protocol(String namespace) implements Protocol {

  public static final Ec2Protocol EC2 = new Ec2Protocol("http://ec2.amazonaws.com/doc/2016-11-15/");
  private static final String CONTENT_TYPE = "text/xml;charset=UTF-8";

  @Override
  public String action(Request request) {
    String action = QueryParams.of(request).get("Action");
    if (action == null || action.isEmpty()) throw AwsException.badRequest("MissingAction", "The request must contain the parameter Action");
    return action;
  }

  public Reply ok(String action, String requestId, Consumer<Xml> body) {
    var x = new Xml().el("requestId", requestId);
    body.accept(x);
    return Reply.of(200, CONTENT_TYPE, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\""
        + namespace + "\">" + x + "</" + action + "Response>");
  }

  @Override
  public Reply error(AwsException e, String requestId) {
    var x = new Xml().nest("Errors", errs -> errs.nest("Error", err -> err.el("Code", e.code()).el("Message", e.getMessage())))
        .el("RequestID", requestId);
    return Reply.of(e.status(), CONTENT_TYPE, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>" + x + "</Response>");
  }

  @Override
  public AwsException authFailure(AuthFailure.Kind kind) {
    return switch (kind) {
      case MISSING -> new AwsException(401, "MissingAuthenticationToken", "Request is missing Authentication Token");
      case INCOMPLETE -> AwsException.badRequest("IncompleteSignature", "The request signature does not conform to AWS standards.");
      case UNKNOWN_KEY, INVALID_TOKEN -> new AwsException(401, "AuthFailure",
          "AWS was not able to validate the provided access credentials");
      // EC2 reports expired temporary credentials as an expired request.
      case EXPIRED_TOKEN -> AwsException.badRequest("RequestExpired", "Request has expired.");
      case SIGNATURE_MISMATCH -> AwsException.forbidden("SignatureDoesNotMatch", SIGNATURE_MISMATCH);
    };
  }

  @Override
  public AwsException injected(FaultKind kind) {
    return switch (kind) {
      case THROTTLE -> new AwsException(503, "RequestLimitExceeded", "Request limit exceeded.");
      case SERVER_ERROR -> new AwsException(500, "InternalError", "An internal error has occurred.");
      case UNAVAILABLE -> new AwsException(503, "Unavailable", "The server is overloaded and can't handle the request.");
      case DROP_CONNECTION -> throw new IllegalArgumentException("a dropped connection has no error body");
    };
  }

  @Override
  public AwsException accessDenied(String message) {
    return AwsException.forbidden("UnauthorizedOperation", "You are not authorized to perform this operation. " + message);
  }

  @Override
  public AwsException unknownOperation(String action) {
    return AwsException.badRequest("InvalidAction", "The action " + action + " is not valid for this web service.");
  }
}
