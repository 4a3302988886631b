package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.store.Store;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A store written by the previous version (schema V3: one snapshot per run) keeps its data through the V4
 * migration: its runs become history, its last good collections the current state, and the first sync after
 * migrating works. On SQLite, and on PostgreSQL when it is installed.
 */
class StoreMigrationTest {
  static final String A = "222222222222";
  static final String B = "333333333333";

  @Test
  void aVersion3SqliteStoreKeepsItsDataAndSyncsAfterMigrating() {
    try (var estate = new Estate()) {
      String url = "jdbc:sqlite:" + estate.dir.resolve("v3.db");
      migrateTo3AndFill(url, "sqlite");
      checkMigrated(estate, url);
    }
  }

  @Test
  void aVersion3PostgresqlStoreKeepsItsDataAndSyncsAfterMigrating() {
    var postgres = PostgresCluster.startIfInstalled().orElse(null);
    if (postgres == null) {
      System.err.println("StoreMigrationTest (PostgreSQL) skipped: PostgreSQL (initdb, pg_ctl) is not installed;"
          + " .ci/install-tools installs Debian's postgresql package");
    }
    Assumptions.assumeTrue(postgres != null, "PostgreSQL is not installed");
    try (postgres; var estate = new Estate()) {
      String url = postgres.createDatabase("v3store");
      migrateTo3AndFill(url, "postgresql");
      checkMigrated(estate, url);
    }
  }

  /** Schema V3 and the rows the previous version wrote for one run: A synced, B could not be assumed. */
  private static void migrateTo3AndFill(String url, String dialect) {
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/" + dialect).target("3").load()
        .migrate();
    try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
      st.execute("INSERT INTO inventory_run (run_id, started_at, finished_at, regions, accounts) VALUES"
          + " ('r20261101T000000Z-aaaaaa', '2026-11-01T00:00:00.000Z', '2026-11-01T00:01:00.000Z',"
          + " 'us-east-1,eu-west-1', 2)");
      st.execute("INSERT INTO inventory_account (run_id, account_id, status, error, api_calls, throttled, events)"
          + " VALUES ('r20261101T000000Z-aaaaaa', '" + A + "', 'ok', NULL, 12, 0, 1),"
          + " ('r20261101T000000Z-aaaaaa', '" + B + "', 'error', 'cannot assume role arn:aws:iam::" + B
          + ":role/RolecallAudit: AccessDenied', 1, 0, 0)");
      st.execute("INSERT INTO inventory_item (run_id, kind, account_id, region, item_id, name, data) VALUES"
          + " ('r20261101T000000Z-aaaaaa', 'user', '" + A + "', 'global', 'arn:aws:iam::" + A + ":user/old',"
          + " 'old', '{\"arn\":\"arn:aws:iam::" + A + ":user/old\",\"userName\":\"old\",\"groups\":[],"
          + "\"attachedPolicies\":[{\"policyName\":\"AdministratorAccess\","
          + "\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\"}],\"inlinePolicies\":[]}'),"
          + " ('r20261101T000000Z-aaaaaa', 'vpc', '" + A + "', 'us-east-1', 'vpc-1', NULL, '{\"vpcId\":\"vpc-1\"}')");
      st.execute("INSERT INTO inventory_checkpoint (account_id, region, read_until, run_id) VALUES"
          + " ('" + A + "', 'us-east-1', '2026-11-01T00:00:00.000Z', 'r20261101T000000Z-aaaaaa')");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void checkMigrated(Estate estate, String url) {
    try (var store = new InventoryStore(Store.open(url))) {
      var summary = Summary.current(store, List.of()).orElseThrow();
      var a = CurrentStateTest.accounts(summary).get(0);
      assertThat(a.get("accountId")).isEqualTo(A);
      assertThat(a.get("status")).isEqualTo("ok");
      assertThat(a.get("users")).isEqualTo(1L);
      assertThat(a.get("vpcs")).isEqualTo(1L);
      assertThat(a.get("apiCalls")).isEqualTo(12L);
      assertThat(CurrentStateTest.part(a, "iam", "global")).containsEntry("collectedAt", "2026-11-01T00:01:00Z");
      assertThat(CurrentStateTest.part(a, "cloudtrail", "us-east-1")).containsEntry("status", "ok");
      var b = CurrentStateTest.accounts(summary).get(1);
      assertThat(b.get("status")).isEqualTo("error");
      assertThat((String) b.get("error")).contains("cannot assume role");
      assertThat(CurrentStateTest.part(b, "ec2", "eu-west-1")).containsEntry("status", "error");
      // The old admin grant is judged once the store is read; B is a gap, A's data is a month old: stale.
      var report = Estate.report(store);
      assertThat(report.findings()).extracting(e -> e.finding().rule()).contains(Finding.Rule.ADMIN_POLICY);
      assertThat(report.coverage()).extracting(Coverage.Gap::accountId, Coverage.Gap::status)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(A, Coverage.STALE),
              org.assertj.core.groups.Tuple.tuple(B, Coverage.FAILED));

      // The first sync after migrating works and becomes the current state.
      estate.seeded(A, CurrentStateTest.SMALL);
      var result = estate.sync(store, List.of(A));
      assertThat(result.failed()).isZero();
      var after = CurrentStateTest.accounts(Summary.current(store, List.of(A)).orElseThrow()).getFirst();
      Estate.truth(estate.sb.account(A), CurrentStateTest.SMALL.regions())
          .forEach((field, expected) -> assertThat(after.get(field)).as(field).isEqualTo(expected));
      assertThat(History.of(store, 10, null).get("runs")).asList().hasSize(2);
      assertThat(Estate.report(store, A).findings()).extracting(e -> e.finding().principal())
          .doesNotContain("arn:aws:iam::" + A + ":user/old");
    }
  }
}
