package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.render.Json;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §5: every change is journaled with the state read back after it. The sandbox makes each write, then alters
 * the state before answering (AWS keeping something other than it was sent); the command must report and journal
 * what it reads, and warn (stderr, the table's note, the JSON result) that it differs from what was asked.
 */
class ReadBackCliTest {
  @TempDir
  Path dir;

  /** The commands whose resource remains after the write, so that an alteration of it can be read. */
  static Stream<String> alterable() {
    return MutatingScenarios.commands().stream().filter(c -> !c.contains("-delete-"));
  }

  @ParameterizedTest
  @MethodSource("alterable")
  void whatAwsHoldsAfterTheWriteIsReportedAndJournaledAndADifferenceIsAWarning(String command) throws Exception {
    try (var e = new SandboxEngine(dir)) {
      var scenario = MutatingScenarios.of(command, e);
      e.sb.faults().on(scenario.service()).action(scenario.action()).thenAlter(scenario.alteration());
      var r = e.run(LostResponseCliTest.line(scenario));
      assertThat(r.exit()).as(r.all()).isZero();
      assertThat(r.err()).startsWith("rolecall: warning: read back differs from what was asked: ");
      assertThat(r.out()).contains("Warning: read back differs from what was asked: ");
      JsonNode entry = Json.mapper().readTree(e.run("audit", "-o", "json").out()).get(0);
      assertThat(entry.path("Outcome").asText()).isEqualTo("applied");
      assertThat(entry.path("Detail").asText()).startsWith("read back differs from what was asked: ");
      assertThat(entry.path("After")).as("the state read back").isNotEqualTo(entry.path("Requested"));
    }
  }

  @Test
  void thePasswordPolicyJournalsTheExpirePasswordsIamKeptNotTheOneComputed() throws Exception {
    try (var e = new SandboxEngine(dir)) {
      var scenario = MutatingScenarios.of("aws-iam-account-password-policy-update", e);
      e.sb.faults().on("iam").action("UpdateAccountPasswordPolicy").thenAlter(scenario.alteration());
      var r = e.run(LostResponseCliTest.line(scenario, "-o", "json"));
      assertThat(r.exit()).as(r.all()).isZero();
      JsonNode contents = Json.mapper().readTree(r.out());
      assertThat(contents.path("After").path("ExpirePasswords").asBoolean()).isFalse();
      assertThat(contents.path("After").has("MaxPasswordAge")).isFalse();
      assertThat(contents.path("Warnings").toString()).contains("ExpirePasswords is false, asked for true",
          "MaxPasswordAge is unset, asked for 90");
      var audit = e.run("audit");
      assertThat(audit.out()).contains("MinimumPasswordLength: 8 → 14").doesNotContain("ExpirePasswords: false → true");
      JsonNode entry = Json.mapper().readTree(e.run("audit", "-o", "json").out()).get(0);
      assertThat(entry.path("Requested").path("ExpirePasswords").asBoolean()).isTrue();
      assertThat(entry.path("After").path("ExpirePasswords").asBoolean()).isFalse();
      assertThat(e.sb.account(MutatingScenarios.ACCOUNT).iam().passwordPolicy())
          .contains(new PasswordPolicy(14, false, true, false, false, true, 0, 0, false));
    }
  }

  @Test
  void withoutADifferenceThereIsNoWarning() {
    try (var e = new SandboxEngine(dir)) {
      var scenario = MutatingScenarios.of("aws-s3-public-access-block-update", e);
      var r = e.run(LostResponseCliTest.line(scenario));
      assertThat(r.exit()).as(r.all()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out()).doesNotContain("Warning");
      assertThat(e.sb.calls().count("s3", "GetPublicAccessBlock")).as("read before and after").isEqualTo(2);
    }
  }
}
