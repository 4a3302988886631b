package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.HotSpotDiagnosticMXBean;
import io.rolecall.render.Json;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sync jobs on the scheduler, one engine on SQLite, through the API: a job's accounts are steps whose progress the
 * job shows; cancel ends a running job at once, stops its steps and leaves no writer thread behind.
 */
class JobsTest {
  final EngineFixture fx;
  final Engine engine;

  JobsTest() throws Exception {
    fx = new EngineFixture(Files.createTempDirectory("rolecall-jobs"));
    engine = fx.start(fx.dir.resolve("jobs.db").toString(), "engine-a", 4);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  JsonNode job(String id) throws Exception {
    return Json.mapper().readTree(fx.get(engine, "/v1/inventory/jobs/" + id).body());
  }

  JsonNode await(String id, Predicate<JsonNode> until) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      var job = job(id);
      if (until.test(job)) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " never got there: " + job(id));
  }

  String start(String body) throws Exception {
    var r = fx.post(engine, "/v1/inventory/jobs", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return Json.mapper().readTree(r.body()).get("id").asText();
  }

  @Test
  void aJobShowsItsAccountsTotalDoneAndFailedAndEachStep() throws Exception {
    String id = start("{\"accounts\": \"222222222222,333333333333,444444444444\", \"services\": \"iam\"}");
    var done = await(id, j -> j.get("status").asText().equals("done"));
    assertThat(done.at("/accounts/total").asInt()).isEqualTo(3);
    assertThat(done.at("/accounts/done").asInt()).isEqualTo(3);
    assertThat(done.at("/accounts/failed").asInt()).isEqualTo(1);
    assertThat(done.get("steps")).hasSize(3).allSatisfy(s -> {
      assertThat(s.get("status").asText()).isEqualTo("done");
      assertThat(s.get("attempts").asInt()).isEqualTo(1);
      assertThat(s.get("runner").asText()).isEqualTo("engine-a");
    });
    assertThat(done.at("/steps/2/outcome").asText()).isEqualTo("error");
    assertThat(done.at("/steps/2/error").asText()).contains("444444444444");
    var r = fx.post(engine, "/v1/inventory/jobs", "{\"accounts\": \"222222222222\", \"parallel\": 4}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("parallel: not a job option");
  }

  @Test
  void theOrganizationStepIsAStepOfItsOwnAndTheJobEndsOnlyAfterItAndEveryAccount() throws Exception {
    fx.sb.organization(EngineFixture.MANAGEMENT).addAccount("222222222222").addAccount("333333333333");
    fx.sb.account(EngineFixture.MANAGEMENT).identityCenter().createInstance("us-east-1", "d-1111111111")
        .createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    String id = start("{\"accounts\": \"222222222222,333333333333\"}");
    var done = await(id, j -> !j.get("status").asText().matches("queued|running"));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
    assertThat(done.at("/accounts/total").asInt()).isEqualTo(2);
    assertThat(done.at("/accounts/done").asInt()).isEqualTo(2);
    assertThat(done.at("/accounts/failed").asInt()).isZero();
    assertThat(done.at("/organization/status").asText()).isEqualTo("done");
    assertThat(done.at("/organization/outcome").asText()).isEqualTo("ok");
    assertThat(done.get("steps")).extracting(s -> s.get("step").asText() + " " + s.get("kind").asText())
        .containsExactlyInAnyOrder("222222222222 account", "333333333333 account", "organization organization");
    var users = Json.mapper().readTree(fx.get(engine, "/v1/inventory/list/idc-users").body());
    assertThat(users.get("total").asInt()).isEqualTo(1);
    assertThat(users.toString()).contains("ann").contains(EngineFixture.MANAGEMENT);

    // Only IAM: no organization step at all.
    String iam = start("{\"accounts\": \"222222222222\", \"services\": \"iam\"}");
    var iamDone = await(iam, j -> j.get("status").asText().equals("done"));
    assertThat(iamDone.get("organization").isNull()).isTrue();
    assertThat(iamDone.get("steps")).extracting(s -> s.get("kind").asText()).containsExactly("account");
  }

  @Test
  void aSyncOfOrganizationalPartsOnlyHasNoAccountStepsAndFindsADelegatedIdentityCenter() throws Exception {
    // The instance lives in 222222222222 (a delegated administrator), which the job names.
    fx.sb.account("222222222222").identityCenter().createInstance("us-east-1", "d-2222222222")
        .createUser("dan", "Dan", "Ng", "Dan Ng", "dan@example.com");
    String id = start("{\"accounts\": \"333333333333\", \"services\": \"identitycenter\","
        + " \"identityCenterAccount\": \"222222222222\"}");
    var done = await(id, j -> !j.get("status").asText().matches("queued|running"));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
    assertThat(done.at("/request/identityCenterAccount").asText()).isEqualTo("222222222222");
    assertThat(done.at("/accounts/total").asInt()).isZero();
    assertThat(done.at("/organization/outcome").asText()).isEqualTo("ok");
    assertThat(done.get("steps")).singleElement().satisfies(s -> assertThat(s.get("step").asText())
        .isEqualTo("organization"));
    var users = Json.mapper().readTree(fx.get(engine, "/v1/inventory/list/idc-users").body());
    assertThat(users.get("total").asInt()).isEqualTo(1);
    assertThat(users.toString()).contains("dan").contains("222222222222");

    var bad = fx.post(engine, "/v1/inventory/jobs", "{\"accounts\": \"333333333333\", \"identityCenterAccount\": \"22\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("identity-center-account");
  }

  @Test
  void cancelEndsARunningJobAtOnceAndLeavesNoWriterThreadBehind() throws Exception {
    // Slow AWS: every call takes 150 ms, so the job is mid-account when it is cancelled.
    fx.sb.faults().latency(Duration.ofMillis(150));
    String id = start("{\"accounts\": \"222222222222,333333333333\"}");
    await(id, j -> j.get("status").asText().equals("running")
        && j.get("steps").findValuesAsText("status").contains("running"));
    assertThat(writerThreads()).as("the running steps' writers, seen in the thread dump").isPositive();
    var cancelled = fx.send(engine, "DELETE", "/v1/inventory/jobs/" + id, EngineFixture.TOKEN, null);
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(cancelled.body()).get("status").asText()).isEqualTo("cancelled");

    // Its steps stop: no writer thread of theirs stays parked, and the job stays cancelled.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (writerThreads() > 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(writerThreads()).as("inventory-writer threads left").isZero();
    fx.sb.faults().latency(Duration.ZERO);
    var after = job(id);
    assertThat(after.get("status").asText()).isEqualTo("cancelled");
    assertThat(after.at("/accounts/done").asInt()).isLessThan(2);
    assertThat(fx.log()).contains("job " + id + " started");

    // The engine goes on: the next job runs to the end.
    String next = start("{\"accounts\": \"222222222222\", \"services\": \"iam\"}");
    assertThat(await(next, j -> !j.get("status").asText().matches("queued|running")).get("status").asText())
        .isEqualTo("done");
  }

  /** Virtual threads named inventory-writer alive now (a JSON thread dump lists virtual threads too). */
  static long writerThreads() throws Exception {
    Path dump = Files.createTempFile("threads", ".json");
    Files.delete(dump);
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpThreads(dump.toString(),
        HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
    String text = Files.readString(dump);
    Files.delete(dump);
    return text.split("\"name\": \"inventory-writer\"", -1).length - 1;
  }
}
