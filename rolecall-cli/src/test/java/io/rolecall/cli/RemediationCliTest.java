package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.render.Json;
import io.rolecall.sandbox.service.ec2.LaunchSpec;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import io.rolecall.sandbox.service.s3.PublicAccessBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remediation commands as a user runs them: exit codes, tables, one-line errors, and the journal. */
class RemediationCliTest {
  @TempDir
  Path dir;
  SandboxEngine engine;

  @BeforeEach
  void start() {
    engine = new SandboxEngine(dir);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void passwordPolicyDryRunThenApplyThenAudit() throws Exception {
    var iam = engine.sb.account("222222222222").iam();
    iam.setPasswordPolicy(new PasswordPolicy(8, false, true, false, false, true, 0, 0, false));

    var dry = engine.run("aws-iam-account-password-policy-update", "account_id=222222222222",
        "minimum_password_length=14", "require_symbols=yes", "dry_run=true");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("(dry run: nothing written)", "8 → 14", "false → true", "would update");
    assertThat(iam.passwordPolicy().orElseThrow().minimumPasswordLength()).isEqualTo(8);

    var apply = engine.run("aws-iam-account-password-policy-update", "account_id=222222222222",
        "minimum_password_length=14", "require_symbols=yes");
    assertThat(apply.exit()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("8 → 14", "updated");
    assertThat(iam.passwordPolicy()).contains(new PasswordPolicy(14, true, true, false, false, true, 0, 0, false));

    var audit = engine.run("audit");
    assertThat(audit.exit()).as(audit.err()).isZero();
    assertThat(audit.out()).contains("aws-iam-account-password-policy-update", "222222222222", "test",
        "MinimumPasswordLength: 8 → 14", "RequireSymbols: false → true").doesNotContain("dry_run");
    JsonNode json = Json.mapper().readTree(engine.run("audit", "-o", "json").out());
    assertThat(json).hasSize(1);
    assertThat(json.get(0).path("Arguments").path("minimum_password_length").asText()).isEqualTo("14");
    assertThat(json.get(0).path("Before").path("MinimumPasswordLength").asInt()).isEqualTo(8);
    assertThat(json.get(0).path("After").path("MinimumPasswordLength").asInt()).isEqualTo(14);
    assertThat(json.get(0).path("Principal").asText()).isEqualTo("arn:aws:iam::222222222222:role/RolecallRemediation"
        + " (session rolecall)");
  }

  @Test
  void s3AndEc2ChangesAreListedNewestFirstAndLimitWorks() throws Exception {
    engine.sb.account("333333333333").s3().createBucket("public-site");
    engine.sb.account("333333333333").s3().setPublicAccessBlock("public-site", PublicAccessBlock.ALL_FALSE);
    String id = engine.sb.account("333333333333").ec2("us-east-1").launchInstance(LaunchSpec.instance().tag("Name", "web"));
    var s3 = engine.run("aws-s3-public-access-block-update", "account_id=333333333333", "bucket=public-site",
        "block_public_acls=true", "block_public_policy=true");
    assertThat(s3.exit()).as(s3.err()).isZero();
    var ec2 = engine.run("aws-ec2-instance-metadata-options-modify", "account_id=333333333333", "instance_id=" + id,
        "http_tokens=required", "-o", "context");
    assertThat(ec2.exit()).as(ec2.err()).isZero();
    JsonNode context = Json.mapper().readTree(ec2.out());
    assertThat(context.path("AWS.EC2.Instances").path("MetadataOptions").path("HttpTokens").asText()).isEqualTo("required");

    var all = Json.mapper().readTree(engine.run("audit", "-o", "json").out());
    assertThat(all).hasSize(2);
    assertThat(all.get(0).path("Command").asText()).isEqualTo("aws-ec2-instance-metadata-options-modify");
    assertThat(all.get(1).path("Command").asText()).isEqualTo("aws-s3-public-access-block-update");
    var one = Json.mapper().readTree(engine.run("audit", "--limit", "1", "-o", "json").out());
    assertThat(one).hasSize(1);
    assertThat(one.get(0).path("Resource").asText()).endsWith(":instance/" + id);
  }

  @Test
  void fanOutOverThreeAccountsWithOneUntrustedRole() {
    var r = engine.run("aws-iam-account-password-policy-update", "account_id=222222222222,333333333333,444444444444",
        "minimum_password_length=12");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("222222222222", "333333333333", "Failed", "444444444444",
        "cannot assume role arn:aws:iam::444444444444:role/RolecallRemediation");
    assertThat(r.err().strip()).isEqualTo("rolecall: 1 of 3 accounts failed: 444444444444");
    assertThat(engine.sb.account("222222222222").iam().passwordPolicy()).isPresent();
    assertThat(engine.sb.account("444444444444").iam().passwordPolicy()).isEmpty();
  }

  @Test
  void badInputIsOneLineNamingTheArgumentExitTwoAndNoCall() {
    assertUsage(engine.run("aws-ec2-instance-metadata-options-modify", "account_id=222222222222", "instance_id=i-123",
        "http_tokens=required"), "argument 'instance_id': expected an instance id");
    assertUsage(engine.run("aws-s3-public-access-block-update", "account_id=222222222222", "bucket=My_Bucket",
        "block_public_acls=true"), "argument 'bucket': expected an S3 bucket name");
    assertUsage(engine.run("aws-s3-public-access-block-update", "account_id=222222222222", "bucket=my-bucket",
        "block_public_acls=maybe"), "argument 'block_public_acls': expected true, false, yes or no, got 'maybe'");
    assertUsage(engine.run("aws-ec2-instance-metadata-options-modify", "account_id=222222222222",
        "instance_id=i-0123456789abcdef0", "http_put_response_hop_limit=65"),
        "argument 'http_put_response_hop_limit': expected a whole number from 1 to 64, got 65");
    assertUsage(engine.run("aws-s3-public-access-block-update", "account_id=222222222222", "bucket=my-bucket"),
        "nothing to change: give at least one of block_public_acls");
    assertUsage(engine.run("audit", "--limit", "0"), "--limit: expected a whole number from 1 to 10000, got 0");
    assertThat(engine.sb.calls().total()).as(engine.sb.calls().toString()).isZero();
  }

  @Test
  void exitCodesHoldInAFreshProcess() {
    engine.sb.account("222222222222").s3().createBucket("logs-222");
    var base = new String[] {"--config", engine.config.toString(), "--instance", "test", "--db", engine.db.toString()};
    var ok = CliRun.subprocess(engine.env, concat(base, "aws-s3-public-access-block-update", "account_id=222222222222",
        "bucket=logs-222", "block_public_acls=true"));
    assertThat(ok.exit()).as(ok.all()).isZero();
    assertThat(ok.out()).contains("false → true", "updated");
    var bad = CliRun.subprocess(engine.env, concat(base, "aws-s3-public-access-block-update", "account_id=222222222222",
        "bucket=logs-222", "block_public_acls=perhaps"));
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).startsWith("rolecall: aws-s3-public-access-block-update: argument 'block_public_acls'");
    assertThat(ok.all() + bad.all()).doesNotContain("CANARY");
  }

  static String[] concat(String[] a, String... b) {
    var all = new java.util.ArrayList<>(java.util.List.of(a));
    all.addAll(java.util.List.of(b));
    return all.toArray(String[]::new);
  }

  static void assertUsage(CliRun r, String message) {
    assertThat(r.exit()).as(r.all()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(message).endsWith("\n");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void theCanarySecretIsNeverPrintedNorStored() throws Exception {
    engine.sb.account("222222222222").s3().createBucket("logs-222");
    var outputs = new StringBuilder();
    for (var r : new CliRun[] {
        engine.run("aws-iam-account-password-policy-update", "account_id=222222222222,444444444444", "require_numbers=true"),
        engine.run("aws-s3-public-access-block-update", "account_id=222222222222", "bucket=logs-222", "ignore_public_acls=true"),
        engine.run("aws-s3-public-access-block-update", "account_id=222222222222", "bucket=nope-none", "ignore_public_acls=true"),
        engine.run("aws-iam-account-password-policy-update", "account_id=222222222222", "require_uppercase_characters="
            + SandboxEngine.CANARY),
        engine.run("test", "account_id=222222222222"),
        engine.run("audit", "-o", "json"),
        engine.run("audit"),
        engine.run("--secret-key", SandboxEngine.CANARY, "aws-iam-account-password-policy-get", "account_id=222222222222"),
        engine.run("--debug", "--secret-key", "wrong" + SandboxEngine.CANARY, "aws-iam-account-password-policy-get",
            "account_id=222222222222")}) {
      outputs.append(r.all());
    }
    assertThat(outputs.toString()).contains("222222222222").doesNotContain("CANARY-");
    long files = 0;
    try (var stored = Files.list(engine.db.getParent())) {
      for (Path file : stored.toList()) {
        files++;
        assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
            .as(file.toString()).doesNotContain("CANARY");
      }
    }
    assertThat(files).isPositive();
    assertThat(Json.mapper().readTree(engine.run("audit", "-o", "json").out())).hasSize(2);
  }
}
