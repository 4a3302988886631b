package io.rolecall.sandbox.service;

import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.Request;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Protocol;

/**
 * One emulated AWS service. The server routes a signed request to the service whose {@link #signingName()} is in
 * the credential scope (and which {@link #accepts} it), authenticates it, applies faults, logs it, then calls
 * {@link #handle}. Errors thrown as {@link AwsException} are rendered in {@link #protocol()}'s envelope.
 */
public interface Service {

  /** The SigV4 signing name: sts, iam, s3, ec2, identitystore, sso, cloudtrail, organizations. */
  String signingName();

  /** The name faults and the call log use; differs from the signing name only when two services share one (s3control). */
  default String name() {
    return signingName();
  }

  Protocol protocol();

  /** For services sharing a signing name (S3 and S3 Control both sign as "s3"): claim only your requests. */
  default boolean accepts(Request request) {
    return true;
  }

  /** The operation name; REST services must override (their protocol cannot tell). */
  default String action(Request request) {
    return protocol().action(request);
  }

  Reply handle(Call call);

  /** The AccessDenied error of this service; the protocol's by default. */
  default AwsException accessDenied(String message) {
    return protocol().accessDenied(message);
  }
}
