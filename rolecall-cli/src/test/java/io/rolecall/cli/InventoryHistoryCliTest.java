package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.seed.EstateSpec;
import io.rolecall.sandbox.seed.Seeder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * History, diff, tracked findings, suppressions and prune as a user types them, each test on its own sandbox and
 * store (they change both).
 */
class InventoryHistoryCliTest {
  static final String ROLE = "RolecallAudit";
  static final String EXTERNAL_ID = "cli-history-9a8b";
  static final String A = "222222222222";
  static final String B = "333333333333";
  static final ObjectMapper JSON = new ObjectMapper();

  final Sandbox sb = Sandbox.start();
  final AccessKey operator = sb.account("111111111111").iam().createUserWithAccessKey("operator");
  final Path dir;

  InventoryHistoryCliTest() throws Exception {
    dir = Files.createTempDirectory("rolecall-cli-history");
    var spec = EstateSpec.empty().withUsers(2, 1).withRoles(1).withNetwork(1, 1).withEvents(2)
        .inRegions(List.of("us-east-1"));
    for (String id : List.of(A, B)) {
      Seeder.accessRole(sb.account(id), ROLE, TrustPolicy.trustingAccount("111111111111").withExternalId(EXTERNAL_ID));
      Seeder.seed(sb.account(id), spec);
    }
  }

  @AfterEach
  void stop() {
    sb.close();
  }

  CliRun run(String... args) {
    var all = new ArrayList<>(List.of("--secret-key", operator.secretAccessKey(), "--region", "us-east-1",
        "--endpoint-url", sb.endpoint().toString(), "--access-key", operator.accessKeyId(), "--role-name", ROLE,
        "--external-id", EXTERNAL_ID, "--db", dir.resolve("store.db").toString()));
    all.addAll(List.of(args));
    var r = CliRun.inProcess(Map.of(), all.toArray(String[]::new));
    assertThat(r.all()).doesNotContain(operator.secretAccessKey());
    return r;
  }

  @Test
  void historyListsTheRunsAndDiffShowsWhatChangedBetweenThem() throws Exception {
    assertThat(run("inventory", "sync", "--accounts", A + "," + B).exit()).isZero();
    var key = sb.account(A).iam().createAccessKey("user-000");
    sb.account(A).iam().createRole("partner", TrustPolicy.trustingAccount("999999999999"));
    var second = run("inventory", "sync", "--accounts", A, "--services", "iam");
    assertThat(second.exit()).as(second.err()).isZero();

    JsonNode history = JSON.readTree(run("inventory", "history", "-o", "json").out());
    assertThat(history.get("runs")).hasSize(2);
    JsonNode newest = history.at("/runs/0");
    assertThat(newest.get("services")).extracting(JsonNode::asText).containsExactly("iam");
    assertThat(newest.get("accountStatuses")).singleElement()
        .satisfies(s -> assertThat(s.get("status").asText()).isEqualTo("ok"));
    String r1 = history.at("/runs/1/runId").asText();
    String r2 = newest.get("runId").asText();
    var table = run("inventory", "history", "--account", B);
    assertThat(table.out()).startsWith("Inventory history of " + B).contains(r1).doesNotContain(r2);

    JsonNode diff = JSON.readTree(run("inventory", "diff", "--from", r1, "-o", "json").out());
    assertThat(diff.get("from").asText()).isEqualTo(r1);
    assertThat(diff.get("to").asText()).isEqualTo("current");
    assertThat(diff.get("changes")).extracting(c -> c.get("kind").asText() + " " + c.get("change").asText() + " "
        + c.get("id").asText()).containsExactlyInAnyOrder("access-key added " + key.accessKeyId(),
        "role added arn:aws:iam::" + A + ":role/partner");
    JsonNode between = JSON.readTree(run("inventory", "diff", "--from", r1, "--to", r2, "-o", "json").out());
    assertThat(between.get("to").asText()).isEqualTo(r2);
    assertThat(between.get("changes")).isEqualTo(diff.get("changes"));
    // An hour ago the store knew nothing: everything both syncs saw is new since then.
    JsonNode hour = JSON.readTree(run("inventory", "diff", "--since", "1h", "-o", "json").out());
    assertThat(hour.get("changes")).hasSizeGreaterThan(diff.get("changes").size())
        .allSatisfy(c -> assertThat(c.get("change").asText()).isEqualTo("added"))
        .anySatisfy(c -> assertThat(c.get("accountId").asText()).isEqualTo(B));
    var kinds = run("inventory", "diff", "--from", r1, "--kind", "keys");
    assertThat(kinds.out()).contains(key.accessKeyId()).doesNotContain("partner");

    // The new risk is a new finding; the old ones are not.
    JsonNode fresh = JSON.readTree(run("inventory", "findings", "--new-since", "1h", "--rule",
        "cross-account-trust-without-condition", "-o", "json").out());
    assertThat(fresh.get("findings")).singleElement()
        .satisfies(f -> assertThat(f.get("principal").asText()).endsWith(":role/partner"));
  }

  @Test
  void suppressionsComeFromTheConfigWithAReasonAndAnExpiry() throws Exception {
    sb.account(A).iam().createRole("partner", TrustPolicy.trustingAccount("999999999999"));
    sb.account(A).iam().createRole("vendor", TrustPolicy.trustingAccount("888888888888"));
    assertThat(run("inventory", "sync", "--accounts", A).exit()).isZero();
    var today = LocalDate.now(ZoneOffset.UTC);
    Path config = dir.resolve("rolecall.yaml");
    Files.writeString(config, """
        suppressions:
          - rule: cross-account-trust-without-condition
            principal: "arn:aws:iam::*:role/partner"
            reason: partner access reviewed in CHG-1234
            expires: %s
          - rule: cross-account-trust-without-condition
            principal: "*:role/vendor"
            reason: vendor review lapsed
            expires: %s
        """.formatted(today.plusDays(30), today.minusDays(1)));
    var r = run("--config", config.toString(), "inventory", "findings", "--rule",
        "cross-account-trust-without-condition", "-o", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning: suppression of cross-account-trust-without-condition on *:role/vendor expired on "
        + today.minusDays(1));
    JsonNode findings = JSON.readTree(r.out()).get("findings");
    assertThat(findings).hasSize(2);
    for (JsonNode f : findings) {
      if (f.get("principal").asText().endsWith("/partner")) {
        assertThat(f.get("status").asText()).isEqualTo("suppressed");
        assertThat(f.at("/suppression/reason").asText()).isEqualTo("partner access reviewed in CHG-1234");
      } else {
        assertThat(f.get("status").asText()).isEqualTo("open");
      }
    }
    var table = run("--config", config.toString(), "inventory", "findings");
    assertThat(table.out()).contains("suppressed", "[suppressed until " + today.plusDays(30)
        + ": partner access reviewed in CHG-1234]");

    Files.writeString(config, """
        suppressions:
          - rule: cross-account-trust-without-condition
            principal: "*"
            expires: 2030-01-01
        """);
    var noReason = run("--config", config.toString(), "inventory", "findings");
    assertThat(noReason.exit()).isEqualTo(2);
    assertThat(noReason.err().lines()).singleElement().asString().contains("suppressions[0]: reason: required");
    Files.writeString(config, """
        suppressions:
          - rule: cross-account-trust-without-condition
            reason: reviewed
            expires: next week
        """);
    var badDate = run("--config", config.toString(), "inventory", "findings");
    assertThat(badDate.exit()).isEqualTo(2);
    assertThat(badDate.err().lines()).singleElement().asString().contains("expires: expected a date as YYYY-MM-DD");
  }

  @Test
  void pruneKeepsTheCurrentStateAndSaysWhatItDropped() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(run("inventory", "sync", "--accounts", A + "," + B).exit()).isZero();
    }
    String before = run("inventory", "summary", "-o", "json").out();
    var pruned = run("inventory", "prune", "--keep-runs", "1");
    assertThat(pruned.exit()).as(pruned.err()).isZero();
    assertThat(pruned.out()).startsWith("pruned 2 run(s): ").contains("the current state is kept whole");
    assertThat(run("inventory", "summary", "-o", "json").out()).isEqualTo(before);
    assertThat(JSON.readTree(run("inventory", "history", "-o", "json").out()).get("runs")).hasSize(3)
        .extracting(r -> r.get("pruned").asBoolean()).containsExactly(false, true, true);
    var again = run("inventory", "prune", "--older-than", "90d", "-o", "json");
    assertThat(JSON.readTree(again.out()).get("items").asInt()).isZero();
  }

  @Test
  void readingAMistypedStoreIsExitTwoAndCreatesNothing() {
    Path missing = dir.resolve("typo").resolve("store.db");
    for (var args : List.of(List.of("inventory", "summary"), List.of("inventory", "list", "users"),
        List.of("inventory", "findings"), List.of("inventory", "history"), List.of("inventory", "diff"),
        List.of("inventory", "prune", "--keep-runs", "1"))) {
      var all = new ArrayList<>(List.of("--db", missing.toString()));
      all.addAll(args);
      var r = CliRun.inProcess(Map.of(), all.toArray(String[]::new));
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().lines()).as(String.join(" ", args)).singleElement().asString().contains("no store at " + missing);
    }
    assertThat(missing.getParent()).doesNotExist();
  }

  @Test
  void aSyncWhereNoAccountCouldBeReadExitsOneAndSaysNothingWasAssessed() {
    var sync = run("inventory", "sync", "--accounts", "555555555555,666666666666");
    assertThat(sync.exit()).isEqualTo(1);
    assertThat(sync.err()).contains("rolecall: no account was assessed: all 2 failed");
    var findings = run("inventory", "findings");
    assertThat(findings.exit()).isEqualTo(1);
    assertThat(findings.out()).doesNotContain("No findings.").contains("Not assessed (2)",
        "No account in scope was assessed.");
    assertThat(findings.err()).contains("rolecall: no account in scope was assessed: 555555555555, 666666666666");
  }
}
