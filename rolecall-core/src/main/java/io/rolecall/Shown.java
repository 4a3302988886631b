package io.rolecall;

/**
 * User input as it may be echoed in a one-line error: quoted, control characters escaped (so a
 * newline in the input cannot split the message or forge a log line), and long values shortened.
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
      char c = input.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
              || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (input.length() > MAX) {
      out.append("...");
    }
    return out.append('\'').toString();
  }
}
