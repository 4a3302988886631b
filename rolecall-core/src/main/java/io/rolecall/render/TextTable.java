package io.rolecall.render;

import io.rolecall.command.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Table} for a terminal: a title line, aligned columns and a dash rule, or the
 * table's note when it has no rows. Values are shown as given; null is blank. Cells, title, headers and notes may
 * hold AWS data, so control characters are escaped ({@link ControlChars}): a row stays one line, and nothing in a
 * value reaches the terminal as a command. Notes keep their line breaks (one note per line).
 */
public final class TextTable {
  private TextTable() {}

  public static String render(Table table) {
    var out = new StringBuilder();
    if (table.title() != null && !table.title().isEmpty()) {
      out.append(ControlChars.escape(table.title())).append('\n');
    }
    if (table.rows().isEmpty()) {
      out.append(table.note() != null ? ControlChars.escapeKeepingLines(table.note()) : "(none)").append('\n');
      return out.toString();
    }
    int n = table.columns().size();
    int[] widths = new int[n];
    var cells = new ArrayList<List<String>>();
    cells.add(table.columns().stream().map(ControlChars::escape).toList());
    for (var row : table.rows()) {
      var texts = new ArrayList<String>(n);
      for (Object v : row) {
        texts.add(cell(v));
      }
      cells.add(texts);
    }
    for (var row : cells) {
      for (int i = 0; i < n; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    appendRow(out, cells.getFirst(), widths);
    var rule = new ArrayList<String>(n);
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    appendRow(out, rule, widths);
    for (var row : cells.subList(1, cells.size())) {
      appendRow(out, row, widths);
    }
    if (table.note() != null) {
      out.append(ControlChars.escapeKeepingLines(table.note())).append('\n');
    }
    return out.toString();
  }

  private static void appendRow(StringBuilder out, List<String> row, int[] widths) {
    int start = out.length();
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        out.append("  ");
      }
      out.append(row.get(i));
      out.append(" ".repeat(widths[i] - row.get(i).length()));
    }
    // Trailing spaces on the last column would only make golden files fragile.
    int end = out.length();
    while (end > start && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof List<?> list) {
      var parts = new ArrayList<String>();
      for (Object o : list) {
        parts.add(cell(o));
      }
      return String.join(", ", parts);
    }
    return ControlChars.escape(v.toString());
  }
}
