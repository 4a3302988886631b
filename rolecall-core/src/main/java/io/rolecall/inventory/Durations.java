package io.rolecall.inventory;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.time.Duration;
import java.util.regex.Pattern;

/** The durations the inventory's options take: a whole number and a unit, 30m, 12h or 7d. */
public final class Durations {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([mhd])");

  private Durations() {}

  /**
   * Parses {@code text} for {@code option}; outside [min, max], or not of the form, is a one-line UsageException
   * naming the option and the accepted form.
   */
  public static Duration parse(String text, String option, Duration min, Duration max) {
    Duration d = null;
    var m = text == null ? null : DURATION.matcher(text.trim());
    if (m != null && m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = switch (m.group(2)) {
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new UsageException(option + ": expected a duration from " + format(min) + " to " + format(max)
          + " such as 30m, 12h or 7d, got " + Shown.quoted(text));
    }
    return d;
  }

  /** The shortest of the accepted forms that says it exactly: 7d, 36h, 90m. */
  public static String format(Duration d) {
    long minutes = d.toMinutes();
    if (minutes % (24 * 60) == 0) {
      return minutes / (24 * 60) + "d";
    }
    return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
  }
}
