package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.inventory.PostgresCluster;
import io.rolecall.render.Json;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines on one PostgreSQL store share the job queue: 20 sync jobs queued through one of them each run exactly
 * once (one claim, one runner, done), and both engines take part. Checked in the jobs table itself.
 */
class TwoEnginesPostgresIT {
  static PostgresCluster postgres;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    postgres = PostgresCluster.startIfInstalled().orElse(null);
    if (postgres == null) {
      System.err.println("TwoEnginesPostgresIT skipped: PostgreSQL (initdb, pg_ctl) is not installed;"
          + " .ci/install-tools installs Debian's postgresql package");
    }
    Assumptions.assumeTrue(postgres != null, "PostgreSQL is not installed (initdb, pg_ctl)");
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void twentyJobsEachRunExactlyOnceAcrossTwoEngines() throws Exception {
    try (var fx = new EngineFixture(dir)) {
      var a = fx.start(postgres.jdbcUrl(), "engine-a", 2);
      var b = fx.start(postgres.jdbcUrl(), "engine-b", 2);
      var ids = new ArrayList<String>();
      for (int i = 0; i < 20; i++) {
        // Alternate the engine that queues: a job is the store's, not the engine's that took the request.
        var r = fx.post(i % 2 == 0 ? a : b, "/v1/inventory/jobs", "{\"accounts\": \"222222222222\", \"services\": \"iam\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        ids.add(Json.mapper().readTree(r.body()).get("id").asText());
      }
      awaitAllFinished(postgres.jdbcUrl(), Duration.ofSeconds(120));

      var rows = new HashMap<String, Map<String, Object>>();
      try (var c = DriverManager.getConnection(postgres.jdbcUrl());
           var rs = c.createStatement().executeQuery("SELECT job_id, status, claims, runner, run_id FROM engine_job")) {
        while (rs.next()) {
          rows.put(rs.getString(1), Map.of("status", rs.getString(2), "claims", rs.getInt(3),
              "runner", String.valueOf(rs.getString(4)), "runId", String.valueOf(rs.getString(5))));
        }
      }
      assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(rows.values()).allSatisfy(row -> {
        assertThat(row.get("status")).as(row.toString()).isEqualTo("done");
        assertThat(row.get("claims")).as(row.toString()).isEqualTo(1);
        assertThat(row.get("runner")).isIn("engine-a", "engine-b");
      });
      // Each job made its own inventory run.
      assertThat(rows.values().stream().map(r -> r.get("runId")).distinct()).hasSize(20);
      var byRunner = rows.values().stream().map(r -> (String) r.get("runner")).toList();
      System.out.println("jobs per engine: a=" + byRunner.stream().filter("engine-a"::equals).count()
          + " b=" + byRunner.stream().filter("engine-b"::equals).count());
      assertThat(byRunner).contains("engine-a", "engine-b");
    }
  }

  private static void awaitAllFinished(String url, Duration patience) throws Exception {
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      try (var c = DriverManager.getConnection(url);
           var rs = c.createStatement().executeQuery(
               "SELECT count(*) FROM engine_job WHERE status IN ('queued', 'running')")) {
        rs.next();
        if (rs.getInt(1) == 0) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("jobs still queued or running after " + patience);
  }

}
