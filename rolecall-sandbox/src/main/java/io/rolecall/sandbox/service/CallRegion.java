package io.rolecall.sandbox.service;

import io.rolecall.sandbox.auth.SigV4;

/** The region a request was signed for: regional services (EC2, CloudTrail) keep state per region. */
public final class CallRegion {
  private CallRegion() {}

  public static String of(Call call) {
    return SigV4.read(call.request()).map(SigV4.Signature::region).orElse("us-east-1");
  }
}
