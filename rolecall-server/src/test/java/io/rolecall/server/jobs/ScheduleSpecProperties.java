package io.rolecall.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import io.rolecall.UsageException;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** Schedules as written: valid forms parse to what they say; anything else is one line naming the field and forms. */
class ScheduleSpecProperties {

  @Property
  void everyNUnitIsThatPeriod(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll("units") String unit,
      @ForAll @IntRange(min = 0, max = 3) int spaces) {
    String spec = "  every" + " ".repeat(spaces + 1) + n + unit + " ";
    var schedule = ScheduleSpec.parse(spec, "schedule");
    Duration expected = switch (unit) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
    assertThat(schedule).isEqualTo(new ScheduleSpec.Every(expected));
    assertThat(ScheduleSpec.check(spec, "schedule")).isEqualTo("every " + n + unit);
  }

  @Provide
  Arbitrary<String> units() {
    return Arbitraries.of("s", "m", "h", "d");
  }

  @Property
  void anythingElseIsAOneLineUsageErrorNamingTheField(@ForAll @StringLength(max = 30) String text) {
    boolean every = text.trim().replaceAll("\\s+", " ").matches("every ?[0-9]{1,6} ?[smhd]");
    boolean cron = text.trim().split("\\s+").length == 5;
    if (every || cron) {
      return; // valid forms (or cron-shaped text, which the cron parser judges) are covered elsewhere
    }
    assertThatThrownBy(() -> ScheduleSpec.parse(text, "--schedule")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--schedule: expected 'every N'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("cron"));
  }

  @Property(tries = 200)
  void aFixedRateFiresOncePerPeriodAndSkipsPeriodsNobodyWasUpFor(@ForAll @IntRange(min = 1, max = 3600) int seconds,
      @ForAll @LongRange(min = 0, max = 1_000_000) long lateMillis) {
    var every = new ScheduleSpec.Every(Duration.ofSeconds(seconds));
    Instant planned = Instant.parse("2026-12-01T00:00:00Z");
    Instant done = planned.plusMillis(lateMillis);
    var execution = new com.github.kagkarlsson.scheduler.task.Execution(planned,
        new com.github.kagkarlsson.scheduler.task.TaskInstance<>("sync-schedule", "s1"));
    Instant next = every.getNextExecutionTime(ExecutionComplete.success(execution, planned, done));
    long p = seconds * 1000L;
    // The next firing is the first planned slot after the work was done: on the period's grid, never in the past,
    // never more than one period away (periods nobody was up for are skipped, not made up for).
    assertThat((next.toEpochMilli() - planned.toEpochMilli()) % p).isZero();
    assertThat(next).isAfter(done);
    assertThat(Duration.between(done, next).toMillis()).isLessThanOrEqualTo(p);
    // Without a planned time (the first firing is simulated): one period after it was done.
    assertThat(every.getNextExecutionTime(ExecutionComplete.simulatedSuccess(done))).isEqualTo(done.plusSeconds(seconds));
  }

  @Property
  void cronExpressionsAreFiveFieldsInUtc(@ForAll @IntRange(min = 0, max = 59) int minute,
      @ForAll @IntRange(min = 1, max = 23) int hours) {
    String spec = minute + " */" + hours + " * * *";
    assertThat(ScheduleSpec.check(spec, "schedule")).isEqualTo(spec);
    assertThatThrownBy(() -> ScheduleSpec.parse(minute + " */" + hours + " * *", "schedule"))
        .isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> ScheduleSpec.parse("61 */" + hours + " * * *", "schedule"))
        .isInstanceOf(UsageException.class).hasMessageContaining("five-field cron");
  }

  @Property
  void periodsOutsideOneSecondToAYearAreRefused(@ForAll @IntRange(min = 367, max = 999_999) int days) {
    assertThatThrownBy(() -> ScheduleSpec.parse("every " + days + "d", "schedule")).isInstanceOf(UsageException.class)
        .hasMessageContaining("from 1s to 366d");
    assertThatThrownBy(() -> ScheduleSpec.parse("every 0s", "schedule")).isInstanceOf(UsageException.class);
  }
}
