package io.rolecall.render;

/**
 * Text bound for a terminal or a log, made inert: data from AWS (tags, CloudTrail fields, error messages) may carry
 * ESC and OSC sequences, BEL, carriage returns that overwrite a line, or bidirectional overrides that make text read
 * differently from what it is. Each such character is replaced by a visible escape ({@code \n}, {@code \r},
 * {@code \t}, otherwise {@code \u001b} style), so the text shows what it holds and cannot act on the terminal.
 */
public final class ControlChars {
  private ControlChars() {}

  /**
   * C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidirectional embeddings, overrides
   * and isolates (U+202A to U+202E, U+2066 to U+2069).
   */
  public static boolean unsafe(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }

  /** {@code text} with every unsafe character escaped; null stays null. */
  public static String escape(String text) {
    if (text == null || !needsEscape(text)) {
      return text;
    }
    var out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      append(out, text.charAt(i));
    }
    return out.toString();
  }

  /** Like {@link #escape} for text of several lines: line feeds stay, everything else unsafe is escaped. */
  public static String escapeKeepingLines(String text) {
    if (text == null || !needsEscape(text)) {
      return text;
    }
    var out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append(c);
      } else {
        append(out, c);
      }
    }
    return out.toString();
  }

  /**
   * The last guard on a whole output stream (stdout, stderr): every unsafe character escaped except line feed, tab
   * and carriage return, which a stream's own writer uses for layout (a progress bar redrawn in place). Messages and
   * tables are escaped fully before they get here; this catches what other code (SDK debug logs) writes. JSON stays
   * exact: the characters it leaves raw (DEL, C1, bidi) can only be inside strings, where an escape means the same.
   */
  public static String escapeForStream(String text) {
    if (text == null || !needsEscape(text)) {
      return text;
    }
    var out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(c);
      } else {
        append(out, c);
      }
    }
    return out.toString();
  }

  /** Appends {@code c}, escaped if unsafe. */
  public static void append(StringBuilder out, char c) {
    if (!unsafe(c)) {
      out.append(c);
      return;
    }
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> out.append(String.format("\\u%04x", (int) c));
    }
  }

  private static boolean needsEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (unsafe(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
