package io.rolecall.auth;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.time.Duration;
import java.util.regex.Pattern;

/** Read and connect timeouts, parsed from the XSOAR form {@code READ} or {@code READ,CONNECT} (seconds). */
public record Timeouts(Duration read, Duration connect) {
  public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(10));
  private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,5})\\s*(?:,\\s*(\\d{1,5})\\s*)?");

  public static Timeouts parse(String text, String argumentName) {
    var m = text == null ? null : FORM.matcher(text);
    if (m == null || !m.matches()) {
      throw invalid(text, argumentName);
    }
    long read = Long.parseLong(m.group(1));
    long connect = m.group(2) == null ? DEFAULT.connect.toSeconds() : Long.parseLong(m.group(2));
    if (read < 1 || connect < 1) {
      throw invalid(text, argumentName);
    }
    return new Timeouts(Duration.ofSeconds(read), Duration.ofSeconds(connect));
  }

  private static UsageException invalid(String text, String argumentName) {
    return new UsageException(argumentName + ": expected READ or READ,CONNECT in whole seconds"
        + " (for example 60 or 60,10), got " + Shown.quoted(text));
  }

  /** The canonical text form, as a user would write it. */
  @Override
  public String toString() {
    return read.toSeconds() + "," + connect.toSeconds();
  }
}
