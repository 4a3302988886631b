package io.rolecall.server.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * A recurring sync's schedule as written: {@code every N} with a unit (s, m, h, d), e.g. {@code every 6h}, or a
 * five-field cron expression in UTC, e.g. {@code 0 *}{@code /6 * * *}. Anything else is a one-line error naming the
 * field and both accepted forms.
 */
public final class ScheduleSpec {
  private static final Pattern EVERY = Pattern.compile("every\\s+([0-9]{1,6})\\s*([smhd])");
  /** A schedule fires at most this often: a sync is not a heartbeat. */
  static final Duration MIN = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofDays(366);

  private ScheduleSpec() {}

  /** Checks {@code spec}; returns it normalized (trimmed, single spaces). */
  public static String check(String spec, String field) {
    parse(spec, field);
    return normalize(spec);
  }

  static Schedule parse(String spec, String field) {
    if (spec == null || spec.isBlank()) {
      throw usage(field, spec);
    }
    String s = normalize(spec);
    var every = EVERY.matcher(s);
    if (every.matches()) {
      long n = Long.parseLong(every.group(1));
      Duration d = switch (every.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
      if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
        throw new UsageException(field + ": expected a period from 1s to 366d, got " + Shown.quoted(spec));
      }
      return new Every(d);
    }
    if (s.split(" ").length == 5 && s.chars().allMatch(c -> c == ' ' || c == '*' || c == '/' || c == ','
        || c == '-' || c == '?' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
      try {
        return new CronSchedule(s, ZoneOffset.UTC, CronStyle.UNIX);
      } catch (RuntimeException e) {
        throw usage(field, spec);
      }
    }
    throw usage(field, spec);
  }

  private static String normalize(String spec) {
    return spec.trim().replaceAll("\\s+", " ");
  }

  private static UsageException usage(String field, String spec) {
    return new UsageException(field + ": expected 'every N' with a unit s, m, h or d (e.g. every 6h), or a five-field"
        + " cron expression in UTC (e.g. 0 */6 * * *), got " + Shown.quoted(spec == null ? "" : spec));
  }

  /**
   * Every {@code period}, at a fixed rate: the first firing at once, then one a period after the last planned one,
   * skipping any period that passed while no engine was up (so a fleet back from a day down fires once, not 24 times).
   */
  record Every(Duration period) implements Schedule {
    @Override
    public Instant getNextExecutionTime(ExecutionComplete done) {
      Instant planned = done.getExecution() == null ? done.getTimeDone() : done.getExecution().executionTime;
      long p = period.toMillis();
      long behind = done.getTimeDone().toEpochMilli() - planned.toEpochMilli();
      long periods = Math.max(1, behind / p + 1);
      return planned.plusMillis(periods * p);
    }

    @Override
    public Instant getInitialExecutionTime(Instant now) {
      return now;
    }

    @Override
    public boolean isDeterministic() {
      return true;
    }
  }
}
