package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.commands.Commands;
import io.rolecall.render.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine over real HTTP, against the sandbox: token, errors, command runs, jobs, audit, OpenAPI, secrets. The
 * tests share one engine but not an order: each makes the requests it judges (only one makes a change, only one
 * syncs), and the secret check runs on its own requests and again, in {@link #stop}, on every response of the class.
 */
class EngineApiTest {
  static final String GET_POLICY = "/v1/commands/aws-iam-account-password-policy-get";

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Engine engine;

  @BeforeAll
  static void start() {
    fx = new EngineFixture(dir);
    engine = fx.start();
  }

  @AfterAll
  static void stop() {
    try {
      assertNoSecretInAnyResponseOrTheLog();
    } finally {
      fx.close();
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return Json.mapper().readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  @Test
  void healthNeedsNoTokenAndEverythingElseDoes() {
    assertThat(fx.send(engine, "GET", "/v1/health", null, null).statusCode()).isEqualTo(200);
    var none = fx.send(engine, "GET", "/v1/commands", null, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    // A wrong token learns exactly as much as no token: nothing.
    for (String wrong : new String[] {"nope", EngineFixture.TOKEN + "x", EngineFixture.TOKEN.substring(1), ""}) {
      var r = fx.send(engine, "POST", GET_POLICY, wrong, "{}");
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).isEqualTo(none.body()).isEqualTo("{\"error\":\"unauthorized\"}");
    }
    assertThat(fx.send(engine, "GET", "/v1/audit", "Basic " + EngineFixture.TOKEN, null).statusCode()).isEqualTo(401);
  }

  @Test
  void badRequestsAreA400WithOneLine() {
    assertBadRequest(fx.post(engine, GET_POLICY, "{\"args\": {"), "malformed JSON");
    assertBadRequest(fx.post(engine, GET_POLICY, "[1,2]"), "expected a JSON object");
    assertBadRequest(fx.post(engine, "/v1/commands/aws-no-such-command", "{}"), "aws-no-such-command");
    assertBadRequest(fx.post(engine, GET_POLICY, "{\"args\": {\"account_id\": \"12345\"}}"), "account_id");
    assertBadRequest(fx.post(engine, GET_POLICY, "{\"args\": {\"colour\": \"red\"}}"), "colour");
    assertBadRequest(fx.post(engine, GET_POLICY, "{\"instance\": \"nope\"}"), "nope");
    assertBadRequest(fx.post(engine, GET_POLICY, "{\"argz\": {}}"), "argz");
    assertBadRequest(fx.post(engine, "/v1/inventory/jobs", "{\"accounts\": \"12\"}"), "accounts");
    assertBadRequest(fx.get(engine, "/v1/audit?limit=0"), "limit");
    assertThat(fx.get(engine, "/v1/nowhere").statusCode()).isEqualTo(404);
    assertThat(fx.send(engine, "PUT", "/v1/audit", EngineFixture.TOKEN, null).statusCode()).isEqualTo(405);
    assertThat(fx.get(engine, "/v1/inventory/jobs/j-none").statusCode()).isEqualTo(404);
  }

  private static void assertBadRequest(HttpResponse<String> r, String mentions) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    String error = json(r).get("error").asText();
    assertThat(error).contains(mentions).doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void aCommandRunReturnsContentsContextAndTable() {
    var r = fx.post(engine, GET_POLICY, "{\"instance\": \"test\", \"args\": {\"account_id\": \"222222222222\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    var body = json(r);
    assertThat(body.get("ok").asBoolean()).isTrue();
    assertThat(body.at("/contents/PasswordPolicy/MinimumPasswordLength").asInt()).isEqualTo(8);
    assertThat(body.get("context").fieldNames().next()).startsWith("AWS.IAM");
    assertThat(body.get("humanReadable").asText()).contains("MinimumPasswordLength");
    assertThat(body.get("errors")).isEmpty();
    // The war room's markdown (tableToMarkdown's shape) and the context with XSOAR key selectors.
    assertThat(body.get("readableOutput").asText()).startsWith("### ").contains("|AccountId|MinimumPasswordLength|");
    assertThat(body.get("entryContext").has("AWS.IAM.PasswordPolicy(val.AccountId && val.AccountId == obj.AccountId)"))
        .as(body.toString()).isTrue();
  }

  @Test
  void perAccountFailuresAreInTheBody() {
    var r = fx.post(engine, GET_POLICY, "{\"args\": {\"account_id\": [\"222222222222\", \"444444444444\"]}}");
    assertThat(r.statusCode()).isEqualTo(200);
    var body = json(r);
    assertThat(body.get("ok").asBoolean()).isFalse();
    assertThat(body.at("/errors/0/accountId").asText()).isEqualTo("444444444444");
    assertThat(body.at("/errors/0/error").asText()).contains("AccessDenied");
    assertThat(body.get("humanReadable").asText()).contains("222222222222").contains("444444444444");
    // The failed account is in the context too, beside the successful one, for a playbook to branch on.
    assertThat(body.at("/context/Rolecall.Error/0/AccountId").asText()).isEqualTo("444444444444");
    assertThat(body.at("/context/AWS.IAM.PasswordPolicy").size()).isEqualTo(1);
    assertThat(body.get("readableOutput").asText()).contains("### Failed").contains("| 444444444444 |");
  }

  @Test
  void concurrentRequestsShareOneCredentialCache() throws Exception {
    long before = fx.sb.calls().count("sts", "AssumeRole");
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<Future<HttpResponse<String>>>();
      for (int i = 0; i < 24; i++) {
        String account = EngineFixture.TRUSTING.get(i % 2);
        futures.add(pool.submit(() -> fx.post(engine, GET_POLICY, "{\"args\": {\"account_id\": \"" + account + "\"}}")));
      }
      for (var f : futures) {
        var r = f.get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("ok").asBoolean()).as(r.body()).isTrue();
      }
    }
    // Each account's role was assumed at most once more, whatever the number of requests.
    assertThat(fx.sb.calls().count("sts", "AssumeRole") - before).isLessThanOrEqualTo(2);
  }

  @Test
  void aChangeIsJournaledAndShownByTheAuditEndpoint() {
    var r = fx.post(engine, "/v1/commands/aws-iam-account-password-policy-update",
        "{\"args\": {\"account_id\": \"333333333333\", \"minimum_password_length\": 14, \"require_symbols\": true}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).get("ok").asBoolean()).isTrue();
    var audit = json(fx.get(engine, "/v1/audit?limit=5")).get("entries");
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get("Command").asText()).isEqualTo("aws-iam-account-password-policy-update");
    assertThat(audit.get(0).get("Actor").asText()).isEqualTo("tester (engine)");
    assertThat(audit.get(0).at("/After/MinimumPasswordLength").asInt()).isEqualTo(14);
  }

  @Test
  void aSyncJobRunsAndFeedsSummaryListsAndFindings() throws Exception {
    assertThat(fx.get(engine, "/v1/inventory/summary").statusCode()).isEqualTo(404);
    var started = fx.post(engine, "/v1/inventory/jobs",
        "{\"accounts\": \"222222222222,333333333333,444444444444\", \"services\": \"iam\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).get("id").asText();
    var job = await(id);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
    assertThat(job.get("runner").asText()).isEqualTo("engine-a");

    var summary = json(fx.get(engine, "/v1/inventory/summary"));
    assertThat(summary.get("runId").asText()).isEqualTo(job.get("runId").asText());
    assertThat(summary.get("accounts")).hasSize(3);
    assertThat(summary.at("/accounts/2/status").asText()).isEqualTo("error");
    var users = json(fx.get(engine, "/v1/inventory/list/users?account=222222222222")).get("items");
    assertThat(users).anySatisfy(u -> assertThat(u.toString()).contains("alice-222"));
    var findings = json(fx.get(engine, "/v1/inventory/findings")).get("findings");
    assertThat(findings).anySatisfy(f -> assertThat(f.get("rule").asText()).isEqualTo("weak-password-policy"));
    assertBadRequest(fx.get(engine, "/v1/inventory/list/widgets"), "widgets");

    // Cancelling a finished job changes nothing; the job list shows it.
    var cancelled = fx.send(engine, "DELETE", "/v1/inventory/jobs/" + id, EngineFixture.TOKEN, null);
    assertThat(json(cancelled).get("status").asText()).isEqualTo("done");
    assertThat(json(fx.get(engine, "/v1/inventory/jobs")).at("/jobs/0/id").asText()).isEqualTo(id);
  }

  static JsonNode await(String id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      var job = json(fx.get(engine, "/v1/inventory/jobs/" + id));
      if (!job.get("status").asText().matches("queued|running")) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + id + " did not finish");
  }

  @Test
  void theOpenApiDocumentHasEveryRouteAndCommand() {
    var doc = json(fx.get(engine, "/v1/openapi.json"));
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    var routes = engine.routes();
    assertThat(routes.stream().filter(Route::api)).hasSizeGreaterThan(10).allSatisfy(route ->
        assertThat(doc.at("/paths").get(route.pattern()).get(route.method().toLowerCase()))
            .as(route.method() + " " + route.pattern()).isNotNull());
    for (var spec : Commands.registry().specs()) {
      var args = doc.at("/paths/~1v1~1commands~1" + spec.name() + "/post/requestBody/content/application~1json/schema"
          + "/properties/args/properties");
      assertThat(args.has("region")).as(spec.name()).isTrue();
    }
    var listed = json(fx.get(engine, "/v1/commands")).get("commands");
    assertThat(listed).hasSize(Commands.registry().specs().size());
  }

  @Test
  void noSecretInAnyResponseOrTheLog() {
    // Its own traffic first (a success, a per-account failure, a refused token), so it holds in any order.
    assertThat(fx.post(engine, GET_POLICY, "{\"args\": {\"account_id\": [\"222222222222\", \"444444444444\"]}}")
        .statusCode()).isEqualTo(200);
    assertThat(fx.send(engine, "POST", GET_POLICY, "nope", "{}").statusCode()).isEqualTo(401);
    assertNoSecretInAnyResponseOrTheLog();
  }

  private static void assertNoSecretInAnyResponseOrTheLog() {
    assertThat(fx.bodies).isNotEmpty().noneSatisfy(b -> assertThat(b).contains(EngineFixture.CANARY));
    assertThat(fx.bodies).noneSatisfy(b -> assertThat(b).contains(EngineFixture.TOKEN));
    assertThat(fx.log()).contains("POST " + GET_POLICY + " 200").doesNotContain(EngineFixture.CANARY)
        .doesNotContain(EngineFixture.TOKEN);
  }
}
