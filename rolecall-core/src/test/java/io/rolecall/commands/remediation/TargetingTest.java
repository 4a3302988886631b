package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.command.AccountOutcome;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.service.organizations.AccountState;
import io.rolecall.sandbox.service.s3.PublicAccessBlock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** account_id: one account, a comma list, or every ACTIVE account of the organization, run concurrently. */
class TargetingTest {
  @TempDir
  Path dir;
  Target target;

  @AfterEach
  void close() {
    target.close();
  }

  @Test
  void aListRunsInEachAccountAndAnUntrustedRoleFailsAloneAndClearly() {
    target = new Target(dir, "222222222222", "333333333333");
    // A role set up for another customer's ExternalId: AssumeRole is refused there.
    target.sb.account("444444444444").iam().createRole(Target.ROLE,
        TrustPolicy.trusting(Target.ENGINE_ARN).withExternalId("another-customer"));
    for (String a : List.of("222222222222", "333333333333", "444444444444")) {
      target.sb.account(a).s3().createBucket("logs-" + a);
    }
    var e = target.run("aws-iam-account-password-policy-update",
        Map.of("account_id", "222222222222,333333333333,444444444444", "minimum_password_length", "14"));
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.outcomes()).extracting(AccountOutcome::accountId)
        .containsExactly("222222222222", "333333333333", "444444444444");
    assertThat(e.outcomes()).extracting(AccountOutcome::succeeded).containsExactly(true, true, false);
    assertThat(e.failures().getFirst().error()).startsWith("cannot assume role arn:aws:iam::444444444444:role/"
        + Target.ROLE + " in account 444444444444: AccessDenied:").contains("ExternalId").doesNotContain("\n");
    assertThat(target.sb.account("222222222222").iam().passwordPolicy()).isPresent();
    assertThat(target.sb.account("333333333333").iam().passwordPolicy()).isPresent();
    assertThat(target.sb.account("444444444444").iam().passwordPolicy()).isEmpty();
    assertThat(e.table().rows()).hasSize(2);
    assertThat(target.journal()).extracting(j -> j.accountId()).containsExactlyInAnyOrder("222222222222", "333333333333");
  }

  @Test
  void allMeansEveryActiveAccountOfTheOrganizationAcrossPages() {
    target = new Target(dir, "111111111111");
    var org = target.sb.organization(Target.MANAGEMENT);
    for (int n = 1; n <= 22; n++) {
      String id = String.valueOf(200_000_000_000L + n);
      org.addAccount(id);
      target.trust(id).s3().createBucket("logs-" + id);
    }
    org.addAccount("300000000001", "suspended", "s@example.com", AccountState.SUSPENDED);
    target.trust("300000000001");
    target.sb.account(Target.MANAGEMENT).s3().createBucket("logs-" + Target.MANAGEMENT);

    var e = target.run("aws-iam-account-password-policy-get", Map.of("account_id", "all"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(e.outcomes()).hasSize(23).extracting(AccountOutcome::accountId)
        .contains(Target.MANAGEMENT, "200000000022").doesNotContain("300000000001");
    assertThat(target.sb.calls().count("organizations", "ListAccounts")).isEqualTo(2); // 24 accounts, 20 a page
    assertThat(target.sb.calls().count("sts", "AssumeRole")).isEqualTo(23);
  }

  @Test
  void allRunsAMutatingCommandEverywhereWithOneJournalEntryPerAccount() {
    target = new Target(dir, Target.MANAGEMENT, "222222222222", "333333333333");
    target.sb.organization(Target.MANAGEMENT).addAccount("222222222222").addAccount("333333333333");
    for (String a : List.of(Target.MANAGEMENT, "222222222222", "333333333333")) {
      target.sb.account(a).s3().createBucket("shared-logs-" + a);
    }
    // Buckets differ per account; a bucket missing in one account fails there only.
    var e = target.run("aws-s3-public-access-block-update", Map.of("account_id", "all", "bucket",
        "shared-logs-222222222222", "block_public_acls", "true"));
    assertThat(e.outcomes()).extracting(AccountOutcome::succeeded).containsExactly(false, true, false);
    assertThat(e.failures()).extracting(AccountOutcome::error)
        .allSatisfy(m -> assertThat(m).contains("shared-logs-222222222222").containsAnyOf("AccessDenied", "NoSuchBucket"));
    assertThat(target.sb.account("222222222222").s3().publicAccessBlock("shared-logs-222222222222"))
        .contains(new PublicAccessBlock(true, false, false, false));
    assertThat(target.journal()).singleElement().satisfies(j -> assertThat(j.accountId()).isEqualTo("222222222222"));
  }
}
