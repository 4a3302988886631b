package io.rolecall;

import io.rolecall.render.ControlChars;

/**
 * User input as it may be echoed in a one-line error: quoted, control characters escaped (so a
 * newline in the input cannot split the message or forge a log line, see {@link ControlChars}), and long values
 * shortened.
 */
public final class Shown {
  private static final int MAX = 80;

  private Shown() {}

  public static String quoted(String input) {
    if (input == null) {
      return "(nothing)";
    }
    var out = new StringBuilder("'");
    int limit = Math.min(input.length(), MAX);
    for (int i = 0; i < limit; i++) {
      ControlChars.append(out, input.charAt(i));
    }
    if (input.length() > MAX) {
      out.append("...");
    }
    return out.append('\'').toString();
  }
}
