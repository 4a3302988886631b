package io.rolecall.inventory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A token bucket: {@code rate} permits a second on average, at most {@code burst} at once after a quiet spell.
 * {@link #acquire()} reserves the next permit under a lock and sleeps outside it, so waiting callers queue up
 * fairly without holding each other up, and waiting costs nothing but a parked (virtual) thread.
 */
final class TokenBucket {
  private final double rate;
  private final double burst;
  private final long nanosPerPermit;
  private double tokens;
  private long updated;
  private long taken;

  TokenBucket(double ratePerSecond, double burst) {
    if (ratePerSecond <= 0 || burst < 1) throw new IllegalArgumentException("rate > 0 and burst >= 1 required");
    this.rate = ratePerSecond;
    this.burst = burst;
    this.nanosPerPermit = (long) (TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
    this.tokens = burst;
    this.updated = System.nanoTime();
  }

  /** Blocks until a permit is available, then takes it. */
  void acquire() {
    long wait = reserve(System.nanoTime());
    while (wait > 0) {
      long until = System.nanoTime() + wait;
      LockSupport.parkNanos(wait);
      wait = until - System.nanoTime();
    }
  }

  /** Takes a permit at {@code now}; returns how long the caller must wait for it (tokens may go negative: a queue). */
  synchronized long reserve(long now) {
    tokens = Math.min(burst, tokens + (now - updated) / 1e9 * rate);
    updated = now;
    tokens -= 1;
    taken++;
    return tokens >= 0 ? 0 : (long) (-tokens * nanosPerPermit);
  }

  synchronized long taken() {
    return taken;
  }

  double rate() {
    return rate;
  }
}
