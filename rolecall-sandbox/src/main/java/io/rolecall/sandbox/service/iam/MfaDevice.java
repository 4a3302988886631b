package io.rolecall.sandbox.service.iam;

import java.time.Instant;

/**
 * A virtual MFA device: {@code serialNumber} is its ARN (arn:aws:iam::ACCOUNT:mfa/NAME). {@code userName} and
 * {@code enableDate} are null while it is not assigned to a user.
 */
public record MfaDevice(String serialNumber, String userName, Instant enableDate) {

  public boolean assigned() {
    return userName != null;
  }
}
