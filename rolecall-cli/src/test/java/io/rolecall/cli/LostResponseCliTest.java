package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.render.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §5: a retried write whose first response was lost is reported as what really happened. The sandbox applies
 * each mutating command's write and drops the response; the SDK retries; whatever the retry meets (the change
 * already made: "Duplicate UserName", "not found", "already a member", or plain success), the command reports
 * and journals the change as applied, and says a response was lost where that changed what AWS answered.
 */
class LostResponseCliTest {
  /** Writes whose retry is refused because the first attempt was applied: these must say how they were settled. */
  static final Set<String> REFUSED_ON_RETRY = Set.of("aws-iam-identitycenter-create-user",
      "aws-iam-identitycenter-delete-user", "aws-iam-identitycenter-create-group", "aws-iam-identitycenter-delete-group",
      "aws-iam-identitycenter-add-user-to-group", "aws-iam-identitycenter-delete-group-membership",
      "aws-iam-identitycenter-remove-user-from-all-groups", "aws-iam-login-profile-delete",
      "aws-iam-role-from-instance-profile-remove");

  @TempDir
  Path dir;

  static Stream<String> commands() {
    return MutatingScenarios.commands().stream();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aWriteAppliedWhoseResponseIsLostIsReportedAndJournaledAsApplied(String command) throws Exception {
    try (var e = new SandboxEngine(dir)) {
      var scenario = MutatingScenarios.of(command, e);
      Object before = scenario.state().get();
      e.sb.faults().on(scenario.service()).action(scenario.action()).dropResponse(1);
      var r = e.run(line(scenario, "--retries", "2"));
      assertThat(r.exit()).as(r.all()).isZero();
      assertThat(e.sb.faults().pending()).as("the response was dropped").isZero();
      assertThat(e.sb.calls().count(scenario.service(), scenario.action())).as("retried").isGreaterThan(1);
      assertThat(scenario.state().get()).isNotEqualTo(before);
      JsonNode entries = Json.mapper().readTree(e.run("audit", "-o", "json").out());
      assertThat(entries).hasSize(1);
      assertThat(entries.get(0).path("Outcome").asText()).isEqualTo("applied");
      if (REFUSED_ON_RETRY.contains(command)) {
        assertThat(r.err()).contains("rolecall: warning: ").contains("response was lost");
        assertThat(entries.get(0).path("Detail").asText()).contains("response was lost");
      } else {
        assertThat(r.err()).isEmpty();
      }
    }
  }

  @Test
  void createUserReportsTheUserItCreatedNotDuplicateUserName() throws Exception {
    try (var e = new SandboxEngine(dir)) {
      var scenario = MutatingScenarios.of("aws-iam-identitycenter-create-user", e);
      e.sb.faults().on("identitystore").action("CreateUser").dropResponse(1);
      var r = e.run(line(scenario, "--retries", "1", "-o", "json"));
      assertThat(r.exit()).as(r.all()).isZero();
      JsonNode user = Json.mapper().readTree(r.out());
      assertThat(user.path("UserName").asText()).isEqualTo("bob");
      assertThat(user.path("UserId").asText()).isNotEmpty();
      assertThat(user.path("Warnings").get(0).asText()).contains("Duplicate UserName", "this run made the change");
    }
  }

  @Test
  void aConflictAfterALostResponseIsStillAFailureWhenWhatExistsIsNotWhatWasAsked() throws Exception {
    try (var e = new SandboxEngine(dir)) {
      var scenario = MutatingScenarios.of("aws-iam-identitycenter-create-user", e);
      // The first attempt is applied and its response lost; before the retry, someone else changes the user.
      e.sb.faults().on("identitystore").action("CreateUser").thenAlter(scenario.alteration());
      e.sb.faults().on("identitystore").action("CreateUser").dropResponse(1);
      var r = e.run(line(scenario, "--retries", "1"));
      assertThat(r.exit()).as(r.all()).isEqualTo(1);
      assertThat(r.err()).contains("identitystore:CreateUser", "Duplicate UserName");
      JsonNode entry = Json.mapper().readTree(e.run("audit", "-o", "json").out()).get(0);
      assertThat(entry.path("Outcome").asText()).isEqualTo("failed");
      assertThat(entry.path("After").path("DisplayName").asText()).isEqualTo("Robert Ray");
    }
  }

  @Test
  void aConflictAfterAnAnsweredAttemptIsTheUsersOwnNotSettledByReading() throws Exception {
    try (var e = new SandboxEngine(dir)) {
      var scenario = MutatingScenarios.of("aws-iam-identitycenter-create-user", e);
      var store = e.sb.account(SandboxEngine.MANAGEMENT).identityCenter().store(MutatingScenarios.STORE_ID).orElseThrow();
      store.createUser("bob", "Bob", "Ray", "Bob Ray", "bob@example.com");
      // Throttled first: answered, so not applied; the retry's conflict is about the bob who was there before.
      e.sb.faults().on("identitystore").action("CreateUser").throttle(1);
      var r = e.run(line(scenario, "--retries", "1"));
      assertThat(r.exit()).as(r.all()).isEqualTo(1);
      assertThat(r.err()).contains("Duplicate UserName").doesNotContain("response was lost");
      assertThat(Json.mapper().readTree(e.run("audit", "-o", "json").out()).get(0).path("Outcome").asText())
          .isEqualTo("failed");
    }
  }

  @Test
  void withoutRetriesALostResponseIsAFailureTheJournalRecords() throws Exception {
    try (var e = new SandboxEngine(Files.createDirectories(dir.resolve("no-retries")))) {
      var scenario = MutatingScenarios.of("aws-iam-identitycenter-create-group", e);
      e.sb.faults().on("identitystore").action("CreateGroup").dropResponse(1);
      var r = e.run(line(scenario));
      assertThat(r.exit()).as(r.all()).isEqualTo(1);
      assertThat(r.err()).contains("identitystore:CreateGroup");
      JsonNode entry = Json.mapper().readTree(e.run("audit", "-o", "json").out()).get(0);
      assertThat(entry.path("Outcome").asText()).isEqualTo("failed");
      assertThat(List.of(entry.path("Detail").asText())).singleElement().asString().contains("CreateGroup");
    }
  }

  /** The flags, then the scenario's command and arguments. */
  static String[] line(MutatingScenarios scenario, String... flags) {
    var all = new java.util.ArrayList<>(List.of(flags));
    all.add(scenario.command());
    all.addAll(scenario.args());
    return all.toArray(String[]::new);
  }
}
