package io.rolecall.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.command.Table;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * SPEC §5, data from AWS is hostile: whatever strings a table or CSV is made of, no CSV cell reads as a formula and
 * no rendered cell carries a control character. The strings mix every kind of character with the ones that attack
 * (formula starts, ESC and OSC sequences, BEL, CR, DEL, C1, bidi overrides, quotes and separators).
 */
class NeutralizedOutputProperties {
  private static final String HOSTILE = "=+-@\uff1d\uff0b\uff0d\uff20\t\r\n\u001b\u0007\u007f\u0085\u009b\u202e\u2066"
      + "\u2028\",; ]0;'";

  @Provide
  Arbitrary<String> awsText() {
    var hostile = Arbitraries.strings().withChars(HOSTILE + "aZ0(").ofMaxLength(12);
    var sequences = Arbitraries.of("\u001b]0;owned\u0007", "\u001b[2J", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)",
        "  =1+1", "-2+3", "\u202egnp.exe", "\r\nforged line");
    var any = Arbitraries.strings().ofMaxLength(30);
    return Arbitraries.oneOf(hostile, sequences, any, Arbitraries.strings().all().ofMaxLength(8))
        .list().ofMaxSize(3).map(parts -> String.join("", parts));
  }

  @Property(tries = 2000)
  void csvCellsAreNeverFormulasNorHoldControlCharacters(@ForAll("awsText") String value) {
    String cell = Csv.cell(value);
    assertNoControlCharacter(cell);
    String read = spreadsheetValue(cell);
    assertThat(Csv.startsLikeFormula(read)).as("cell %s reads as %s", cell, read).isFalse();
    if (!cell.startsWith("\"")) {
      assertThat(cell).doesNotContain(",", ";", "\"");
    }
  }

  @Property(tries = 500)
  void csvRowsHaveOneCellPerValue(@ForAll @Size(max = 5) List<@net.jqwik.api.From("awsText") String> values) {
    String row = Csv.row(values);
    assertNoControlCharacter(row);
    assertThat(split(row)).hasSize(Math.max(1, values.size()));
  }

  @Property(tries = 1000)
  void tableCellsTitlesAndNotesHoldNoControlCharacterAndRowsStayOneLine(@ForAll("awsText") String title,
      @ForAll("awsText") String header, @ForAll @Size(max = 4) List<@net.jqwik.api.From("awsText") String> cells,
      @ForAll("awsText") String note) {
    var table = Table.of(title, header);
    for (String c : cells) {
      table = table.row(c);
    }
    String text = TextTable.render(table.withNote(note));
    for (char c : text.toCharArray()) {
      assertThat(c == '\n' || !ControlChars.unsafe(c)).as("character U+%04X in %s", (int) c, text).isTrue();
    }
    if (!cells.isEmpty()) {
      // title (if any), header, rule, one line per row, then the note's lines (a note keeps its own line breaks)
      int titleLines = title.isEmpty() ? 0 : 1;
      int noteLines = note.split("\n", -1).length;
      assertThat(text.split("\n", -1)).hasSize(titleLines + 2 + cells.size() + noteLines + 1);
    }
  }

  @Property
  void textWithoutControlCharactersIsLeftAsItIs(@ForAll String value) {
    boolean clean = value.chars().noneMatch(c -> ControlChars.unsafe((char) c));
    if (clean) {
      assertThat(ControlChars.escape(value)).isSameAs(value);
    } else {
      assertNoControlCharacter(ControlChars.escape(value));
    }
  }

  private static void assertNoControlCharacter(String text) {
    for (char c : text.toCharArray()) {
      assertThat(ControlChars.unsafe(c)).as("character U+%04X in %s", (int) c, text).isFalse();
    }
  }

  /** What a spreadsheet holds for one RFC 4180 cell: the quotes removed, doubled quotes single. */
  private static String spreadsheetValue(String cell) {
    if (cell.startsWith("\"") && cell.endsWith("\"") && cell.length() >= 2) {
      return cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
    }
    return cell;
  }

  /** Splits an RFC 4180 record at the commas outside quotes. */
  private static List<String> split(String row) {
    var cells = new ArrayList<String>();
    var cur = new StringBuilder();
    boolean quoted = false;
    for (char c : row.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        cells.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    cells.add(cur.toString());
    return cells;
  }
}
