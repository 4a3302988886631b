package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.service.iam.PasswordPolicy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** aws-iam-account-password-policy-update: overlay on IAM's replace-everything Update, through the SDK. */
class PasswordPolicyUpdateTest {
  static final String COMMAND = "aws-iam-account-password-policy-update";
  static final String ACCOUNT = "222222222222";

  @TempDir
  Path dir;
  Target target;

  @AfterEach
  void close() {
    target.close();
  }

  @Test
  void fieldsNotGivenKeepTheirValueThoughIamReplacesThePolicy() {
    target = new Target(dir, ACCOUNT);
    var iam = target.sb.account(ACCOUNT).iam();
    iam.setPasswordPolicy(new PasswordPolicy(12, true, false, true, false, true, 90, 5, true));
    var e = target.run(COMMAND, Map.of("account_id", ACCOUNT, "require_numbers", "true"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(iam.passwordPolicy()).contains(new PasswordPolicy(12, true, true, true, false, true, 90, 5, true));
    @SuppressWarnings("unchecked")
    var context = (Map<String, Object>) e.context().get("AWS.IAM.PasswordPolicy");
    assertThat(context).containsEntry("AccountId", ACCOUNT).containsEntry("MinimumPasswordLength", 12)
        .containsEntry("RequireNumbers", true).containsEntry("ExpirePasswords", true).containsEntry("MaxPasswordAge", 90);
    assertThat(e.table().rows().getFirst()).contains("false → true", "updated");
  }

  @Test
  void anAccountWithoutAPolicyGetsOneFromIamsDefaultsAndTheFieldsGiven() {
    target = new Target(dir, ACCOUNT);
    var e = target.run(COMMAND, Map.of("account_id", ACCOUNT, "minimum_password_length", "14", "require_symbols", "yes",
        "max_password_age", "90"));
    assertThat(e.exitCode()).isZero();
    assertThat(target.sb.account(ACCOUNT).iam().passwordPolicy())
        .contains(new PasswordPolicy(14, true, false, false, false, false, 90, 0, false));
    assertThat(target.journal()).singleElement().satisfies(j -> {
      assertThat(j.before()).isEqualTo("null");
      assertThat(j.after()).contains("\"MinimumPasswordLength\":14", "\"ExpirePasswords\":true");
      assertThat(j.resource()).isEqualTo("account-password-policy");
    });
    assertThat(e.table().rows().getFirst()).contains("unset → 14", "unset → false");
  }

  @Test
  void zeroUnsetsTheAgeAndTheReuseLimit() {
    target = new Target(dir, ACCOUNT);
    var iam = target.sb.account(ACCOUNT).iam();
    iam.setPasswordPolicy(new PasswordPolicy(10, false, false, false, false, false, 30, 3, false));
    target.run(COMMAND, Map.of("account_id", ACCOUNT, "max_password_age", "0", "password_reuse_prevention", "0"));
    assertThat(iam.passwordPolicy()).contains(new PasswordPolicy(10, false, false, false, false, false, 0, 0, false));
  }

  @Test
  void aDryRunWritesNothing() {
    target = new Target(dir, ACCOUNT);
    var e = target.run(COMMAND, Map.of("account_id", ACCOUNT, "minimum_password_length", "16", "dry_run", "yes"));
    assertThat(e.exitCode()).isZero();
    assertThat(target.sb.account(ACCOUNT).iam().passwordPolicy()).isEmpty();
    assertThat(target.sb.calls().count("iam", "UpdateAccountPasswordPolicy")).isZero();
    assertThat(target.journal()).isEmpty();
    assertThat(e.warnings()).isEmpty();
    assertThat(e.table().rows().getFirst()).contains("unset → 16", "would update");
  }

  @Test
  void thePolicyAlreadyInPlaceIsNotWrittenAgain() {
    target = new Target(dir, ACCOUNT);
    target.sb.account(ACCOUNT).iam().setPasswordPolicy(new PasswordPolicy(14, true, true, true, true, true, 0, 0, false));
    var e = target.run(COMMAND, Map.of("account_id", ACCOUNT, "minimum_password_length", "14"));
    assertThat(e.table().rows().getFirst()).contains("no change needed");
    assertThat(target.sb.calls().count("iam", "UpdateAccountPasswordPolicy")).isZero();
  }
}
