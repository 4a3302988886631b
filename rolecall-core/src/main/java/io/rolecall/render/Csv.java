package io.rolecall.render;

import java.util.List;

/**
 * CSV cells that a spreadsheet shows as text, never runs. An EC2 Name tag of {@code =HYPERLINK(...)} would otherwise
 * plant a formula in the auditor's sheet, so, as OWASP's CSV injection guidance has it: a cell whose first
 * non-blank character is {@code = + - @} (or their fullwidth forms, which some spreadsheets read alike) gets a
 * leading {@code '}; tab and carriage return, the other formula triggers, are escaped like every control character
 * ({@link ControlChars}), so a cell is also one line; and a cell holding a comma, semicolon (the separator in some
 * locales), quote or leading or trailing space is quoted as RFC 4180 says, quotes doubled. Every CSV rolecall writes
 * goes through here.
 */
public final class Csv {
  private Csv() {}

  private static final String FORMULA_STARTS = "=+-@\uff1d\uff0b\uff0d\uff20";

  /** One cell; null is empty. */
  public static String cell(String value) {
    if (value == null) {
      return "";
    }
    String text = ControlChars.escape(value);
    if (startsLikeFormula(text)) {
      text = "'" + text;
    }
    if (needsQuotes(text)) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /** One record: the cells, neutralized, joined by commas (no line end). */
  public static String row(List<String> values) {
    return String.join(",", values.stream().map(Csv::cell).toList());
  }

  /** Whether a spreadsheet would read {@code text} as a formula: its first non-blank character starts one. */
  public static boolean startsLikeFormula(String text) {
    String s = text.stripLeading();
    return !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0;
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty()) {
      return false;
    }
    return text.indexOf(',') >= 0 || text.indexOf(';') >= 0 || text.indexOf('"') >= 0
        || Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1));
  }
}
