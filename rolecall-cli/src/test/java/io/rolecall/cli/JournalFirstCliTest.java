package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.render.Json;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import io.rolecall.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5: the audit journal can record before any change is made, and every change is in it. A journal that cannot
 * record stops every mutating command before its first AWS call; a change is journaled before its call, so a process
 * that dies between the call and its record leaves an entry that says "outcome unknown", never no entry.
 */
class JournalFirstCliTest {
  @TempDir
  Path dir;

  static Stream<String> commands() {
    return MutatingScenarios.commands().stream();
  }

  /** A store that opens and migrates, but whose journal refuses every entry (as a revoked INSERT grant would). */
  static Path readOnlyJournal(Path db, String table) {
    try (var store = Store.open(db.toString())) {
      store.transaction(c -> c.createStatement().executeUpdate("CREATE TRIGGER read_only BEFORE INSERT ON " + table
          + " BEGIN SELECT RAISE(ABORT, 'the journal is read-only'); END"));
    }
    return db;
  }

  @ParameterizedTest
  @MethodSource("commands")
  void withTheJournalUnreachableOrUnwritableNoMutatingCommandCallsAwsOrChangesAnything(String command) {
    try (var e = new SandboxEngine(dir)) {
      var scenario = MutatingScenarios.of(command, e);
      Object before = scenario.state().get();
      var journals = List.of("/dev/null/x.db", readOnlyJournal(dir.resolve("ro.db"), "audit_journal").toString(),
          "jdbc:postgresql://127.0.0.1:1/rolecall?user=x&connectTimeout=2");
      for (String journal : journals) {
        e.sb.calls().reset();
        var r = e.runWith(journal, scenario.args().isEmpty() ? List.of(command) : concat(command, scenario.args()));
        assertThat(r.exit()).as(journal + ": " + r.all()).isEqualTo(2);
        assertThat(r.err()).as(journal).startsWith("rolecall: " + command
            + ": nothing was changed: the audit journal cannot record changes (");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
        assertThat(e.sb.calls().total()).as(journal + ": AWS calls " + e.sb.calls()).isZero();
        assertThat(scenario.state().get()).as(journal + ": the state in AWS").isEqualTo(before);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aDryRunNeedsNoJournalAndWritesNone(String command) {
    try (var e = new SandboxEngine(dir)) {
      var scenario = MutatingScenarios.of(command, e);
      Object before = scenario.state().get();
      var args = concat(command, scenario.args());
      args.add("dry_run=true");
      var r = e.runWith("/dev/null/x.db", args);
      assertThat(r.exit()).as(r.all()).isZero();
      assertThat(r.out()).containsIgnoringCase("dry run");
      assertThat(scenario.state().get()).isEqualTo(before);
    }
  }

  @Test
  void aProcessKilledBetweenItsCallAndTheRecordLeavesAnEntryWhoseOutcomeIsUnknown() throws Exception {
    try (var e = new SandboxEngine(dir)) {
      var iam = e.sb.account(MutatingScenarios.ACCOUNT).iam();
      iam.setPasswordPolicy(new PasswordPolicy(8, false, true, false, false, true, 0, 0, false));
      var started = new CliRun.Started[1];
      // Runs in the sandbox once UpdateAccountPasswordPolicy is applied, before its response is sent: the process
      // dies with the change made and its outcome unrecorded.
      e.sb.faults().on("iam").action("UpdateAccountPasswordPolicy").thenAlter(() -> {
        started[0].process().destroyForcibly();
        try {
          started[0].process().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      });
      started[0] = CliRun.start(e.env, e.line(e.db.toString(), List.of("aws-iam-account-password-policy-update",
          "account_id=" + MutatingScenarios.ACCOUNT, "minimum_password_length=14")));
      var killed = started[0].finish();
      assertThat(killed.exit()).as(killed.all()).isEqualTo(137);
      assertThat(iam.passwordPolicy().orElseThrow().minimumPasswordLength()).isEqualTo(14);

      var audit = e.run("audit");
      assertThat(audit.exit()).as(audit.err()).isZero();
      assertThat(audit.out()).contains("aws-iam-account-password-policy-update", "outcome unknown",
          "MinimumPasswordLength: 8 → 14");
      JsonNode entry = Json.mapper().readTree(e.run("audit", "-o", "json").out()).get(0);
      assertThat(entry.path("Outcome").asText()).isEqualTo("outcome unknown");
      assertThat(entry.path("Requested").path("MinimumPasswordLength").asInt()).isEqualTo(14);
      assertThat(entry.path("After").isNull()).isTrue();
    }
  }

  @Test
  void anOutcomeTheJournalCannotRecordIsAFailureThatSaysSoAndTheEntryStaysUnknown() throws Exception {
    try (var e = new SandboxEngine(dir)) {
      var iam = e.sb.account(MutatingScenarios.ACCOUNT).iam();
      iam.setPasswordPolicy(new PasswordPolicy(8, false, true, false, false, true, 0, 0, false));
      String db = readOnlyJournal(dir.resolve("outcomes-refused.db"), "audit_outcome").toString();
      var r = e.runWith(db, List.of("aws-iam-account-password-policy-update", "account_id=" + MutatingScenarios.ACCOUNT,
          "minimum_password_length=14"));
      assertThat(r.exit()).as(r.all()).isEqualTo(1);
      assertThat(r.err()).contains("the change to account-password-policy was applied, but the audit journal could"
          + " not record its outcome (entry 1 shows 'outcome unknown')");
      assertThat(iam.passwordPolicy().orElseThrow().minimumPasswordLength()).isEqualTo(14);
      var audit = e.runWith(db, List.of("audit", "-o", "json"));
      assertThat(Json.mapper().readTree(audit.out()).get(0).path("Outcome").asText()).isEqualTo("outcome unknown");
    }
  }

  @Test
  void everyAppliedChangeIsJournaledAsAppliedWithTheStateReadBack() throws Exception {
    for (String command : MutatingScenarios.commands()) {
      try (var e = new SandboxEngine(java.nio.file.Files.createDirectories(dir.resolve(command)))) {
        var scenario = MutatingScenarios.of(command, e);
        Object before = scenario.state().get();
        var r = e.runWith(e.db.toString(), concat(command, scenario.args()));
        assertThat(r.exit()).as(command + ": " + r.all()).isZero();
        assertThat(scenario.state().get()).as(command).isNotEqualTo(before);
        JsonNode entries = Json.mapper().readTree(e.run("audit", "-o", "json").out());
        assertThat(entries).as(command).hasSize(1);
        assertThat(entries.get(0).path("Command").asText()).isEqualTo(command);
        assertThat(entries.get(0).path("Outcome").asText()).as(command).isEqualTo("applied");
        assertThat(entries.get(0).path("Detail").isNull()).as(command + ": " + entries.get(0)).isTrue();
      }
    }
  }

  static List<String> concat(String first, List<String> rest) {
    var all = new ArrayList<String>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
