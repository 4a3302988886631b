package io.rolecall.inventory;

import io.rolecall.aws.CallScope;
import java.util.concurrent.atomic.LongAdder;

/** One account's view of its SDK attempts during a sync: paced by the {@link RateLimits}, counted here. */
final class AccountMeter implements CallScope {
  private final String accountId;
  private final RateLimits limits;
  private final LongAdder calls = new LongAdder();
  private final LongAdder throttled = new LongAdder();
  private final Runnable onCall;

  AccountMeter(String accountId, RateLimits limits, Runnable onCall) {
    this.accountId = accountId;
    this.limits = limits;
    this.onCall = onCall;
  }

  @Override
  public void beforeAttempt(String service, String operation, String region) {
    limits.acquire(accountId, service, region);
    calls.increment();
    onCall.run();
  }

  @Override
  public void afterAttempt(String service, String operation, boolean wasThrottled) {
    if (wasThrottled) {
      throttled.increment();
    }
  }

  long calls() {
    return calls.sum();
  }

  long throttled() {
    return throttled.sum();
  }
}
