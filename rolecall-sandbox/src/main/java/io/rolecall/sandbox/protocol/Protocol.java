package io.rolecall.sandbox.protocol;

import io.rolecall.sandbox.auth.AuthFailure;
import io.rolecall.sandbox.fault.FaultKind;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.Request;

/**
 * An AWS wire protocol: how a request names its operation and how errors look. Success responses are built with
 * each protocol's own {@code ok(...)} methods, since their shapes differ. Services share these instances' code;
 * what differs between services of one protocol (XML namespace, JSON target prefix) is a record component.
 */
public sealed interface Protocol permits QueryProtocol, Ec2Protocol, JsonProtocol, RestXmlProtocol {

  /** The operation a request names: {@code Action} for query protocols, {@code X-Amz-Target} for JSON. */
  String action(Request request);

  /** Renders an error in this protocol's envelope. */
  Reply error(AwsException error, String requestId);

  /** The error AWS returns when authentication fails this way. */
  AwsException authFailure(AuthFailure.Kind kind);

  /** The error an injected fault produces (never called for {@link FaultKind#DROP_CONNECTION}). */
  AwsException injected(FaultKind kind);

  /** An authorization failure: {@code message} is "User: ARN is not authorized to perform: ACTION on resource: ARN...". */
  AwsException accessDenied(String message);

  /** The operation is not one the sandbox emulates. */
  AwsException unknownOperation(String action);

  /** Messages several protocols share word for word. */
  String INVALID_TOKEN = "The security token included in the request is invalid.";
  String EXPIRED_TOKEN = "The security token included in the request is expired";
  String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you provided. "
      + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
}
