package io.rolecall.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.command.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void alignsColumnsUnderARule() {
    var t = Table.of("Users", "UserId", "UserName", "Emails")
        .row("u-1", "alice", List.of("a@example.com", "alice@example.com"))
        .row("u-22", null, List.of());
    assertThat(TextTable.render(t)).isEqualTo("""
        Users
        UserId  UserName  Emails
        ------  --------  --------------------------------
        u-1     alice     a@example.com, alice@example.com
        u-22
        """);
  }

  @Test
  void emptyTableShowsItsNote() {
    assertThat(TextTable.render(Table.of("Policy", "A").withNote("No password policy is set.")))
        .isEqualTo("Policy\nNo password policy is set.\n");
  }

  @Test
  void lineBreaksInValuesStayOnOneRowShownAsEscapes() {
    assertThat(TextTable.render(Table.of("", "A").row("x\ny"))).isEqualTo("A\n----\nx\\ny\n");
  }

  @Test
  void terminalEscapesFromAwsDataAreShownNotSent() {
    var t = Table.of("Events \u001b[2J", "Name").row("\u001b]0;owned\u0007web\u202e").withNote("done\r\u0085");
    assertThat(TextTable.render(t)).isEqualTo("""
        Events \\u001b[2J
        Name
        -----------------------------
        \\u001b]0;owned\\u0007web\\u202e
        done\\r\\u0085
        """);
  }
}
