package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.command.Execution;
import io.rolecall.command.XsoarKeys;
import io.rolecall.render.Markdown;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's framework items on the seed commands, through the SDK against the sandbox: account_id with the
 * instance's own identity, the no-op password-policy update, retries capped, the AWS - IAM aliases, failed accounts
 * in context, markdown and XSOAR key selectors.
 */
class XsoarParityTest {
  static final String GET = "aws-iam-account-password-policy-get";
  static final String UPDATE = "aws-iam-account-password-policy-update";
  static final String ACCOUNT = "222222222222";
  static final String UNTRUSTED = "333333333333";

  @TempDir
  Path dir;
  Target target;

  @AfterEach
  void close() {
    target.close();
  }

  @Test
  void anUpdateWithNoFieldChangesNothingAndSucceeds() {
    target = new Target(dir, ACCOUNT);
    var iam = target.sb.account(ACCOUNT).iam();
    iam.setPasswordPolicy(new PasswordPolicy(12, true, false, true, false, true, 90, 5, true));
    var e = target.run(UPDATE, Map.of("account_id", ACCOUNT));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(target.sb.calls().count("iam", "UpdateAccountPasswordPolicy")).isZero();
    assertThat(target.journal()).isEmpty();
    assertThat(iam.passwordPolicy()).contains(new PasswordPolicy(12, true, false, true, false, true, 90, 5, true));
    assertThat(e.table().note()).startsWith("Nothing changed");
    assertThat(e.table().rows().getFirst()).contains("no change needed");
  }

  @Test
  void anUpdateWithNoFieldOnAnAccountWithoutAPolicyWritesNone() {
    target = new Target(dir, ACCOUNT);
    var e = target.run(UPDATE, Map.of("account_id", ACCOUNT));
    assertThat(e.exitCode()).isZero();
    assertThat(target.sb.account(ACCOUNT).iam().passwordPolicy()).isEmpty();
    assertThat(target.journal()).isEmpty();
    assertThat(e.context()).isEmpty();
  }

  @Test
  void theAwsIamPacksNamesAreAliasesWithItsArgumentNames() {
    target = new Target(dir, ACCOUNT);
    var e = target.run("aws-iam-update-account-password-policy", Map.of("account_id", ACCOUNT,
        "minimumPasswordLength", "15", "requireSymbols", "True"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(target.sb.account(ACCOUNT).iam().passwordPolicy()).hasValueSatisfying(p -> {
      assertThat(p.minimumPasswordLength()).isEqualTo(15);
      assertThat(p.requireSymbols()).isTrue();
    });
    assertThat(target.journal()).singleElement().satisfies(j -> assertThat(j.after()).contains("\"MinimumPasswordLength\":15"));
    var read = target.run("aws-iam-get-account-password-policy", Map.of("account_id", ACCOUNT));
    assertThat(read.exitCode()).isZero();
    assertThat(read.context()).containsKey("AWS.IAM.PasswordPolicy");
    assertThat(read.spec().outputs()).isEqualTo(target.executor.registry().require(GET).spec().outputs());
  }

  @Test
  void retriesAboveTheLimitAreCappedWithAWarning() {
    target = new Target(dir, ACCOUNT);
    var e = target.run(GET, Map.of("account_id", ACCOUNT, "retries", "25"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(e.warnings()).containsExactly("retries=25 is above the limit of 10; 10 retries were used");
  }

  @Test
  void aFailedAccountIsAnErrorEntryBesideTheSuccesses() {
    target = new Target(dir, ACCOUNT);
    target.sb.account(ACCOUNT).iam().setPasswordPolicy(new PasswordPolicy(12, true, false, true, false, true, 90, 5, true));
    target.sb.account(UNTRUSTED); // exists, but has no role trusting the engine
    var e = target.run(GET, Map.of("account_id", ACCOUNT + "," + UNTRUSTED));
    assertThat(e.exitCode()).isEqualTo(1);
    var context = e.context();
    assertThat(context).containsKeys("AWS.IAM.PasswordPolicy", Execution.ERRORS);
    @SuppressWarnings("unchecked")
    var errors = (List<Map<String, Object>>) context.get(Execution.ERRORS);
    assertThat(errors).singleElement().satisfies(err -> {
      assertThat(err).containsEntry("AccountId", UNTRUSTED).containsEntry("Command", GET);
      assertThat((String) err.get("Error")).isNotBlank().doesNotContain(target.settings.secretKey().reveal());
    });
    assertThat(XsoarKeys.apply(e.spec(), context)).containsKeys(
        "AWS.IAM.PasswordPolicy(val.AccountId && val.AccountId == obj.AccountId)",
        "Rolecall.Error(val.AccountId && val.AccountId == obj.AccountId)");
  }

  @Test
  void aSingleFailingAccountIsNoLongerAnEmptyContext() {
    target = new Target(dir, ACCOUNT);
    target.sb.account(UNTRUSTED);
    var e = target.run(GET, Map.of("account_id", UNTRUSTED));
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.context()).containsOnlyKeys(Execution.ERRORS);
  }

  @Test
  void accountIdWithTheInstancesOwnIdentityRunsWhenTheAccountsMatch() {
    target = new Target(dir);
    var own = target.settings.toBuilder().roleName(null).build();
    var e = target.executor.execute(own, GET, Map.of("account_id", Target.MANAGEMENT));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(target.sb.calls().count("sts", "AssumeRole")).isZero();
    assertThat(e.outcomes().getFirst().accountId()).isEqualTo(Target.MANAGEMENT);
  }

  @Test
  void accountIdWithTheInstancesOwnIdentityInAnotherAccountSaysSo() {
    target = new Target(dir, ACCOUNT);
    var own = target.settings.toBuilder().roleName(null).build();
    var e = target.executor.execute(own, GET, Map.of("account_id", ACCOUNT));
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.failures()).singleElement().satisfies(f -> assertThat(f.error())
        .contains("instance's own identity is in account " + Target.MANAGEMENT + ", not " + ACCOUNT)
        .contains("--role-name"));
    assertThat(target.sb.calls().count("iam", "GetAccountPasswordPolicy")).isZero();
  }

  @Test
  void theWarRoomGetsTableToMarkdownsShape() {
    target = new Target(dir, ACCOUNT);
    target.sb.account(ACCOUNT).iam().setPasswordPolicy(new PasswordPolicy(12, true, false, true, false, true, 90, 5, true));
    var e = target.run(GET, Map.of("account_id", ACCOUNT));
    String md = Markdown.render(e.table());
    var lines = md.split("\n");
    assertThat(lines[0]).startsWith("### ");
    assertThat(lines[1]).startsWith("|AccountId|MinimumPasswordLength|");
    assertThat(lines[2]).matches("\\|(---\\|)+");
    assertThat(lines[3]).startsWith("| " + ACCOUNT + " | 12 |");
  }
}
