package io.rolecall.sandbox.auth;

import java.time.Instant;

/**
 * A key pair the sandbox issued, and whom it stands for. Temporary credentials (ASIA...) carry a session token
 * and an expiration; long-term ones (AKIA...) have neither.
 *
 * @param mfaAuthenticated whether the session was obtained with MFA (drives {@code aws:MultiFactorAuthPresent})
 */
public record Credential(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                         Principal principal, Instant created, boolean mfaAuthenticated) {

  public boolean temporary() {
    return sessionToken != null;
  }

  @Override
  public String toString() {
    return "Credential[" + accessKeyId + " -> " + principal.arn() + (temporary() ? ", expires " + expiration : "") + "]";
  }
}
