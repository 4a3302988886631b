package io.rolecall.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The sandbox's notion of "now", for credential and token expiry and for dates it reports. Tests move it forward
 * to expire credentials without waiting. SigV4 request dates are not checked against it.
 */
public final class SandboxClock {
  private volatile Duration offset = Duration.ZERO;

  public Instant now() {
    return Instant.now().plus(offset);
  }

  /** Moves the sandbox's clock forward (or back, with a negative duration). */
  public synchronized void advance(Duration by) {
    offset = offset.plus(by);
  }
}
