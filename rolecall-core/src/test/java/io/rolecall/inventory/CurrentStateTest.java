package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.inventory.Finding.Rule;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.seed.EstateSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The roll call you can trust: current state per (account, part), statuses, coverage, tracked findings, history,
 * diff and retention — through the real SDK over HTTP against the sandbox.
 */
class CurrentStateTest {
  static final EstateSpec SMALL = EstateSpec.empty().withUsers(2, 1).withGroups(1).withRoles(1).withPolicies(1)
      .withNetwork(1, 1).withEvents(2).inRegions(Estate.SPEC.regions());
  static final String A = "222222222222";

  final Estate estate = new Estate();

  @AfterEach
  void close() {
    estate.close();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> accounts(Map<String, Object> summary) {
    return (List<Map<String, Object>>) summary.get("accounts");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> part(Map<String, Object> account, String part, String region) {
    return ((List<Map<String, Object>>) account.get("parts")).stream()
        .filter(p -> p.get("part").equals(part) && p.get("region").equals(region)).findFirst().orElseThrow();
  }

  @Test
  void aSyncOfTwoAccountsIamOnlyLeavesTheOtherTenAndTheirEc2AsTheyWere() {
    var ids = IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("2000000000%02d", i)).toList();
    ids.forEach(id -> estate.seeded(id, SMALL));
    var store = estate.sqlite("twelve.db");
    var first = estate.sync(store, ids);
    assertThat(first.failed()).isZero();
    var again = List.of(ids.get(0), ids.get(1));
    var second = estate.sync(store, again, EnumSet.of(Part.IAM));
    assertThat(second.failed()).isZero();

    var summary = Summary.current(store, List.of()).orElseThrow();
    assertThat(summary.get("view")).isEqualTo("current");
    assertThat(accounts(summary)).hasSize(12).allSatisfy(a -> {
      assertThat(a.get("status")).isEqualTo("ok");
      var truth = Estate.truth(estate.sb.account((String) a.get("accountId")), SMALL.regions());
      truth.forEach((field, expected) -> assertThat(a.get(field)).as(a.get("accountId") + " " + field).isEqualTo(expected));
    });
    for (var a : accounts(summary)) {
      var iam = part(a, "iam", "global");
      var ec2 = part(a, "ec2", "us-east-1");
      assertThat(ec2.get("runId")).isEqualTo(first.runId());
      if (again.contains(a.get("accountId"))) {
        assertThat(iam.get("runId")).isEqualTo(second.runId());
        assertThat((String) iam.get("collectedAt")).isGreaterThan((String) ec2.get("collectedAt"));
        assertThat((String) a.get("collectedAt")).isLessThanOrEqualTo((String) ec2.get("collectedAt"));
      } else {
        assertThat(iam.get("runId")).isEqualTo(first.runId());
      }
    }
    // Lists read the current state of all twelve, each row naming when and by which run it was collected.
    var users = new ArrayList<InventoryStore.Stored>();
    store.items(View.current(), List.of(Kind.USER), List.of(), users::add);
    assertThat(users).hasSize(24).extracting(s -> s.item().accountId()).containsAll(ids);
    assertThat(users).filteredOn(s -> again.contains(s.item().accountId()))
        .allSatisfy(s -> assertThat(s.runId()).isEqualTo(second.runId()));
    assertThat(users.getFirst().json().get("collectedAt").asText()).isNotBlank();
    var instances = new ArrayList<InventoryStore.Stored>();
    store.items(View.current(), List.of(Kind.INSTANCE), List.of(ids.getFirst()), instances::add);
    assertThat(instances).hasSize(2).allSatisfy(s -> assertThat(s.runId()).isEqualTo(first.runId()));
    // Every account is assessed: findings cover all twelve.
    var report = Estate.report(store);
    assertThat(report.accountsInScope()).isEqualTo(12);
    assertThat(report.coverage()).isEmpty();
    // The run as it was: the second one saw two accounts, IAM only.
    var run = Summary.ofRun(store, second.runId());
    assertThat(accounts(run)).extracting(a -> a.get("accountId")).containsExactlyElementsOf(again);
    assertThat(accounts(run)).allSatisfy(a -> assertThat(a.get("instances")).isEqualTo(0L));
  }

  @Test
  void anAccountThatCouldNotBeReadKeepsItsKnownFindingsAsStaleAndIsACoverageGap() {
    var account = estate.seeded(A, SMALL);
    account.iam().createUser("root-like");
    account.iam().attachUserPolicy("root-like", "arn:aws:iam::aws:policy/AdministratorAccess");
    estate.seeded("333333333333", SMALL);
    var store = estate.sqlite("gap.db");
    estate.sync(store, List.of(A, "333333333333"));
    var admin = Estate.findings(store, A).stream().filter(f -> f.rule() == Rule.ADMIN_POLICY).findFirst().orElseThrow();
    assertThat(admin.rule().severity()).isEqualTo(Finding.Severity.HIGH);

    // The role now wants another ExternalId: the next sync cannot get in.
    account.iam().updateTrustPolicy(Estate.ROLE, TrustPolicy.trustingAccount(Estate.MANAGEMENT)
        .withExternalId("rotated").json());
    var second = estate.sync(store, List.of(A, "333333333333"));
    assertThat(second.accounts()).filteredOn(s -> s.accountId().equals(A)).singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo("error"));

    var report = Estate.report(store, A);
    assertThat(report.findings()).extracting(e -> e.finding().id()).contains(admin.id());
    assertThat(report.findings()).allSatisfy(e -> assertThat(e.stale()).isTrue());
    assertThat(report.coverage()).singleElement().satisfies(g -> {
      assertThat(g.accountId()).isEqualTo(A);
      assertThat(g.status()).isEqualTo(Coverage.FAILED);
      assertThat(g.reason()).contains("cannot assume role", "ExternalId", "findings shown are from data collected");
      assertThat(g.collectedAt()).isNotNull();
    });
    assertThat(report.json().get("coverage")).isInstanceOf(List.class);
    // The account's last good data is still its current state, and its status says the latest attempt failed.
    var row = accounts(Summary.current(store, List.of(A)).orElseThrow()).getFirst();
    assertThat(row.get("status")).isEqualTo("error");
    assertThat(row.get("users")).isEqualTo(3L);
    // The other account is assessed and clean of that finding.
    assertThat(Estate.report(store, "333333333333").coverage()).isEmpty();
    // Never synced is a gap too.
    assertThat(Estate.report(store, "999999999999").coverage()).singleElement()
        .satisfies(g -> assertThat(g.status()).isEqualTo(Coverage.NEVER_SYNCED));
  }

  @Test
  void aSyncWhereEveryAccountFailedAssessesNothing() {
    var store = estate.sqlite("none.db");
    var result = estate.sync(store, List.of("555555555555", "666666666666"));
    assertThat(result.errors()).isEqualTo(2);
    var report = Estate.report(store);
    assertThat(report.findings()).isEmpty();
    assertThat(report.noneAssessed()).isTrue();
    assertThat(report.coverage()).hasSize(2).allSatisfy(g -> assertThat(g.status()).isEqualTo(Coverage.FAILED));
  }

  @Test
  void cloudTrailFailingInOneRegionLeavesTheAccountPartialWithItsIamAndEc2() {
    var account = estate.seeded(A, SMALL);
    account.iam().putRolePolicy(Estate.ROLE, "no-trail-in-ireland", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"cloudtrail:LookupEvents","Resource":"*",
         "Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}""");
    var store = estate.sqlite("partial.db");
    var result = estate.sync(store, List.of(A));
    var outcome = result.accounts().getFirst();
    assertThat(outcome.status()).isEqualTo("partial");
    assertThat(outcome.error()).startsWith("cloudtrail eu-west-1: cloudtrail:LookupEvents in eu-west-1")
        .contains("AccessDenied").doesNotContain("us-east-1");

    var row = accounts(Summary.current(store, List.of()).orElseThrow()).getFirst();
    assertThat(row.get("status")).isEqualTo("partial");
    assertThat(part(row, "cloudtrail", "eu-west-1")).containsEntry("status", "error").containsEntry("collectedAt", null);
    assertThat((String) part(row, "cloudtrail", "eu-west-1").get("error")).contains("cloudtrail:LookupEvents");
    assertThat(part(row, "cloudtrail", "us-east-1")).containsEntry("status", "ok");
    assertThat(part(row, "iam", "global")).containsEntry("status", "ok");
    assertThat(part(row, "ec2", "eu-west-1")).containsEntry("status", "ok");
    var truth = Estate.truth(account, SMALL.regions());
    for (String field : List.of("users", "roles", "accessKeys", "instances", "vpcs", "securityGroups")) {
      assertThat(row.get(field)).as(field).isEqualTo(truth.get(field));
    }
    // Findings read IAM, which was collected: the account is assessed.
    assertThat(Estate.report(store).coverage()).isEmpty();
  }

  @Test
  void diffShowsTheNewKeyAndTheEditedTrustAndFindingsAreTrackedAcrossSyncs() throws Exception {
    var account = estate.seeded(A, SMALL);
    var iam = account.iam();
    iam.createUser("carol");
    iam.credentials().createLoginProfile("carol", estate.sb.clock().now());
    iam.createRole("vendor", TrustPolicy.trustingAccount("999999999999").withExternalId("v-1"));
    var store = estate.sqlite("diff.db");
    estate.sync(store, List.of(A));
    var consoleWithoutMfa = Estate.findings(store).stream().filter(f -> f.rule() == Rule.CONSOLE_USER_WITHOUT_MFA)
        .findFirst().orElseThrow();
    Thread.sleep(5);
    Instant between = Instant.now();
    Thread.sleep(5);

    var key = iam.createAccessKey("user-000");
    iam.updateTrustPolicy("vendor", TrustPolicy.trustingAccount("999999999999").withExternalId("v-2").json());
    iam.createRole("partner", TrustPolicy.trustingAccount("999999999999"));
    iam.credentials().enableVirtualMfa("carol");
    // IAM hands out the same credential report for four hours; let that pass so the report sees carol's MFA.
    estate.sb.clock().advance(Duration.ofHours(5));
    var second = estate.sync(store, List.of(A));
    assertThat(second.failed()).isZero();

    var diff = Diff.between(store, View.asOf(between), View.current(), List.of(), List.of(), false);
    assertThat(diff.changes()).anySatisfy(c -> {
      assertThat(c.kind()).isEqualTo(Kind.ACCESS_KEY);
      assertThat(c.id()).isEqualTo(key.accessKeyId());
      assertThat(c.change()).isEqualTo(Diff.ADDED);
    });
    assertThat(diff.changes()).anySatisfy(c -> {
      assertThat(c.kind()).isEqualTo(Kind.ROLE);
      assertThat(c.name()).isEqualTo("partner");
      assertThat(c.change()).isEqualTo(Diff.ADDED);
    });
    assertThat(diff.changes()).anySatisfy(c -> {
      assertThat(c.kind()).isEqualTo(Kind.ROLE);
      assertThat(c.name()).isEqualTo("vendor");
      assertThat(c.change()).isEqualTo(Diff.CHANGED);
      assertThat(c.fields()).containsExactly("trustPolicy");
    });
    assertThat(diff.changes()).anySatisfy(c -> {
      assertThat(c.kind()).isEqualTo(Kind.USER);
      assertThat(c.name()).isEqualTo("carol");
      assertThat(c.change()).isEqualTo(Diff.CHANGED);
      assertThat(c.fields()).contains("mfaActive");
    });
    // Nothing that only moves with use is reported as a change: the untouched users are not in the diff.
    assertThat(diff.changes()).noneSatisfy(c -> assertThat(c.name()).isEqualTo("user-001"));
    assertThat(diff.json()).containsKeys("from", "to", "changes");
    assertThat(diff.to()).isEqualTo("current");

    var all = new FindingsReport.Query(null, Set.of(), Set.of(), List.of(), Set.of("open", "suppressed", "resolved"),
        null, FindingsReport.DEFAULT_MAX_AGE, Instant.now(), List.of());
    var report = FindingsReport.of(store, all);
    assertThat(report.findings()).filteredOn(e -> e.finding().id().equals(consoleWithoutMfa.id())).singleElement()
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo("resolved");
          assertThat(e.resolvedAt()).isNotNull();
        });
    var fresh = FindingsReport.of(store, new FindingsReport.Query(null, Set.of(), Set.of(), List.of(),
        Set.of("open"), between, FindingsReport.DEFAULT_MAX_AGE, Instant.now(), List.of()));
    assertThat(fresh.findings()).extracting(e -> e.finding().rule().id() + " " + e.finding().principal())
        .contains("cross-account-trust-without-condition arn:aws:iam::" + A + ":role/partner")
        .noneMatch(s -> s.startsWith("console-user-without-mfa"));
  }

  @Test
  void aTrustPolicyEditIsAChangedField() throws Exception {
    var account = estate.seeded(A, SMALL);
    account.iam().createRole("vendor", TrustPolicy.trustingAccount("999999999999").withExternalId("x"));
    var store = estate.sqlite("trust.db");
    var first = estate.sync(store, List.of(A), EnumSet.of(Part.IAM));
    account.iam().updateTrustPolicy("vendor", TrustPolicy.trustingAccount("888888888888").json());
    var second = estate.sync(store, List.of(A), EnumSet.of(Part.IAM));
    var diff = Diff.between(store, View.afterRun(first.runId(), store.run(first.runId()).orElseThrow().finishedAt()),
        View.afterRun(second.runId(), store.run(second.runId()).orElseThrow().finishedAt()), List.of(A),
        Kind.forListName("roles"), false);
    assertThat(diff.changes()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("vendor");
      assertThat(c.fields()).containsExactly("trustPolicy");
    });
    assertThat(diff.from()).isEqualTo(first.runId());
  }

  @Test
  void aSuppressionShowsItsFindingAsSuppressedAndAnExpiredOneAppliesNoMore() {
    var account = estate.seeded(A, SMALL);
    account.iam().createRole("partner", TrustPolicy.trustingAccount("999999999999"));
    account.iam().createRole("vendor", TrustPolicy.trustingAccount("888888888888"));
    var store = estate.sqlite("suppress.db");
    estate.sync(store, List.of(A));
    var today = LocalDate.now(ZoneOffset.UTC);
    var live = new Suppression("cross-account-trust-without-condition", "arn:aws:iam::*:role/partner", null,
        "partner access reviewed in CHG-1234", today.plusDays(30));
    var expired = new Suppression("cross-account-trust-without-condition", "*vendor", A, "old review",
        today.minusDays(1));
    var q = FindingsReport.Query.current(Instant.now());
    var report = FindingsReport.of(store, new FindingsReport.Query(null, Set.of(), Set.of(
        "cross-account-trust-without-condition"), List.of(), q.statuses(), null, q.maxAge(), q.now(),
        List.of(live, expired)));
    assertThat(report.findings()).hasSize(2);
    assertThat(report.findings()).filteredOn(e -> e.finding().principal().endsWith("/partner")).singleElement()
        .satisfies(e -> {
          assertThat(e.status()).isEqualTo(FindingsReport.SUPPRESSED);
          assertThat(e.suppression().reason()).isEqualTo("partner access reviewed in CHG-1234");
          assertThat(e.json()).containsKey("suppression");
        });
    assertThat(report.findings()).filteredOn(e -> e.finding().principal().endsWith("/vendor")).singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo("open"));
    assertThat(report.warnings()).singleElement().asString().contains("expired on " + today.minusDays(1));
  }

  @Test
  void pruneKeepsTheCurrentStateWholeAndTheRunsAsHistory() {
    estate.seeded(A, SMALL);
    estate.seeded("333333333333", SMALL);
    var store = estate.sqlite("prune.db");
    var accounts = List.of(A, "333333333333");
    var r1 = estate.sync(store, accounts);
    var r2 = estate.sync(store, accounts);
    var r3 = estate.sync(store, List.of(A), EnumSet.of(Part.IAM));
    var before = Summary.current(store, List.of()).orElseThrow();
    var findingsBefore = Estate.findings(store);

    var result = Prune.run(store, 1, null, Instant.now());
    assertThat(result.runs()).containsExactlyInAnyOrder(r1.runId(), r2.runId());
    assertThat(result.items()).isPositive();
    assertThat(Summary.current(store, List.of()).orElseThrow()).isEqualTo(before);
    assertThat(Estate.findings(store)).isEqualTo(findingsBefore);
    // The runs stay as history; r1's snapshot is gone, so a diff from it says so instead of "everything added".
    var history = History.of(store, 10, null);
    assertThat(history.get("runs")).asList().hasSize(3);
    var diff = Diff.between(store, View.afterRun(r1.runId(), store.run(r1.runId()).orElseThrow().finishedAt()),
        View.current(), List.of(), List.of(), false);
    assertThat(diff.changes()).isEmpty();
    assertThat(diff.gaps()).isNotEmpty().allSatisfy(g -> assertThat(g.reason()).contains("pruned"));
    // Pruning again finds nothing more to drop; r3 is the newest and r2's EC2 is still current.
    assertThat(Prune.run(store, 1, null, Instant.now()).items()).isZero();
    assertThat(Summary.current(store, List.of()).orElseThrow()).isEqualTo(before);
    assertThat(r3.failed()).isZero();
  }

  @Test
  void anItemThatDidNotChangeIsStoredOnceAndPruneDropsContentNoLongerReferred() {
    var account = estate.seeded(A, SMALL);
    var store = estate.sqlite("dedupe.db");
    estate.sync(store, List.of(A), EnumSet.of(Part.IAM, Part.EC2));
    long perRun = count(store, "SELECT COUNT(*) FROM inventory_item");
    estate.sync(store, List.of(A), EnumSet.of(Part.IAM, Part.EC2));
    assertThat(count(store, "SELECT COUNT(*) FROM inventory_item")).isEqualTo(2 * perRun);
    // Two runs of an unchanged account: one copy of each document (the account item's data moves: none here).
    long documents = count(store, "SELECT COUNT(*) FROM inventory_data");
    assertThat(documents).isLessThanOrEqualTo(perRun + 2);

    String key = account.iam().accessKeys("user-000").getFirst().accessKeyId();
    account.iam().credentials().setAccessKeyActive(key, false);
    estate.sync(store, List.of(A), EnumSet.of(Part.IAM, Part.EC2));
    assertThat(count(store, "SELECT COUNT(*) FROM inventory_data")).isEqualTo(documents + 1);
    Prune.run(store, 1, null, Instant.now());
    // The key's old document (Active) is referred to by no run left, so it went; the rest is shared and stays.
    assertThat(count(store, "SELECT COUNT(*) FROM inventory_data")).isEqualTo(documents);
    assertThat(count(store, "SELECT COUNT(*) FROM inventory_item")).isEqualTo(perRun);
    var keys = new ArrayList<InventoryStore.Stored>();
    store.items(View.current(), List.of(Kind.ACCESS_KEY), List.of(), keys::add);
    assertThat(keys).filteredOn(k -> k.item().id().equals(key)).singleElement()
        .satisfies(k -> assertThat(k.item().data().get("status").asText()).isEqualTo("Inactive"));
  }

  private static long count(InventoryStore store, String sql) {
    return store.store().transaction(c -> {
      try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Test
  void twoOverlappingSyncsAtOnceEachLeaveWholePartsNeverAMix() throws Exception {
    var ids = List.of(A, "333333333333", "444444444444");
    ids.forEach(id -> estate.seeded(id, SMALL));
    var store = estate.sqlite("overlap.db");
    var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
    var one = Thread.ofVirtual().start(() -> run(() -> estate.sync(store, List.of(A, "333333333333")), failures));
    var two = Thread.ofVirtual().start(() -> run(() -> estate.sync(store, List.of("333333333333", "444444444444")),
        failures));
    one.join();
    two.join();
    assertThat(failures).isEmpty();
    var summary = Summary.current(store, List.of()).orElseThrow();
    assertThat(accounts(summary)).hasSize(3).allSatisfy(a -> {
      var truth = Estate.truth(estate.sb.account((String) a.get("accountId")), SMALL.regions());
      truth.forEach((field, expected) -> assertThat(a.get(field)).as(a.get("accountId") + " " + field).isEqualTo(expected));
    });
    // Each (account, part) reads from exactly one run, and that run's attempt at it succeeded.
    for (var p : store.pointers(View.current())) {
      assertThat(store.parts(p.runId())).anySatisfy(o -> {
        assertThat(o.accountId()).isEqualTo(p.accountId());
        assertThat(o.part()).isEqualTo(p.part());
        assertThat(o.region()).isEqualTo(p.region());
        assertThat(o.ok()).isTrue();
      });
    }
  }

  @Test
  void aRunMaySyncItsAccountsAsSeparateTasksAndFinishWhenAllAreDone() {
    var ids = List.of(A, "333333333333");
    ids.forEach(id -> estate.seeded(id, SMALL));
    var store = estate.sqlite("tasks.db");
    try (var sessions = new io.rolecall.aws.Sessions()) {
      var sync = new InventorySync(sessions, store, new RateLimits(), java.time.Clock.systemUTC());
      var plan = sync.begin(estate.settings(), new InventorySync.Request(io.rolecall.command.AccountSelection.of(ids),
          SMALL.regions(), Set.of(), 2, Duration.ofDays(1)));
      assertThat(store.latestRun()).isEmpty();
      for (String id : ids) {
        assertThat(sync.syncAccount(plan, id, InventorySync.Listener.NONE).status()).isEqualTo("ok");
      }
      sync.finish(plan);
      assertThat(store.latestRun()).hasValueSatisfying(r -> assertThat(r.runId()).isEqualTo(plan.runId()));
    }
    var summary = Summary.current(store, List.of()).orElseThrow();
    assertThat(accounts(summary)).hasSize(2).allSatisfy(a -> {
      var truth = Estate.truth(estate.sb.account((String) a.get("accountId")), SMALL.regions());
      truth.forEach((field, expected) -> assertThat(a.get(field)).as(a.get("accountId") + " " + field).isEqualTo(expected));
    });
  }

  private static void run(Runnable r, java.util.Queue<Throwable> failures) {
    try {
      r.run();
    } catch (Throwable t) {
      failures.add(t);
    }
  }
}
