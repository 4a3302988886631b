package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.inventory.Part;
import io.rolecall.inventory.PostgresCluster;
import io.rolecall.render.Json;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.seed.EstateSpec;
import io.rolecall.sandbox.seed.Seeder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines as real processes (`rolecall serve`), one killed with SIGKILL mid-run: on PostgreSQL two engines share one
 * organization-wide sync of 40 sandbox accounts and the survivor redoes the dead one's in-flight accounts; on SQLite
 * the only engine, restarted, completes its job. Either way the job ends done and every account's current state is
 * in the store exactly once. The sandbox answers every call 60 ms late, so the run is still going when the kill
 * comes.
 */
class EngineFailoverTest {
  static final String OPERATOR_ACCOUNT = "111111111111";
  static final String ROLE = "RolecallAudit";
  static final String EXTERNAL_ID = "failover-ext-9";
  static final String SECRET = "CANARY-" + "failover-3c5e7a9b1d2f4e6a8c0b";
  static final EstateSpec SPEC = EstateSpec.empty().withUsers(3, 1).withRoles(1).withPolicies(1).withNetwork(1, 1)
      .withEvents(2).inRegions(List.of("us-east-1"));

  @TempDir
  Path dir;
  final Sandbox sb = Sandbox.start();
  final List<EngineProcess> engines = new ArrayList<>();
  PostgresCluster postgres;
  Path config;
  Map<String, String> env;

  @AfterEach
  void close() {
    engines.forEach(EngineProcess::close);
    sb.close();
    if (postgres != null) {
      postgres.close();
    }
  }

  List<String> estate(int accounts) {
    var user = sb.account(OPERATOR_ACCOUNT).iam().createUser("engine");
    String keyId = sb.world().issueAccessKey(user.principal(), SECRET).accessKeyId();
    var ids = new ArrayList<String>();
    for (int i = 1; i <= accounts; i++) {
      String id = String.format("2000000000%02d", i);
      Seeder.accessRole(sb.account(id), ROLE, TrustPolicy.trusting(user.arn()).withExternalId(EXTERNAL_ID));
      Seeder.seed(sb.account(id), SPEC);
      ids.add(id);
    }
    config = dir.resolve("rolecall.yaml");
    try {
      Files.writeString(config, """
          instances:
            test:
              region: us-east-1
              endpointUrl: %s
              accessKey: %s
              secretKey: ${ROLECALL_TEST_SECRET}
              roleName: %s
              externalId: %s
              retries: 2
          """.formatted(sb.endpoint(), keyId, ROLE, EXTERNAL_ID));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env = Map.of("ROLECALL_TEST_SECRET", SECRET);
    sb.faults().latency(Duration.ofMillis(60));
    return ids;
  }

  EngineProcess engine(String db, int workers) {
    var e = EngineProcess.start(env, new String[] {"--config", config.toString(), "--instance", "test", "--db", db,
        "serve", "--port", "0", "--workers", Integer.toString(workers)});
    engines.add(e);
    return e;
  }

  static JsonNode json(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  static JsonNode await(EngineProcess engine, String jobId, Duration patience, Predicate<JsonNode> until)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    JsonNode job = null;
    while (Instant.now().isBefore(deadline)) {
      job = json(engine.send("GET", "/v1/inventory/jobs/" + jobId, null).body());
      if (until.test(job)) {
        return job;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("job " + jobId + " did not get there within " + patience + ": " + job);
  }

  static boolean runningOn(JsonNode job, long pid) {
    for (var s : job.get("steps")) {
      if (s.get("status").asText().equals("running") && s.get("runner").asText().endsWith(":" + pid)) {
        return true;
      }
    }
    return false;
  }

  static String start(EngineProcess engine, List<String> accounts) {
    var r = engine.send("POST", "/v1/inventory/jobs", "{\"accounts\": \"" + String.join(",", accounts) + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return json(r.body()).get("id").asText();
  }

  @Test
  void twoEnginesOnPostgresShareOneSyncAndTheSurvivorRedoesWhatTheKilledOneHadInFlight() throws Exception {
    postgres = PostgresCluster.startIfInstalled().orElse(null);
    if (postgres == null) {
      System.err.println("EngineFailoverTest (PostgreSQL) skipped: PostgreSQL (initdb, pg_ctl) is not installed;"
          + " .ci/install-tools installs Debian's postgresql package");
    }
    Assumptions.assumeTrue(postgres != null, "PostgreSQL is not installed (initdb, pg_ctl)");
    var accounts = estate(40);
    var a = engine(postgres.jdbcUrl(), 4);
    var b = engine(postgres.jdbcUrl(), 4);
    String job = start(a, accounts);

    // Kill -9 engine a once the run is under way on both engines and a has accounts in flight.
    await(b, job, Duration.ofSeconds(120), j -> j.at("/accounts/done").asInt() >= 4 && runningOn(j, a.pid()));
    a.kill();
    var done = await(b, job, Duration.ofSeconds(240), j -> !j.get("status").asText().matches("queued|running"));
    System.out.println("EngineFailoverTest: " + done.get("accounts") + "; redone: " + redone(done));

    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
    assertThat(done.at("/accounts/total").asInt()).isEqualTo(40);
    assertThat(done.at("/accounts/done").asInt()).isEqualTo(40);
    assertThat(done.at("/accounts/failed").asInt()).isZero();
    // Only what it had in flight: at most its 4 workers' accounts.
    assertThat(redone(done)).as("accounts the killed engine had in flight, redone by the survivor").isNotEmpty()
        .hasSizeLessThanOrEqualTo(4).allSatisfy(s -> assertThat(s.get("runner").asText()).endsWith(":" + b.pid()));
    assertExactlyOnce(postgres.jdbcUrl(), done.get("runId").asText(), accounts);
    assertThat(b.log()).contains("redone by").doesNotContain(SECRET);
  }

  @Test
  void theOnlyEngineOnSqliteKilledMidJobCompletesItAfterARestart() throws Exception {
    var accounts = estate(10);
    String db = dir.resolve("store").resolve("rolecall.db").toString();
    var first = engine(db, 2);
    String job = start(first, accounts);
    await(first, job, Duration.ofSeconds(120), j -> j.at("/accounts/done").asInt() >= 2 && runningOn(j, first.pid()));
    first.kill();

    var again = engine(db, 2);
    var done = await(again, job, Duration.ofSeconds(180), j -> !j.get("status").asText().matches("queued|running"));
    System.out.println("EngineFailoverTest (SQLite): " + done.get("accounts") + "; redone: " + redone(done));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
    assertThat(done.at("/accounts/done").asInt()).isEqualTo(10);
    assertThat(redone(done)).isNotEmpty().hasSizeLessThanOrEqualTo(2).allSatisfy(s -> assertThat(s.get("runner").asText())
        .endsWith(":" + again.pid()));
    again.close();
    assertExactlyOnce("jdbc:sqlite:" + db, done.get("runId").asText(), accounts);
  }

  static List<JsonNode> redone(JsonNode job) {
    var out = new ArrayList<JsonNode>();
    job.get("steps").forEach(s -> {
      if (s.get("attempts").asInt() > 1) {
        out.add(s);
      }
    });
    return out;
  }

  /**
   * In the store: one outcome per account in the run, each account's eight parts current and from this run, the
   * organization step's part once, and each account's users there once each (as many as the sandbox holds),
   * whichever engine collected them and how often.
   */
  void assertExactlyOnce(String url, String runId, List<String> accounts) throws Exception {
    try (var c = DriverManager.getConnection(url)) {
      var outcomes = new HashMap<String, Integer>();
      try (var ps = c.prepareStatement("SELECT account_id, COUNT(*) FROM inventory_account WHERE run_id = ? GROUP BY"
          + " account_id")) {
        ps.setString(1, runId);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            outcomes.put(rs.getString(1), rs.getInt(2));
          }
        }
      }
      assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(accounts);
      assertThat(outcomes.values()).containsOnly(1);
      var current = new HashMap<String, List<String>>();
      var organization = new ArrayList<String>();
      try (var rs = c.createStatement().executeQuery("SELECT account_id, part, region, run_id FROM inventory_current")) {
        while (rs.next()) {
          assertThat(rs.getString(4)).isEqualTo(runId);
          String part = rs.getString(2) + "/" + rs.getString(3);
          if (Part.ofId(rs.getString(2)).organizational()) {
            organization.add(rs.getString(1) + " " + part);
          } else {
            current.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(part);
          }
        }
      }
      // The run's organization step, once: the SCPs under the base identity's account (no Identity Center here).
      assertThat(organization).containsExactly(OPERATOR_ACCOUNT + " organizations/global");
      assertThat(current.keySet()).containsExactlyInAnyOrderElementsOf(accounts);
      assertThat(current.values()).allSatisfy(parts -> assertThat(parts)
          .containsExactlyInAnyOrder("iam/global", "ec2/us-east-1", "snapshots/us-east-1", "cloudtrail/us-east-1",
              "s3/global", "rds/us-east-1", "trails/us-east-1", "kms/us-east-1"));
      try (var ps = c.prepareStatement("SELECT account_id, COUNT(*), COUNT(DISTINCT item_id) FROM inventory_item"
          + " WHERE run_id = ? AND kind = 'user' GROUP BY account_id")) {
        ps.setString(1, runId);
        try (var rs = ps.executeQuery()) {
          int n = 0;
          while (rs.next()) {
            n++;
            int held = sb.account(rs.getString(1)).iam().users().size();
            assertThat(rs.getInt(2)).as(rs.getString(1)).isEqualTo(held).isEqualTo(rs.getInt(3));
          }
          assertThat(n).isEqualTo(accounts.size());
        }
      }
    }
  }
}
