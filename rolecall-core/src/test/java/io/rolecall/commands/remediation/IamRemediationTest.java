package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.audit.AuditEntry;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.service.iam.InstanceProfiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IAM remediation commands through the SDK against the sandbox: access key status, console password deletion,
 * a role out of an instance profile. Each: the change read back, the journal, and the dry run writing nothing.
 */
class IamRemediationTest {
  static final String ACCOUNT = "222222222222";

  @TempDir
  Path dir;
  Target target;

  @AfterEach
  void close() {
    target.close();
  }

  @Test
  void anAccessKeyIsDeactivatedAndTheDryRunLeavesItActive() {
    target = new Target(dir, ACCOUNT);
    var iam = target.sb.account(ACCOUNT).iam();
    iam.createUser("ann");
    String key = iam.createAccessKey("ann").accessKeyId();
    var args = Map.of("account_id", ACCOUNT, "user_name", "ann", "access_key_id", key, "status", "Inactive");
    var dry = target.run("aws-iam-access-key-update", with(args, "dry_run", "true"));
    assertThat(dry.exitCode()).isZero();
    assertThat(dry.table().rows().getFirst()).containsExactly(ACCOUNT, "ann", key, "Active → Inactive", "would update");
    assertThat(iam.credentials().active(key)).isTrue();
    assertThat(target.journal()).isEmpty();
    var e = target.run("aws-iam-access-key-update", args);
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(iam.credentials().active(key)).isFalse();
    assertThat(e.context().get("AWS.IAM.AccessKeys")).isEqualTo(Map.of("AccessKeyId", key, "UserName", "ann",
        "Status", "Inactive", "AccountId", ACCOUNT));
    assertThat(target.journal()).singleElement().satisfies(j -> {
      assertThat(j.resource()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/ann access key " + key);
      assertThat(j.outcome().status()).isEqualTo(AuditEntry.Outcome.Status.APPLIED);
      assertThat(j.outcome().after()).contains("Inactive");
    });
    var again = target.run("aws-iam-access-key-update", args);
    assertThat(again.table().rows().getFirst().get(4)).isEqualTo("no change needed");
    assertThat(target.journal()).hasSize(1);
  }

  @Test
  void anUnknownKeyFailsOnOneLine() {
    target = new Target(dir, ACCOUNT);
    target.sb.account(ACCOUNT).iam().createUser("bob");
    var e = target.run("aws-iam-access-key-update", Map.of("account_id", ACCOUNT, "user_name", "bob",
        "access_key_id", "AKIAABCDEFGHIJKLMNOP", "status", "Inactive"));
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.failures().getFirst().error()).isEqualTo("access key AKIAABCDEFGHIJKLMNOP not found for user bob in"
        + " account " + ACCOUNT);
  }

  @Test
  void aConsolePasswordIsDeletedOnceAndADryRunKeepsIt() {
    target = new Target(dir, ACCOUNT);
    var iam = target.sb.account(ACCOUNT).iam();
    iam.createUser("cat");
    iam.credentials().createLoginProfile("cat", null);
    var dry = target.run("aws-iam-login-profile-delete", Map.of("account_id", ACCOUNT, "user_name", "cat",
        "dry_run", "true"));
    assertThat(dry.table().rows().getFirst()).containsExactly(ACCOUNT, "cat", "yes → none", "would delete");
    assertThat(iam.credentials().loginProfile("cat")).isPresent();
    var e = target.run("aws-iam-login-profile-delete", Map.of("account_id", ACCOUNT, "user_name", "cat"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(iam.credentials().loginProfile("cat")).isEmpty();
    assertThat(e.table().rows().getFirst()).containsExactly(ACCOUNT, "cat", "yes → none", "deleted");
    assertThat(target.journal()).singleElement().satisfies(j ->
        assertThat(j.outcome().status()).isEqualTo(AuditEntry.Outcome.Status.APPLIED));
    var again = target.run("aws-iam-login-profile-delete", Map.of("account_id", ACCOUNT, "user_name", "cat"));
    assertThat(again.exitCode()).isZero();
    assertThat(again.table().rows().getFirst().get(3)).isEqualTo("no change needed");
  }

  @Test
  void aRoleIsRemovedFromItsInstanceProfile() {
    target = new Target(dir, ACCOUNT);
    var account = target.sb.account(ACCOUNT);
    account.iam().createRole("web-role", TrustPolicy.trustingService("ec2.amazonaws.com"));
    var profiles = InstanceProfiles.of(account);
    profiles.create("web-profile");
    profiles.addRole("web-profile", "web-role");
    var dry = target.run("aws-iam-role-from-instance-profile-remove", Map.of("account_id", ACCOUNT,
        "instance_profile_name", "web-profile", "dry_run", "true"));
    assertThat(dry.exitCode()).isZero();
    assertThat(profiles.require("web-profile").roles()).containsExactly("web-role");
    var e = target.run("aws-iam-role-from-instance-profile-remove", Map.of("account_id", ACCOUNT,
        "instance_profile_name", "web-profile", "role_name", "web-role"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(profiles.require("web-profile").roles()).isEmpty();
    @SuppressWarnings("unchecked")
    var entry = (Map<String, Object>) e.context().get("AWS.IAM.InstanceProfiles");
    assertThat(entry).containsEntry("Roles", List.of());
    assertThat(target.journal()).hasSize(1);
  }

  private static Map<String, String> with(Map<String, String> args, String name, String value) {
    var m = new java.util.LinkedHashMap<>(args);
    m.put(name, value);
    return m;
  }
}
