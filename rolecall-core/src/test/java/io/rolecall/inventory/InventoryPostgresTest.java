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
class InventoryPostgresTest {
  static PostgresCluster postgres;

  @BeforeAll
  static void start() {
    postgres = PostgresCluster.startIfInstalled().orElse(null);
    if (postgres == null) {
      System.err.println("InventoryPostgresTest skipped: PostgreSQL (initdb, pg_ctl) is not installed;"
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

      var fromSqlite = Summary.latest(sqlite).orElseThrow();
      var fromPg = Summary.latest(pg).orElseThrow();
      assertThat(fromPg.get("runId")).isNotEqualTo(fromSqlite.get("runId"));
      assertThat((List<Map<String, Object>>) fromPg.get("accounts"))
          .isEqualTo(fromSqlite.get("accounts"))
          .allSatisfy(a -> assertThat(a.get("status")).isEqualTo("ok"));

      // Items, events and findings read back alike too.
      var a = new ArrayList<String>();
      var b = new ArrayList<String>();
      sqlite.items((String) fromSqlite.get("runId"), List.of(Kind.values()), null, i -> a.add(i.kind() + i.id() + i.data()));
      pg.items((String) fromPg.get("runId"), List.of(Kind.values()), null, i -> b.add(i.kind() + i.id() + i.data()));
      assertThat(b).hasSameSizeAs(a).containsExactlyInAnyOrderElementsOf(a);
      assertThat(Findings.latest(pg, null)).isEqualTo(Findings.latest(sqlite, null));
      var events = new ArrayList<TrailEvent>();
      pg.events(null, events::add);
      assertThat(events).hasSize(72);
      pg.close();
      sqlite.close();
    }
  }
}
