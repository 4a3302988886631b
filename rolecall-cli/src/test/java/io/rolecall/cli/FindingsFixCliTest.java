package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.seed.EstateSpec;
import io.rolecall.sandbox.seed.Seeder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loop closed, as a user types it: a seeded estate with each EC2/IAM asset risk; {@code inventory sync};
 * {@code inventory findings} naming each fix; {@code findings fix --rule ... --dry-run} showing the changes and
 * changing nothing; the real run applying them; the next sync showing every one resolved; {@code rolecall audit}
 * holding every change.
 */
class FindingsFixCliTest {
  static final String OPERATOR_ACCOUNT = "111111111111";
  static final String ACCOUNT = "222222222222";
  static final String ROLE = "RolecallRemediation";
  static final String EXTERNAL_ID = "fix-test-77";
  static final List<String> RULES = List.of("security-group-admin-port-open", "security-group-all-ports-open",
      "instance-imdsv1", "public-ebs-snapshot", "public-ami", "access-key-unused-90-days");
  static final ObjectMapper JSON = new ObjectMapper();

  Sandbox sb;
  AccessKey operator;
  Path db;

  @BeforeEach
  void estate() throws Exception {
    sb = Sandbox.start();
    operator = sb.account(OPERATOR_ACCOUNT).iam().createUserWithAccessKey("operator");
    // A role with no identity policy may do anything in the sandbox: the remediation role.
    sb.account(ACCOUNT).iam().createRole(ROLE, TrustPolicy.trustingAccount(OPERATOR_ACCOUNT).withExternalId(EXTERNAL_ID));
    Seeder.seed(sb.account(ACCOUNT), EstateSpec.empty().withUsers(2, 2).withNetwork(1, 1).withRisks());
    db = Files.createTempDirectory("rolecall-findings-fix").resolve("rolecall.db");
  }

  @AfterEach
  void stop() {
    sb.close();
  }

  CliRun run(String... args) {
    var all = new ArrayList<>(List.of("--secret-key", operator.secretAccessKey(), "--region", "us-east-1",
        "--endpoint-url", sb.endpoint().toString(), "--access-key", operator.accessKeyId(), "--role-name", ROLE,
        "--external-id", EXTERNAL_ID, "--db", db.toString()));
    all.addAll(List.of(args));
    var r = CliRun.inProcess(Map.of(), all.toArray(String[]::new));
    assertThat(r.out() + r.err()).doesNotContain(operator.secretAccessKey());
    return r;
  }

  CliRun sync() {
    var r = run("inventory", "sync", "--accounts", ACCOUNT, "--services", "iam,ec2,snapshots");
    assertThat(r.exit()).as(r.err()).isZero();
    return r;
  }

  JsonNode findings(String status) throws Exception {
    var r = run("inventory", "findings", "--rule", String.join(",", RULES), "--status", status, "-o", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out()).path("findings");
  }

  @Test
  void eachAssetFindingIsFixedThroughItsCommandAndResolvedByTheNextSync() throws Exception {
    sync();
    var open = findings("open");
    var byRule = new java.util.TreeMap<String, List<String>>();
    open.forEach(f -> byRule.computeIfAbsent(f.path("rule").asText(), k -> new ArrayList<>())
        .add(f.path("fix").path("commandLine").asText()));
    assertThat(byRule.keySet()).containsExactlyInAnyOrderElementsOf(RULES);
    // 22 to 0.0.0.0/0 and ::/0, 3389, 3306, 5432: one finding (and one exact revoke) per rule of the group.
    assertThat(byRule.get("security-group-admin-port-open")).hasSize(5)
        .anySatisfy(l -> assertThat(l).contains("aws-ec2-security-group-ingress-revoke", "region=us-east-1",
            "protocol=tcp", "port=22", "cidr=::/0"))
        .anySatisfy(l -> assertThat(l).contains("port=3389", "cidr=0.0.0.0/0"));
    assertThat(byRule.get("security-group-all-ports-open")).singleElement().asString()
        .contains("protocol=-1", "cidr=0.0.0.0/0");
    assertThat(byRule.get("instance-imdsv1")).singleElement().asString()
        .contains("aws-ec2-instance-metadata-options-modify", "http_tokens=required");
    assertThat(byRule.get("public-ebs-snapshot")).singleElement().asString()
        .contains("aws-ec2-snapshot-attribute-modify", "operation_type=remove", "group=all");
    assertThat(byRule.get("public-ami")).singleElement().asString()
        .contains("aws-ec2-image-attribute-modify", "attribute=launchPermission", "user_groups=all");
    assertThat(byRule.get("access-key-unused-90-days")).singleElement().asString()
        .contains("aws-iam-access-key-update", "user_name=" + Seeder.STALE_KEY_USER, "status=Inactive");
    var table = run("inventory", "findings", "--rule", "public-ami");
    assertThat(table.out()).contains("fix", "rolecall aws-ec2-image-attribute-modify account_id=" + ACCOUNT);

    var ec2 = sb.account(ACCOUNT).ec2("us-east-1");
    var net = sb.account(ACCOUNT).ec2Network("us-east-1");
    var groupsBefore = net.securityGroups();

    var dry = run("inventory", "findings", "fix", "--rule", String.join(",", RULES), "--dry-run");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("dry run: nothing written", "would revoke", "would update", "would fix");
    assertThat(net.securityGroups()).isEqualTo(groupsBefore);
    assertThat(ec2.snapshots(false).getFirst().isPublic()).isTrue();
    assertThat(ec2.snapshots(true).getFirst().isPublic()).isTrue();
    assertThat(ec2.instances().stream().filter(i -> i.metadataOptions().httpTokens().equals("optional"))).hasSize(1);
    var audit = run("audit", "--limit", "100", "-o", "json");
    assertThat(JSON.readTree(audit.out()).size()).isZero();

    var fix = run("inventory", "findings", "fix", "--rule", String.join(",", RULES));
    assertThat(fix.exit()).as(fix.out() + fix.err()).isZero();
    assertThat(fix.out()).contains("revoked", "fixed").doesNotContain("failed");
    assertThat(fix.err()).contains("the next 'rolecall inventory sync' shows the fixed findings resolved");
    assertThat(ec2.snapshots(false).getFirst().isPublic()).isFalse();
    assertThat(ec2.snapshots(true).getFirst().isPublic()).isFalse();
    assertThat(ec2.instances()).allSatisfy(i -> assertThat(i.metadataOptions().httpTokens()).isEqualTo("required"));
    assertThat(net.securityGroups().stream().filter(g -> g.groupName().equals(Seeder.ALL_OPEN_GROUP)).findFirst()
        .orElseThrow().ingress()).isEmpty();
    assertThat(net.securityGroups().stream().filter(g -> g.groupName().equals(Seeder.ADMIN_OPEN_GROUP)).findFirst()
        .orElseThrow().ingress()).extracting(r -> r.cidr()).containsExactly("10.0.0.0/8");

    sync();
    assertThat(findings("open")).isEmpty();
    var resolved = findings("resolved");
    assertThat(resolved).hasSize(open.size());
    assertThat(resolved).allSatisfy(f -> assertThat(f.path("status").asText()).isEqualTo("resolved"));

    var journal = JSON.readTree(run("audit", "--limit", "100", "-o", "json").out());
    assertThat(journal.size()).isEqualTo(open.size());
    var commands = new ArrayList<String>();
    journal.forEach(e -> commands.add(e.path("Command").asText()));
    assertThat(commands).contains("aws-ec2-security-group-ingress-revoke", "aws-ec2-instance-metadata-options-modify",
        "aws-ec2-snapshot-attribute-modify", "aws-ec2-image-attribute-modify", "aws-iam-access-key-update");
  }

  @Test
  void aFindingWithoutAnAutomaticFixIsListedWithItsReasonAndSkipped() throws Exception {
    sync();
    var r = run("inventory", "findings", "fix", "--rule", "two-active-access-keys,root-without-mfa,instance-imdsv1",
        "--dry-run");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("would fix", "skipped: no automatic fix");
    assertThat(r.err()).contains("skipped: which of the two keys is still in use is the owner's call");
    var none = run("inventory", "findings", "fix", "f-0123456789abcdef");
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err()).contains("no open finding f-0123456789abcdef");
    var bad = run("inventory", "findings", "fix", "--rule", "no-such-rule");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().strip().lines()).hasSize(1);
  }
}
