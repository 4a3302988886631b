package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.inventory.PostgresCluster;
import io.rolecall.render.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recurring sync on two engines sharing one PostgreSQL store: both are started with the same "every 2s" (as two
 * `serve --schedule` would be), there is one schedule, and over 10 s it fires about 5 times in all, not about 10:
 * each period once, whichever engine fired it, each job for its own period, periods 2 s apart on the grid.
 */
class SchedulesPostgresIT {
  static PostgresCluster postgres;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    postgres = PostgresCluster.startIfInstalled().orElse(null);
    if (postgres == null) {
      System.err.println("SchedulesPostgresIT skipped: PostgreSQL (initdb, pg_ctl) is not installed;"
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

  static JsonNode json(String body) throws Exception {
    return Json.mapper().readTree(body);
  }

  @Test
  void aScheduleOnTwoEnginesFiresOncePerPeriod() throws Exception {
    try (var fx = new EngineFixture(dir)) {
      var every2s = List.of(new Engine.ScheduleOption(null, "every 2s",
          Map.of("accounts", "222222222222", "services", "iam"), "test"));
      var a = fx.start(postgres.jdbcUrl(), "engine-a", 2, null, every2s);
      var b = fx.start(postgres.jdbcUrl(), "engine-b", 2, null, every2s);
      var listed = json(fx.get(b, "/v1/inventory/schedules").body()).get("schedules");
      assertThat(listed).hasSize(1);
      String id = listed.get(0).get("id").asText();
      assertThat(listed.get(0).get("schedule").asText()).isEqualTo("every 2s");

      Thread.sleep(Duration.ofSeconds(10));
      var deleted = fx.send(a, "DELETE", "/v1/inventory/schedules/" + id, EngineFixture.TOKEN, null);
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
      var jobs = awaitFinished(fx, a, id);

      var periods = new ArrayList<Instant>();
      jobs.forEach(j -> periods.add(Instant.parse(j.get("createdAt").asText())));
      System.out.println("fired " + jobs.size() + " times in 10 s on two engines; runners "
          + jobs.stream().map(j -> j.get("runner").asText()).toList());
      assertThat(jobs.size()).as("about 5 firings in 10 s, not about 10").isBetween(2, 6);
      assertThat(jobs).allSatisfy(j -> {
        assertThat(j.get("status").asText()).isEqualTo("done");
        assertThat(j.get("scheduleId").asText()).isEqualTo(id);
      });
      // The store's own record of the periods fired: distinct, on a 2 s grid.
      var slots = scheduledFor(id);
      assertThat(slots).hasSize(jobs.size()).doesNotHaveDuplicates();
      for (int i = 1; i < slots.size(); i++) {
        long gap = Duration.between(slots.get(i - 1), slots.get(i)).toMillis();
        assertThat(gap % 2000).as("period %d is on the grid", i).isZero();
        assertThat(gap).isPositive();
      }
      assertThat(json(fx.get(b, "/v1/inventory/schedules").body()).get("schedules")).isEmpty();
    }
  }

  static List<JsonNode> awaitFinished(EngineFixture fx, Engine engine, String scheduleId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      var jobs = new ArrayList<JsonNode>();
      json(fx.get(engine, "/v1/inventory/jobs?limit=200").body()).get("jobs").forEach(j -> {
        if (scheduleId.equals(j.path("scheduleId").asText())) {
          jobs.add(j);
        }
      });
      if (jobs.stream().noneMatch(j -> j.get("status").asText().matches("queued|running"))) {
        return jobs.reversed();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the schedule's jobs did not finish");
  }

  static List<Instant> scheduledFor(String scheduleId) throws Exception {
    var out = new ArrayList<Instant>();
    try (var c = java.sql.DriverManager.getConnection(postgres.jdbcUrl());
         var ps = c.prepareStatement("SELECT scheduled_for FROM engine_job WHERE schedule_id = ? ORDER BY scheduled_for")) {
      ps.setString(1, scheduleId);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(Instant.parse(rs.getString(1)));
        }
      }
    }
    return out;
  }
}
