package io.rolecall.config;

import io.rolecall.UsageException;
import io.rolecall.inventory.Durations;
import java.time.Duration;

/**
 * How much inventory history to keep: the newest {@code keepRuns} runs' snapshots, and/or none older than
 * {@code olderThan}. Current state is always kept whatever these say.
 */
public record Retention(Integer keepRuns, Duration olderThan) {
  public static final int MAX_RUNS = 100_000;

  /**
   * Checks the two settings, as given under the names {@code keepName} and {@code ageName} (flags or config keys,
   * which the one-line errors name); at least one is required.
   */
  public static Retention parse(Integer keepRuns, String keepName, String olderThan, String ageName) {
    if (keepRuns == null && olderThan == null) {
      throw new UsageException("retention: give " + keepName + " N (keep the newest N runs) and/or " + ageName
          + " D (such as 90d)");
    }
    if (keepRuns != null && (keepRuns < 1 || keepRuns > MAX_RUNS)) {
      throw new UsageException(keepName + ": expected a whole number from 1 to " + MAX_RUNS + " (runs to keep), got "
          + keepRuns);
    }
    Duration age = olderThan == null ? null
        : Durations.parse(olderThan, ageName, Duration.ofHours(1), Duration.ofDays(36_500));
    return new Retention(keepRuns, age);
  }
}
