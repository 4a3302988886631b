package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.seed.Seeder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * `rolecall access` as a user types it, on one synced sandbox organization: an Identity Center group assigned
 * AdministratorAccess in 222222222222, a partner account trusted there as admin under an ExternalId, and an
 * account (444444444444) that could not be read. Tests only read, so they share the sync.
 */
class AccessCliTest {
  static final String MANAGEMENT = "111111111111";
  static final String A = "222222222222";
  static final String B = "333333333333";
  static final String UNREAD = "444444444444";
  static final String ROLE = "RolecallAudit";
  static final String EXTERNAL_ID = "access-cli-3c4d";
  static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
  static final ObjectMapper JSON = new ObjectMapper();
  static Sandbox sb;
  static AccessKey operator;
  static Path db;
  static CliRun sync;

  @BeforeAll
  static void syncOnce() throws Exception {
    sb = Sandbox.start();
    operator = sb.account(MANAGEMENT).iam().createUserWithAccessKey("operator");
    for (String id : List.of(A, B)) {
      Seeder.accessRole(sb.account(id), ROLE, TrustPolicy.trustingAccount(MANAGEMENT).withExternalId(EXTERNAL_ID));
    }
    sb.account(UNREAD).iam().createRole(ROLE, TrustPolicy.trustingAccount(MANAGEMENT).withExternalId("other"));
    sb.organization(MANAGEMENT).addAccount(A).addAccount(B).addAccount(UNREAD);
    // The partner's account may assume Deploy in A, with an ExternalId; Deploy is admin.
    sb.account(A).iam().createRole("Deploy", TrustPolicy.trustingAccount("999999999999").withExternalId("partner-x"));
    sb.account(A).iam().attachRolePolicy("Deploy", ADMIN);
    var store = sb.account(MANAGEMENT).identityCenter().createInstance("us-east-1", "d-0a1b2c3d4e");
    var ann = store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var admins = store.createGroup("admins");
    store.addMember(admins, ann);
    var sso = sb.account(MANAGEMENT).ssoAdmin().instance();
    var set = sso.createPermissionSet("Admin");
    sso.attachManagedPolicy(set.arn(), ADMIN);
    sso.assign(set, A, admins);
    db = Files.createTempDirectory("rolecall-cli-access").resolve("store.db");
    sync = run("inventory", "sync", "--accounts", A + "," + B + "," + UNREAD);
  }

  @AfterAll
  static void stop() {
    sb.close();
  }

  static CliRun run(String... args) {
    var all = new ArrayList<>(List.of("--secret-key", operator.secretAccessKey(), "--region", "us-east-1",
        "--endpoint-url", sb.endpoint().toString(), "--access-key", operator.accessKeyId(), "--role-name", ROLE,
        "--external-id", EXTERNAL_ID, "--db", db.toString()));
    all.addAll(List.of(args));
    var r = CliRun.inProcess(Map.of(), all.toArray(String[]::new));
    assertThat(r.all()).doesNotContain(operator.secretAccessKey());
    return r;
  }

  @Test
  void whoNamesTheIdentityCenterUserAndTheExternalAccountWithTheirPaths() throws Exception {
    assertThat(sync.exit()).as(sync.err()).isEqualTo(1); // 444444444444 could not be read
    var r = run("access", "who", "--account", A, "-o", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode who = JSON.readTree(r.out());
    assertThat(who.get("level").asText()).isEqualTo("admin");
    assertThat(who.at("/coverage/identityCenter").asBoolean()).isTrue();
    var byKind = new java.util.HashMap<String, JsonNode>();
    who.get("principals").forEach(p -> byKind.putIfAbsent(p.get("kind").asText() + " " + p.get("name").asText(), p));
    var ann = byKind.get("idc-user ann");
    assertThat(ann).isNotNull();
    assertThat(ann.get("principal").asText()).isEqualTo("idc:d-0a1b2c3d4e/ann");
    assertThat(ann.get("path")).extracting(h -> h.get("edge").asText()).containsExactly("member-of", "assigned");
    assertThat(ann.at("/path/1/to").asText()).contains(":role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_");
    var partner = byKind.get("external-account 999999999999");
    assertThat(partner).isNotNull();
    assertThat(partner.get("conditions")).extracting(JsonNode::asText).contains("sts:ExternalId");
    assertThat(partner.at("/path/0/edge").asText()).isEqualTo("can-assume");

    var table = run("access", "who", "--account", A);
    assertThat(table.out()).startsWith("Who reaches " + A + " at admin or above (").contains("idc:d-0a1b2c3d4e/ann",
        "member-of admins > assigned", "external-account");
  }

  @Test
  void reachAndPathFollowOnePrincipal() throws Exception {
    JsonNode reach = JSON.readTree(run("access", "reach", "--principal", "idc:ann", "-o", "json").out());
    assertThat(reach.get("kind").asText()).isEqualTo("idc-user");
    assertThat(reach.get("reach")).anySatisfy(e -> {
      assertThat(e.get("accountId").asText()).isEqualTo(A);
      assertThat(e.get("level").asText()).isEqualTo("admin");
    });
    var path = run("access", "path", "--from", "arn:aws:iam::999999999999:root", "--to", "arn:aws:iam::" + A
        + ":role/Deploy");
    assertThat(path.exit()).as(path.err()).isZero();
    assertThat(path.out()).contains("Paths from arn:aws:iam::999999999999:root to arn:aws:iam::" + A + ":role/Deploy (1)",
        "can-assume", "sts:ExternalId");
  }

  @Test
  void anAccountThatWasNotReadIsSaidAndWhoExitsOne() {
    var r = run("access", "who", "--account", UNREAD);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("account " + UNREAD + " was not assessed");
    assertThat(r.out()).contains("not assessed: " + UNREAD);
  }

  @Test
  void theGraphsFindingsJoinTheRollCall() throws Exception {
    var r = run("inventory", "findings", "--account", A, "-o", "json");
    JsonNode findings = JSON.readTree(r.out()).get("findings");
    assertThat(findings).anySatisfy(f -> {
      assertThat(f.get("rule").asText()).isEqualTo("external-principal-reaches-admin");
      assertThat(f.get("severity").asText()).isEqualTo("critical");
      assertThat(f.get("evidence").asText()).contains("ExternalId");
    });
  }

  @Test
  void identityCenterKindsAreListedFromTheStore() throws Exception {
    var sets = run("inventory", "list", "permission-sets", "-o", "csv");
    assertThat(sets.exit()).as(sets.err()).isZero();
    assertThat(sets.out().lines().toList()).hasSize(2).first().asString()
        .startsWith("account,region,name,arn,awsManaged,customer,inline,boundary,provisionedTo");
    assertThat(sets.out()).contains("Admin", "arn:aws:iam::aws:policy/AdministratorAccess");
    JsonNode users = JSON.readTree(run("inventory", "list", "idc-users", "-o", "json").out());
    assertThat(users).singleElement().satisfies(u -> {
      assertThat(u.get("userName").asText()).isEqualTo("ann");
      assertThat(u.get("accountId").asText()).isEqualTo(MANAGEMENT);
    });
    JsonNode summary = JSON.readTree(run("inventory", "summary", "-o", "json").out());
    assertThat(summary.at("/organization/parts")).as(summary.get("organization").toString()).extracting(p -> p.get("part").asText())
        .containsExactlyInAnyOrder("identitycenter", "organizations");
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    for (var args : List.of(List.of("access", "who", "--account", "12"), List.of("access", "who", "--account", A,
        "--level", "god"), List.of("access", "reach", "--principal", "arn:aws:s3:::bucket"),
        List.of("access", "reach", "--principal", "idc:nobody"), List.of("access", "who", "--account", "555555555555"),
        List.of("access", "path", "--from", "*", "--to", "arn:aws:iam::" + A + ":user/x"), List.of("access"))) {
      var r = run(args.toArray(String[]::new));
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1)
          .allSatisfy(l -> assertThat(l).startsWith("rolecall: "));
    }
  }
}
