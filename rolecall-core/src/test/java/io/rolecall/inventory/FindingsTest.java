package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.inventory.Finding.Rule;
import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.service.iam.AwsManagedPolicies;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Findings on a synced sandbox: each rule fires on the risky principal seeded for it, and none on a clean account. */
class FindingsTest {
  static final String RISKY = "222222222222";
  static final String CLEAN = "333333333333";
  static final String ADMIN_DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
      + "\"Resource\":\"*\"}]}";

  final Estate estate = new Estate();

  @AfterEach
  void close() {
    estate.close();
  }

  @Test
  void everyRuleFiresOnItsRiskyPrincipalAndNothingFiresOnACleanAccount() {
    var risky = estate.seeded(RISKY);
    estate.seeded(CLEAN);
    seedRisks(risky);
    var store = estate.sqlite("findings.db");
    estate.sync(store, List.of(RISKY, CLEAN));

    var all = Estate.findings(store);
    // The access graph's own findings are AccessCliTest's and the access package's; here, the per-account rules.
    var findings = all.stream().filter(f -> !f.rule().fromGraph()).toList();
    assertThat(all).filteredOn(f -> f.rule().fromGraph()).extracting(f -> f.rule().id() + " " + f.principal())
        .contains("user-without-mfa-reaches-admin arn:aws:iam::" + RISKY + ":user/inline-admin");
    assertThat(findings).filteredOn(f -> f.accountId().equals(CLEAN)).isEmpty();
    String user = "arn:aws:iam::" + RISKY + ":user/";
    String role = "arn:aws:iam::" + RISKY + ":role/";
    String root = "arn:aws:iam::" + RISKY + ":root";
    assertThat(findings).extracting(f -> f.rule().id() + " " + f.principal()).containsExactlyInAnyOrder(
        "root-without-mfa " + root,
        "root-access-keys " + root,
        "console-user-without-mfa " + user + "carol",
        "access-key-older-than-90-days " + key(risky, "old") + " (user old)",
        "access-key-unused-45-days " + key(risky, "old") + " (user old)",
        "access-key-unused-90-days " + key(risky, "old") + " (user old)",
        "access-key-unused-45-days " + key(risky, "idle") + " (user idle)",
        "two-active-access-keys " + user + "twokeys",
        "admin-policy-attached arn:aws:iam::" + RISKY + ":group/admins",
        "admin-policy-attached " + user + "inline-admin",
        "admin-policy-attached " + role + "local-admin",
        "cross-account-trust-without-condition " + role + "partner",
        "trust-principal-star " + role + "everyone",
        "weak-password-policy account " + RISKY);
    var weak = findings.stream().filter(f -> f.rule() == Rule.WEAK_PASSWORD_POLICY).findFirst().orElseThrow();
    assertThat(weak.evidence()).contains("minimum length 8 < 14", "password reuse not prevented", "symbols");
    var partner = findings.stream().filter(f -> f.rule() == Rule.CROSS_ACCOUNT_TRUST).findFirst().orElseThrow();
    assertThat(partner.evidence()).contains("999999999999");
    var unused = findings.stream().filter(f -> f.rule() == Rule.ACCESS_KEY_UNUSED && f.principal().contains("idle"))
        .findFirst().orElseThrow();
    assertThat(unused.evidence()).contains("last used").contains("60 days ago");
    assertThat(Estate.findings(store, CLEAN)).isEmpty();
  }

  private static String key(Account account, String user) {
    return account.iam().accessKeys(user).getFirst().accessKeyId();
  }

  /** One principal per rule; guarded look-alikes (ExternalId, MFA, same-account trust) that must not fire. */
  private void seedRisks(Account a) {
    var iam = a.iam();
    var now = estate.sb.clock().now();
    iam.credentials().rootMfa(false);
    a.rootAccessKey();
    iam.setPasswordPolicy(new PasswordPolicy(8, false, true, true, true, true, 0, 0, false));

    iam.createUser("carol");
    iam.credentials().createLoginProfile("carol", now.minus(Duration.ofDays(2)));
    iam.createUser("old");
    var old = iam.createAccessKey("old", now.minus(Duration.ofDays(200)));
    iam.credentials().recordKeyUse(old.accessKeyId(), now.minus(Duration.ofDays(100)), "s3", "us-east-1");
    iam.createUser("idle");
    var idle = iam.createAccessKey("idle", now.minus(Duration.ofDays(80)));
    iam.credentials().recordKeyUse(idle.accessKeyId(), now.minus(Duration.ofDays(60)), "s3", "us-east-1");
    iam.createUser("twokeys");
    for (int i = 0; i < 2; i++) {
      var k = iam.createAccessKey("twokeys", now.minus(Duration.ofDays(3)));
      iam.credentials().recordKeyUse(k.accessKeyId(), now.minus(Duration.ofHours(2)), "ec2", "us-east-1");
    }
    iam.createUser("retired");
    var inactive = iam.createAccessKey("retired", now.minus(Duration.ofDays(300)));
    iam.credentials().setAccessKeyActive(inactive.accessKeyId(), false);

    iam.createGroup("admins");
    iam.attachGroupPolicy("admins", AwsManagedPolicies.arn("AdministratorAccess"));
    iam.createUser("inline-admin");
    iam.putUserPolicy("inline-admin", "everything", ADMIN_DOC);
    iam.createRole("local-admin", TrustPolicy.trustingService("lambda.amazonaws.com"));
    iam.attachRolePolicy("local-admin", iam.createPolicy("FullAccess", ADMIN_DOC));

    iam.createRole("partner", TrustPolicy.trustingAccount("999999999999"));
    iam.createRole("partner-with-id", TrustPolicy.trustingAccount("999999999999").withExternalId("x-1"));
    iam.createRole("partner-with-mfa", TrustPolicy.trustingAccount("888888888888").requiringMfa());
    iam.createRole("same-account", TrustPolicy.trustingAccount(a.id()));
    iam.createRole("everyone", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"sts:AssumeRole\"}]}");
  }
}
