package io.rolecall.render;

import io.rolecall.command.Table;
import java.util.List;

/**
 * A table as XSOAR's war room shows it, in the shape of tableToMarkdown: {@code ### Title}, then a pipe table
 * ({@code |A|B|}, {@code |---|---|}, {@code | a | b |}) (or
 * "**No entries.**" when there are no rows), then the note. Cells are escaped so that what AWS returns can neither
 * break the table (a pipe, a line break) nor reach the terminal as control characters.
 */
public final class Markdown {
  private Markdown() {}

  public static String render(Table table) {
    var out = new StringBuilder();
    out.append("### ").append(inline(table.title())).append('\n');
    if (table.rows().isEmpty()) {
      out.append("**No entries.**\n");
    } else {
      out.append('|');
      table.columns().forEach(c -> out.append(cell(c)).append('|'));
      out.append('\n').append('|');
      table.columns().forEach(c -> out.append("---|"));
      out.append('\n');
      table.rows().forEach(r -> row(out, r));
    }
    if (table.note() != null && !table.note().isBlank()) {
      out.append('\n');
      for (String line : table.note().split("\n", -1)) {
        out.append(inline(line)).append("\n");
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<?> cells) {
    out.append('|');
    for (Object cell : cells) {
      out.append(' ').append(cell(cell)).append(" |");
    }
    out.append('\n');
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof String s ? s : Json.write(value);
    return inline(text).replace("|", "\\|");
  }

  /** One line of text: line breaks become {@code <br>}, control characters are escaped. */
  private static String inline(String text) {
    if (text == null) {
      return "";
    }
    String lines = text.replace("\r\n", "\n").replace("\r", "\n");
    var out = new StringBuilder();
    String[] parts = lines.split("\n", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append("<br>");
      }
      out.append(ControlChars.escape(parts[i]));
    }
    return out.toString();
  }
}
