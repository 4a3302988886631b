package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same sync into PostgreSQL (a throwaway cluster) gives the same summary as into SQLite. */
class InventoryPostgresIT {
  static PostgresCluster postgres;

  @BeforeAll
  static void start() {
    postgres = PostgresCluster.startIfInstalled().orElse(null);
    if (postgres == null) {
      System.err.println("InventoryPostgresIT skipped: PostgreSQL (initdb, pg_ctl) is not installed;"
          + " .ci/install-tools installs Debian's postgresql package");
    }
    Assumptions.assumeTrue(postgres != null, "PostgreSQL is not installed");
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSameSyncGivesTheSameSummaryInPostgresqlAndSqlite() {
    try (var estate = new Estate()) {
      var accounts = List.of("222222222222", "333333333333", "444444444444");
      accounts.forEach(estate::seeded);
      var sqlite = estate.sqlite("compare.db");
      var pg = new InventoryStore(Store.open(postgres.jdbcUrl()));
      assertThat(pg.store().kind()).isEqualTo(Store.Kind.POSTGRESQL);
      estate.sync(sqlite, accounts);
      estate.sync(pg, accounts);

      var fromSqlite = Summary.current(sqlite, List.of()).orElseThrow();
      var fromPg = Summary.current(pg, List.of()).orElseThrow();
      assertThat(fromPg.get("runId")).isNotEqualTo(fromSqlite.get("runId"));
      assertThat(withoutTimes((List<Map<String, Object>>) fromPg.get("accounts")))
          .isEqualTo(withoutTimes((List<Map<String, Object>>) fromSqlite.get("accounts")))
          .allSatisfy(a -> assertThat(a.get("status")).isEqualTo("ok"));

      // Items, events and findings read back alike too.
      var a = new ArrayList<String>();
      var b = new ArrayList<String>();
      sqlite.items(View.current(), List.of(Kind.values()), List.of(), s -> a.add(s.item().kind() + s.item().id()
          + s.item().data()));
      pg.items(View.current(), List.of(Kind.values()), List.of(), s -> b.add(s.item().kind() + s.item().id()
          + s.item().data()));
      assertThat(b).hasSameSizeAs(a).containsExactlyInAnyOrderElementsOf(a);
      assertThat(Estate.findings(pg)).isEqualTo(Estate.findings(sqlite));
      var events = new ArrayList<TrailEvent>();
      pg.events(List.of(), events::add);
      assertThat(events).hasSize(72);
      pg.close();
      sqlite.close();
    }
  }

  @Test
  void historyDiffFindingsAndPruneAnswerAlikeInPostgresqlAndSqlite() throws Exception {
    try (var estate = new Estate()) {
      var accounts = List.of("222222222222", "333333333333");
      accounts.forEach(id -> estate.seeded(id, CurrentStateTest.SMALL));
      var sqlite = estate.sqlite("answers.db");
      var pg = new InventoryStore(Store.open(postgres.createDatabase("answers")));
      for (var store : List.of(sqlite, pg)) {
        estate.sync(store, accounts);
      }
      Thread.sleep(5);
      var between = java.time.Instant.now();
      Thread.sleep(5);
      var iam = estate.sb.account("222222222222").iam();
      iam.createAccessKey("user-001");
      iam.createRole("partner", io.rolecall.sandbox.TrustPolicy.trustingAccount("999999999999"));
      for (var store : List.of(sqlite, pg)) {
        estate.sync(store, accounts, java.util.EnumSet.of(Part.IAM));
      }
      var diffs = new ArrayList<Object>();
      var findings = new ArrayList<Object>();
      var histories = new ArrayList<Object>();
      var pruned = new ArrayList<Object>();
      var summaries = new ArrayList<Object>();
      for (var store : List.of(sqlite, pg)) {
        diffs.add(Diff.between(store, View.asOf(between), View.current(), List.of(), List.of(), false).changes());
        findings.add(Estate.report(store).findings().stream().map(e -> e.finding().id() + " " + e.status()).toList());
        histories.add(History.of(store, 10, null).get("runs") instanceof List<?> runs ? runs.stream()
            .map(r -> ((Map<?, ?>) r).get("ok") + "/" + ((Map<?, ?>) r).get("services")).toList() : null);
        var before = withoutTimes(CurrentStateTest.accounts(Summary.current(store, List.of()).orElseThrow()));
        var result = Prune.run(store, 1, null, java.time.Instant.now());
        pruned.add(result.runs().size() + " " + result.items());
        var after = withoutTimes(CurrentStateTest.accounts(Summary.current(store, List.of()).orElseThrow()));
        assertThat(after).isEqualTo(before);
        summaries.add(after);
      }
      assertThat((List<?>) diffs.get(0)).hasSize(2);
      assertThat(diffs.get(1)).isEqualTo(diffs.get(0));
      assertThat(findings.get(1)).isEqualTo(findings.get(0));
      assertThat(histories.get(1)).isEqualTo(histories.get(0));
      assertThat(pruned.get(1)).isEqualTo(pruned.get(0));
      assertThat(summaries.get(1)).isEqualTo(summaries.get(0));
      pg.close();
      sqlite.close();
    }
  }

  /** The summary rows without what differs between two syncs of the same estate: times and run ids. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> withoutTimes(List<Map<String, Object>> rows) {
    return rows.stream().map(r -> {
      var copy = new java.util.LinkedHashMap<>(r);
      copy.remove("collectedAt");
      copy.put("parts", ((List<Map<String, Object>>) r.get("parts")).stream().map(p -> {
        var q = new java.util.LinkedHashMap<>(p);
        q.remove("collectedAt");
        q.remove("runId");
        return q;
      }).toList());
      return (Map<String, Object>) copy;
    }).toList();
  }
}
