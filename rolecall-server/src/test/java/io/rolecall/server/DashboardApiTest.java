package io.rolecall.server;

import static io.rolecall.server.InventoryApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reads the dashboard is built on (issue 17), through the engine's HTTP API on the sandbox: the overview, list
 * search, findings search/sort/paging/groups, the principal page and the audit filters.
 */
class DashboardApiTest {
  final EngineFixture fx;
  final Engine engine;

  DashboardApiTest() throws Exception {
    fx = new EngineFixture(Files.createTempDirectory("rolecall-dashboard-api"));
    engine = fx.start();
  }

  @AfterEach
  void stop() {
    fx.close();
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

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void overviewCountsAccountsAndFindingsBySeverityAndRule() throws Exception {
    assertThat(fx.get(engine, "/v1/inventory/overview").statusCode()).isEqualTo(404);
    sync("{\"accounts\": \"222222222222,333333333333,444444444444\", \"services\": \"iam\"}");
    var o = json(fx.get(engine, "/v1/inventory/overview?since=24h"));
    var accounts = o.get("accounts");
    assertThat(accounts).extracting(a -> a.get("account").asText())
        .containsExactly("222222222222", "333333333333", "444444444444");
    assertThat(accounts.get(0).get("status").asText()).isEqualTo("ok");
    assertThat(accounts.get(0).get("ageSeconds").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(accounts.get(0).at("/findings/medium").asLong()).isGreaterThanOrEqualTo(1);
    // 444444444444 wants another ExternalId: nothing collected, so it was never assessed.
    assertThat(accounts.get(2).get("status").asText()).isEqualTo("not-assessed");
    assertThat(accounts.get(2).get("collectedAt").isNull()).isTrue();
    var findings = o.get("findings");
    assertThat(findings.at("/bySeverity").fieldNames()).toIterable()
        .containsExactly("critical", "high", "medium", "low");
    assertThat(findings.get("byRule")).anySatisfy(r -> {
      assertThat(r.get("rule").asText()).isEqualTo("weak-password-policy");
      assertThat(r.get("severity").asText()).isEqualTo("medium");
      assertThat(r.get("count").asLong()).isEqualTo(2); // 333333333333 has no policy at all
    });
    long open = 0;
    for (var r : findings.get("byRule")) {
      open += r.get("count").asLong();
    }
    long bySeverity = 0;
    for (var v : findings.get("bySeverity")) {
      bySeverity += v.asLong();
    }
    assertThat(bySeverity).isEqualTo(open);
    // Everything was first seen by this sync: all new, nothing resolved.
    assertThat(findings.get("new").asLong()).isEqualTo(open);
    assertThat(findings.get("resolved").asLong()).isZero();
    assertThat(Instant.parse(findings.get("since").asText())).isBefore(Instant.now());

    // Fix the weak password policy: the next sync resolves that finding, counted as resolved since 1h.
    fx.sb.account("222222222222").iam().setPasswordPolicy(new io.rolecall.sandbox.service.iam.PasswordPolicy(
        14, true, true, true, true, true, 90, 24, false));
    sync("{\"accounts\": \"222222222222\", \"services\": \"iam\"}");
    var after = json(fx.get(engine, "/v1/inventory/overview?since=1h")).get("findings");
    assertThat(after.get("resolved").asLong()).isEqualTo(1);
    assertThat(after.get("byRule")).anySatisfy(r -> {
      assertThat(r.get("rule").asText()).isEqualTo("weak-password-policy");
      assertThat(r.get("count").asLong()).isEqualTo(1);
    });
    assertThat(fx.get(engine, "/v1/inventory/overview?since=soon").statusCode()).isEqualTo(400);
  }

  @Test
  void listSearchFiltersInTheStoreSoTotalAndPagesCountTheMatches() throws Exception {
    for (int i = 0; i < 5; i++) {
      fx.sb.account("222222222222").iam().createUser("Bob_" + i);
    }
    fx.sb.account("333333333333").iam().createUser("bob%odd");
    sync("{\"accounts\": \"222222222222,333333333333\", \"services\": \"iam\"}");
    var all = json(fx.get(engine, "/v1/inventory/list/users"));
    assertThat(all.get("total").asLong()).isGreaterThan(6);

    // Case-insensitive, over names: Bob_0..4 and bob%odd.
    var seen = new ArrayList<String>();
    String token = null;
    long total = -1;
    do {
      var page = json(fx.get(engine, "/v1/inventory/list/users?q=BOB&limit=2"
          + (token == null ? "" : "&nextToken=" + token)));
      total = page.get("total").asLong();
      page.get("items").forEach(i -> seen.add(i.get("userName").asText()));
      token = page.get("nextToken").isNull() ? null : page.get("nextToken").asText();
    } while (token != null);
    assertThat(total).isEqualTo(6);
    assertThat(seen).containsExactly("Bob_0", "Bob_1", "Bob_2", "Bob_3", "Bob_4", "bob%odd");
    // LIKE's own characters are literal: "_" is no wildcard, "%" no "anything".
    assertThat(json(fx.get(engine, "/v1/inventory/list/users?q=" + enc("b_"))).get("total").asLong()).isEqualTo(5);
    assertThat(json(fx.get(engine, "/v1/inventory/list/users?q=" + enc("%o"))).get("total").asLong()).isEqualTo(1);
    // Over the ARN and the account too.
    assertThat(json(fx.get(engine, "/v1/inventory/list/users?q=" + enc(":user/alice-333"))).get("items"))
        .singleElement().satisfies(i -> assertThat(i.get("accountId").asText()).isEqualTo("333333333333"));
    var byAccount = json(fx.get(engine, "/v1/inventory/list/roles?q=33333333"));
    assertThat(byAccount.get("items")).isNotEmpty().allSatisfy(i -> assertThat(i.get("accountId").asText())
        .isEqualTo("333333333333"));
    assertThat(json(fx.get(engine, "/v1/inventory/list/users?q=nobody-at-all")).get("total").asLong()).isZero();
  }

  @Test
  void findingsSearchSortPagesAndGroupsTheFilteredSet() throws Exception {
    fx.sb.account("222222222222").iam().createRole("partner-a",
        io.rolecall.sandbox.TrustPolicy.trustingAccount("999999999999"));
    fx.sb.account("333333333333").iam().createRole("partner-b",
        io.rolecall.sandbox.TrustPolicy.trustingAccount("999999999999"));
    sync("{\"accounts\": \"222222222222,333333333333\", \"services\": \"iam\"}");
    var plain = json(fx.get(engine, "/v1/inventory/findings"));
    int all = plain.get("findings").size();
    assertThat(plain.get("total").asInt()).isEqualTo(all);
    assertThat(plain.get("nextToken").isNull()).isTrue();
    assertThat(plain.get("coverage")).isNotNull();

    var q = json(fx.get(engine, "/v1/inventory/findings?q=PARTNER"));
    assertThat(q.get("findings")).hasSize(2).allSatisfy(f -> assertThat(f.get("rule").asText())
        .isEqualTo("cross-account-trust-without-condition"));
    assertThat(q.get("groups")).singleElement().satisfies(g -> {
      assertThat(g.get("rule").asText()).isEqualTo("cross-account-trust-without-condition");
      assertThat(g.get("count").asInt()).isEqualTo(2);
    });
    var byAccount = json(fx.get(engine, "/v1/inventory/findings?q=partner&sort=-accountId"));
    assertThat(byAccount.get("findings")).extracting(f -> f.get("accountId").asText())
        .containsExactly("333333333333", "222222222222");

    var seen = new ArrayList<String>();
    String token = null;
    do {
      var page = json(fx.get(engine, "/v1/inventory/findings?sort=principal&limit=1"
          + (token == null ? "" : "&nextToken=" + token)));
      assertThat(page.get("total").asInt()).isEqualTo(all);
      assertThat(page.get("findings").size()).isLessThanOrEqualTo(1);
      page.get("findings").forEach(f -> seen.add(f.get("principal").asText()));
      token = page.get("nextToken").isNull() ? null : page.get("nextToken").asText();
    } while (token != null);
    assertThat(seen).hasSize(all).isSorted();
    long grouped = 0;
    for (JsonNode g : plain.get("groups")) {
      grouped += g.get("count").asLong();
    }
    assertThat(grouped).isEqualTo(all);
    for (String bad : new String[] {"sort=colour", "nextToken=garbage", "limit=0"}) {
      var r = fx.get(engine, "/v1/inventory/findings?" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
    }
  }

  @Test
  void principalPageHasPoliciesMembershipsKeysMfaReachAndWhoReachesIt() throws Exception {
    var iam = fx.sb.account("222222222222").iam();
    iam.createUser("carol");
    iam.putUserPolicy("carol", "read-logs", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"logs:Get*\",\"Resource\":\"*\"}]}");
    iam.createGroup("ops");
    iam.addUserToGroup("ops", "carol");
    iam.attachGroupPolicy("ops", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    iam.createAccessKey("carol");
    iam.credentials().enableVirtualMfa("carol");
    iam.createRole("deployer", io.rolecall.sandbox.TrustPolicy.trusting("arn:aws:iam::222222222222:user/carol"));
    iam.attachRolePolicy("deployer", "arn:aws:iam::aws:policy/AdministratorAccess");
    sync("{\"accounts\": \"222222222222\", \"services\": \"iam\"}");

    String carol = "arn:aws:iam::222222222222:user/carol";
    var page = json(fx.get(engine, "/v1/inventory/principal?arn=" + enc(carol)));
    assertThat(page.at("/principal/kind").asText()).isEqualTo("user");
    assertThat(page.at("/principal/account").asText()).isEqualTo("222222222222");
    assertThat(page.at("/principal/name").asText()).isEqualTo("carol");
    assertThat(page.at("/principal/collectedAt").asText()).isNotEmpty();
    assertThat(page.get("policies")).anySatisfy(p -> {
      assertThat(p.get("type").asText()).isEqualTo("inline");
      assertThat(p.get("name").asText()).isEqualTo("read-logs");
      assertThat(p.at("/document/Statement/0/Action").asText()).isEqualTo("logs:Get*");
    }).anySatisfy(p -> {
      assertThat(p.get("type").asText()).isEqualTo("group");
      assertThat(p.get("arn").asText()).isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
    });
    assertThat(page.get("memberships")).singleElement().satisfies(m -> {
      assertThat(m.get("kind").asText()).isEqualTo("group");
      assertThat(m.get("name").asText()).isEqualTo("ops");
    });
    assertThat(page.get("keys")).singleElement().satisfies(k -> {
      assertThat(k.get("status").asText()).isEqualTo("Active");
      assertThat(k.has("createDate")).isTrue();
    });
    assertThat(page.get("mfa")).hasSize(1);
    assertThat(page.at("/reaches/reach")).anySatisfy(r -> assertThat(r.get("level").asText()).isEqualTo("admin"));

    var role = json(fx.get(engine, "/v1/inventory/principal?arn=" + enc("arn:aws:iam::222222222222:role/deployer")));
    assertThat(role.get("policies")).anySatisfy(p -> assertThat(p.get("type").asText()).isEqualTo("trust"))
        .anySatisfy(p -> {
          assertThat(p.get("type").asText()).isEqualTo("managed");
          assertThat(p.get("name").asText()).isEqualTo("AdministratorAccess");
        });
    assertThat(role.get("reachedBy")).anySatisfy(r -> {
      assertThat(r.get("principal").asText()).isEqualTo(carol);
      assertThat(r.get("level").asText()).isEqualTo("admin");
      assertThat(r.get("path")).isNotEmpty();
    });
    var group = json(fx.get(engine, "/v1/inventory/principal?arn=" + enc("arn:aws:iam::222222222222:group/ops")));
    assertThat(group.at("/principal/members")).singleElement().satisfies(m -> assertThat(m.get("arn").asText())
        .isEqualTo(carol));
    var account = json(fx.get(engine, "/v1/inventory/principal?arn=" + enc("arn:aws:iam::222222222222:user/alice-222")));
    assertThat(account.get("findings")).isNotNull();

    var missing = fx.get(engine, "/v1/inventory/principal?arn=" + enc("arn:aws:iam::222222222222:user/nobody"));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).get("error").asText()).contains("no principal").doesNotContain("\n");
    assertThat(fx.get(engine, "/v1/inventory/principal").statusCode()).isEqualTo(400);
    assertThat(fx.get(engine, "/v1/inventory/principal?id=x&kind=role").statusCode()).isEqualTo(400);
  }

  static final String ALICE = "alice-token-" + "7f3e9a1c5b2d4e6f8a0b";
  static final String BOB = "bob-token-" + "1a2b3c4d5e6f7a8b9c0d";

  /** An engine as the fixture starts one, with the people's tokens of {@code tokensFile} beside the engine token. */
  Engine withPeople(java.nio.file.Path tokensFile) {
    var envs = io.rolecall.config.Env.of(java.util.Map.of("ROLECALL_TEST_SECRET", EngineFixture.CANARY));
    var file = io.rolecall.config.ConfigFile.load(fx.dir.resolve("rolecall.yaml"), envs);
    var e = Engine.start(new Engine.Options("127.0.0.1", 0, BearerToken.of(EngineFixture.TOKEN).withNamed(tokensFile),
        fx.dir.resolve("people.db").toString(), io.rolecall.config.InstanceSettings.resolve(envs, file, "test"), file,
        envs, "tester (engine)", 16, 1, EngineFixture.TIMING, "engine-p",
        new java.io.PrintStream(fx.logBytes, true, StandardCharsets.UTF_8), null, java.util.List.of(),
        java.util.List.of()));
    fx.engines.add(e);
    return e;
  }

  @Test
  void namedTokensAreTheJournalsActorAndTheAuditFilters() throws Exception {
    var tokens = fx.dir.resolve("tokens.yaml");
    Files.writeString(tokens, "- name: alice\n  token: " + ALICE + "\n- name: bob\n  sha256: "
        + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(BOB.getBytes(StandardCharsets.UTF_8))) + "\n");
    Files.setPosixFilePermissions(tokens, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> BearerToken.of(EngineFixture.TOKEN)
        .withNamed(tokens))).hasMessageContaining("readable by other users").hasMessageNotContaining(ALICE);
    Files.setPosixFilePermissions(tokens, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    var people = withPeople(tokens);

    assertThat(json(fx.send(people, "GET", "/v1/whoami", ALICE, null)).get("name").asText()).isEqualTo("alice");
    assertThat(json(fx.send(people, "GET", "/v1/whoami", BOB, null)).get("name").asText()).isEqualTo("bob");
    assertThat(json(fx.send(people, "GET", "/v1/whoami", EngineFixture.TOKEN, null)).get("name").isNull()).isTrue();
    assertThat(fx.send(people, "GET", "/v1/whoami", "alice", null).statusCode()).isEqualTo(401);

    String update = "{\"args\": {\"account_id\": \"222222222222\", \"minimum_password_length\": 14}}";
    assertThat(fx.send(people, "POST", "/v1/commands/aws-iam-account-password-policy-update", ALICE, update)
        .statusCode()).isEqualTo(200);
    assertThat(fx.send(people, "POST", "/v1/commands/aws-iam-account-password-policy-update", EngineFixture.TOKEN,
        "{\"args\": {\"account_id\": \"333333333333\", \"minimum_password_length\": 15}}").statusCode())
        .isEqualTo(200);

    var mine = json(fx.send(people, "GET", "/v1/audit?actor=alice", BOB, null)).get("entries");
    assertThat(mine).singleElement().satisfies(e -> {
      assertThat(e.get("Actor").asText()).isEqualTo("alice (engine)");
      assertThat(e.get("AccountId").asText()).isEqualTo("222222222222");
      assertThat(e.get("Before").isObject()).isTrue();
      assertThat(e.at("/After/MinimumPasswordLength").asInt()).isEqualTo(14);
    });
    assertThat(json(fx.send(people, "GET", "/v1/audit?account=333333333333", BOB, null)).get("entries"))
        .singleElement().satisfies(e -> assertThat(e.get("Actor").asText()).isEqualTo("tester (engine)"));
    assertThat(json(fx.send(people, "GET", "/v1/audit?command=aws-iam-account-password-policy-update&limit=5", BOB,
        null)).get("entries")).hasSize(2);
    assertThat(json(fx.send(people, "GET", "/v1/audit?command=nothing-of-the-sort", BOB, null)).get("entries"))
        .isEmpty();
    assertThat(fx.send(people, "GET", "/v1/audit?account=12", BOB, null).statusCode()).isEqualTo(400);

    // The named tokens are secrets: in no response and no log line.
    for (String body : fx.bodies) {
      assertThat(body).doesNotContain(ALICE, BOB, EngineFixture.TOKEN, EngineFixture.CANARY);
    }
    assertThat(fx.log()).doesNotContain(ALICE, BOB, EngineFixture.TOKEN, EngineFixture.CANARY);
  }

  @Test
  void theDefaultAllSyncWithoutAnOrganizationSyncsTheOwnAccountAndSaysWhy() throws Exception {
    // The sandbox's 111111111111 is in no organization: ListAccounts answers AWSOrganizationsNotInUseException.
    var started = fx.post(engine, "/v1/inventory/jobs", "{\"accounts\": \"all\", \"services\": \"iam\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = json(started).get("id").asText();
    JsonNode job = null;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      job = json(fx.get(engine, "/v1/inventory/jobs/" + id));
      if (!job.get("status").asText().matches("queued|running")) {
        break;
      }
      Thread.sleep(50);
    }
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("done");
    assertThat(job.get("error").isNull()).isTrue();
    assertThat(job.get("notices")).singleElement().satisfies(n -> assertThat(n.asText())
        .contains("not in an organization").contains(EngineFixture.MANAGEMENT).doesNotContain("\n"));
    assertThat(job.at("/accounts/total").asInt()).isEqualTo(1);
    assertThat(job.get("steps")).singleElement().satisfies(s -> assertThat(s.get("step").asText())
        .isEqualTo(EngineFixture.MANAGEMENT));
    assertThat(fx.log()).contains("not in an organization");
  }
}
