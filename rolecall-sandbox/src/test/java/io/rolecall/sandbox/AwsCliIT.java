package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS CLI (a second client nobody here wrote) against the sandbox. Skipped when {@code aws} is not on PATH. */
class AwsCliIT {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");

  @BeforeAll
  static void requireCli() {
    if (!AwsCli.installed()) System.err.println("AwsCliIT skipped: the AWS CLI ('aws') is not on PATH");
    Assumptions.assumeTrue(AwsCli.installed(), "the AWS CLI ('aws') is not on PATH: skipping the CLI fidelity checks");
  }

  @AfterEach
  void close() {
    sb.close();
  }

  AwsCli.Result aws(AccessKey key, String... args) throws Exception {
    return new AwsCli(sb).run(key, args);
  }

  @Test
  void getCallerIdentity() throws Exception {
    var r = aws(ops, "sts", "get-caller-identity");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().get("Arn").asText()).isEqualTo("arn:aws:iam::111111111111:user/ops");
    assertThat(r.json().get("Account").asText()).isEqualTo("111111111111");
  }

  @Test
  void assumeRoleWithExternalIdThenActAsTheRole() throws Exception {
    sb.account("222222222222").iam().createRole("RolecallAudit", TrustPolicy.trustingAccount("111111111111").withExternalId("ext-1"));
    String role = "arn:aws:iam::222222222222:role/RolecallAudit";

    var denied = aws(ops, "sts", "assume-role", "--role-arn", role, "--role-session-name", "cli", "--external-id", "wrong");
    assertThat(denied.exit()).isNotZero();
    assertThat(denied.err()).contains("(AccessDenied)", "User: arn:aws:iam::111111111111:user/ops is not authorized "
        + "to perform: sts:AssumeRole on resource: " + role);

    var ok = aws(ops, "sts", "assume-role", "--role-arn", role, "--role-session-name", "cli", "--external-id", "ext-1");
    assertThat(ok.exit()).as(ok.err()).isZero();
    var c = ok.json().get("Credentials");
    var session = new AccessKey(c.get("AccessKeyId").asText(), c.get("SecretAccessKey").asText(), c.get("SessionToken").asText());
    var who = aws(session, "sts", "get-caller-identity");
    assertThat(who.json().get("Arn").asText()).isEqualTo("arn:aws:sts::222222222222:assumed-role/RolecallAudit/cli");
  }

  @Test
  void passwordPolicyRoundTrip() throws Exception {
    var missing = aws(ops, "iam", "get-account-password-policy");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err()).contains("(NoSuchEntity)", "The Password Policy with domain name 111111111111 cannot be found.");

    var update = aws(ops, "iam", "update-account-password-policy", "--minimum-password-length", "12",
        "--require-symbols", "--max-password-age", "30");
    assertThat(update.exit()).as(update.err()).isZero();
    var policy = aws(ops, "iam", "get-account-password-policy").json().get("PasswordPolicy");
    assertThat(policy.get("MinimumPasswordLength").asInt()).isEqualTo(12);
    assertThat(policy.get("RequireSymbols").asBoolean()).isTrue();
    assertThat(policy.get("RequireNumbers").asBoolean()).isFalse();
    assertThat(policy.get("ExpirePasswords").asBoolean()).isTrue();
    assertThat(policy.get("MaxPasswordAge").asInt()).isEqualTo(30);

    // botocore checks minimums itself; maximums reach the server.
    var invalid = aws(ops, "iam", "update-account-password-policy", "--minimum-password-length", "129");
    assertThat(invalid.exit()).isNotZero();
    assertThat(invalid.err()).contains("(ValidationError)", "Value '129' at 'minimumPasswordLength' failed to satisfy "
        + "constraint: Member must have value less than or equal to 128");
  }

  @Test
  void buildStateWithTheCli() throws Exception {
    assertThat(aws(ops, "iam", "create-user", "--user-name", "carol").exit()).isZero();
    var users = aws(ops, "iam", "list-users").json().get("Users");
    var names = new HashMap<String, String>();
    users.forEach(u -> names.put(u.get("UserName").asText(), u.get("Arn").asText()));
    assertThat(names).containsEntry("carol", "arn:aws:iam::111111111111:user/carol").containsKey("ops");
  }
}
