package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.config.Retention;
import io.rolecall.sandbox.TrustPolicy;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The roll call's reads over HTTP: current state with parts, findings with coverage, history, diff, one past run,
 * and retention applied after each job. Each test has its own engine, store and sandbox.
 */
class InventoryApiTest {
  final EngineFixture fx;
  final Engine engine;

  InventoryApiTest() throws Exception {
    fx = new EngineFixture(Files.createTempDirectory("rolecall-inventory-api"));
    engine = fx.start(fx.dir.resolve("store.db").toString(), "engine-a", 1, new Retention(2, null));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return new ObjectMapper().readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError(r.body(), e);
    }
  }

  String sync(String body) throws InterruptedException {
    var started = fx.post(engine, "/v1/inventory/jobs", body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).get("id").asText();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      var job = json(fx.get(engine, "/v1/inventory/jobs/" + id));
      if (!job.get("status").asText().matches("queued|running")) {
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
        return job.get("runId").asText();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not finish");
  }

  @Test
  void currentStateFindingsWithCoverageHistoryDiffAndOnePastRun() throws Exception {
    String r1 = sync("{\"accounts\": \"222222222222,333333333333,444444444444\"}");
    fx.sb.account("222222222222").iam().createRole("partner", TrustPolicy.trustingAccount("999999999999"));
    String r2 = sync("{\"accounts\": \"222222222222\", \"services\": \"iam\"}");

    var summary = json(fx.get(engine, "/v1/inventory/summary"));
    assertThat(summary.get("view").asText()).isEqualTo("current");
    assertThat(summary.get("accounts")).hasSize(3);
    assertThat(summary.at("/accounts/0/parts")).anySatisfy(p -> {
      assertThat(p.get("part").asText()).isEqualTo("iam");
      assertThat(p.get("runId").asText()).isEqualTo(r2);
    }).anySatisfy(p -> {
      assertThat(p.get("part").asText()).isEqualTo("ec2");
      assertThat(p.get("runId").asText()).isEqualTo(r1);
    });
    assertThat(summary.at("/accounts/2/status").asText()).isEqualTo("error");

    var findings = json(fx.get(engine, "/v1/inventory/findings"));
    assertThat(findings.get("coverage")).singleElement().satisfies(g -> {
      assertThat(g.get("accountId").asText()).isEqualTo("444444444444");
      assertThat(g.get("status").asText()).isEqualTo("failed");
    });
    assertThat(findings.get("findings")).anySatisfy(f -> assertThat(f.get("rule").asText())
        .isEqualTo("weak-password-policy"));
    var fresh = json(fx.get(engine, "/v1/inventory/findings?newSince=1h&severity=medium&account=222222222222"));
    assertThat(fresh.get("findings")).extracting(f -> f.get("rule").asText())
        .contains("cross-account-trust-without-condition", "weak-password-policy");
    assertThat(fresh.get("coverage")).isEmpty();

    var history = json(fx.get(engine, "/v1/inventory/history"));
    assertThat(history.get("runs")).extracting(r -> r.get("runId").asText()).containsExactly(r2, r1);
    var diff = json(fx.get(engine, "/v1/inventory/diff?from=" + r1));
    assertThat(diff.get("changes")).singleElement().satisfies(c -> {
      assertThat(c.get("change").asText()).isEqualTo("added");
      assertThat(c.get("name").asText()).isEqualTo("partner");
    });
    var past = json(fx.get(engine, "/v1/inventory/summary?run=" + r2));
    assertThat(past.get("view").asText()).isEqualTo(r2);
    assertThat(past.get("accounts")).hasSize(1);
    var items = json(fx.get(engine, "/v1/inventory/list/roles?run=" + r1 + "&account=222222222222"));
    assertThat(items.get("items")).noneSatisfy(i -> assertThat(i.get("roleName").asText()).isEqualTo("partner"))
        .allSatisfy(i -> assertThat(i.get("runId").asText()).isEqualTo(r1));

    for (String bad : new String[] {"/v1/inventory/summary?run=r-nope", "/v1/inventory/diff?since=" + enc("1 day"),
        "/v1/inventory/findings?severity=urgent", "/v1/inventory/diff?from=r-nope",
        "/v1/inventory/findings?account=123"}) {
      var r = fx.get(engine, bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(json(r).get("error").asText()).as(bad).doesNotContain("\n");
    }
  }

  @Test
  void accessAnswersComeFromTheCurrentStateAndFollowItWhenASyncChangesIt() throws Exception {
    assertThat(fx.get(engine, "/v1/access/who?account=222222222222").statusCode()).isEqualTo(404);
    sync("{\"accounts\": \"222222222222,333333333333\", \"services\": \"iam\"}");
    var before = json(fx.get(engine, "/v1/access/who?account=222222222222&level=admin"));
    assertThat(before.get("principals")).noneSatisfy(p -> assertThat(p.get("name").asText()).isEqualTo("new-admin"));
    fx.sb.account("222222222222").iam().createUser("new-admin");
    fx.sb.account("222222222222").iam().attachUserPolicy("new-admin", "arn:aws:iam::aws:policy/AdministratorAccess");
    sync("{\"accounts\": \"222222222222\", \"services\": \"iam\"}");
    var after = json(fx.get(engine, "/v1/access/who?account=222222222222"));
    assertThat(after.get("principals")).anySatisfy(p -> {
      assertThat(p.get("name").asText()).isEqualTo("new-admin");
      assertThat(p.get("kind").asText()).isEqualTo("iam-user");
    });
    var reach = json(fx.get(engine, "/v1/access/reach?principal=" + enc("arn:aws:iam::222222222222:user/new-admin")));
    assertThat(reach.get("reach")).anySatisfy(e -> assertThat(e.get("level").asText()).isEqualTo("admin"));
    for (String bad : new String[] {"/v1/access/who?account=12", "/v1/access/who?account=222222222222&level=god",
        "/v1/access/reach?principal=" + enc("arn:aws:s3:::x"), "/v1/access/path?from=*&to=nope"}) {
      var r = fx.get(engine, bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
    }
  }

  @Test
  void retentionIsAppliedAfterEachJobAndKeepsTheCurrentState() throws Exception {
    String first = sync("{\"accounts\": \"222222222222,333333333333\"}");
    for (int i = 0; i < 2; i++) {
      sync("{\"accounts\": \"222222222222\", \"services\": \"iam\"}");
    }
    var history = json(fx.get(engine, "/v1/inventory/history"));
    assertThat(history.get("runs")).hasSize(3);
    // The first run's snapshot is beyond the two kept, but 333333333333's parts and 222222222222's EC2 are
    // still current, so they stay; only its superseded IAM of 222222222222 went.
    var summary = json(fx.get(engine, "/v1/inventory/summary"));
    assertThat(summary.get("accounts")).hasSize(2).allSatisfy(a -> assertThat(a.get("status").asText()).isEqualTo("ok"));
    assertThat(summary.at("/accounts/1/users").asInt()).isEqualTo(1);
    assertThat(fx.log()).contains("retention: pruned 1 run(s)");
    assertThat(json(fx.get(engine, "/v1/inventory/summary?run=" + first)).at("/accounts/0/users").asInt()).isZero();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
