package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.sandbox.service.s3.PublicAccessBlock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** aws-s3-public-access-block-update through the SDK against the sandbox, in a role-name target account. */
class S3PublicAccessBlockUpdateTest {
  static final String COMMAND = "aws-s3-public-access-block-update";
  static final String ACCOUNT = "222222222222";

  @TempDir
  Path dir;
  Target target;

  @AfterEach
  void close() {
    target.close();
  }

  Target target() {
    target = new Target(dir, ACCOUNT);
    target.sb.account(ACCOUNT).s3().createBucket("logs-1");
    return target;
  }

  @Test
  void onlyTheFlagsGivenChange() {
    var t = target();
    var s3 = t.sb.account(ACCOUNT).s3();
    s3.setPublicAccessBlock("logs-1", new PublicAccessBlock(true, false, true, false));
    var e = t.run(COMMAND, Map.of("account_id", ACCOUNT, "bucket", "logs-1", "restrict_public_buckets", "yes"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(s3.publicAccessBlock("logs-1")).contains(new PublicAccessBlock(true, false, true, true));
    @SuppressWarnings("unchecked")
    var entry = (Map<String, Object>) e.context().get("AWS.S3.PublicAccessBlock");
    assertThat(entry).containsEntry("Bucket", "logs-1").containsEntry("AccountId", ACCOUNT)
        .containsEntry("BlockPublicAcls", true).containsEntry("IgnorePublicAcls", false)
        .containsEntry("RestrictPublicBuckets", true)
        .containsEntry("Before", Map.of("BlockPublicAcls", true, "IgnorePublicAcls", false, "BlockPublicPolicy", true,
            "RestrictPublicBuckets", false));
    assertThat(e.table().rows().getFirst()).containsExactly(ACCOUNT, "logs-1", true, false, true, "false → true", "updated");
  }

  @Test
  void aBucketWithoutABlockStartsFromAllFalse() {
    var t = target();
    var e = t.run(COMMAND, Map.of("account_id", ACCOUNT, "bucket", "logs-1", "block_public_acls", "true",
        "ignore_public_acls", "TRUE"));
    assertThat(e.exitCode()).isZero();
    assertThat(t.sb.account(ACCOUNT).s3().publicAccessBlock("logs-1"))
        .contains(new PublicAccessBlock(true, true, false, false));
    @SuppressWarnings("unchecked")
    var contents = (Map<String, Object>) e.contents();
    assertThat(contents).containsEntry("HadPublicAccessBlock", false).containsEntry("Changed", true);
  }

  @Test
  void aDryRunReadsButWritesNothingAndJournalsNothing() {
    var t = target();
    var s3 = t.sb.account(ACCOUNT).s3();
    s3.setPublicAccessBlock("logs-1", PublicAccessBlock.ALL_FALSE);
    var e = t.run(COMMAND, Map.of("account_id", ACCOUNT, "bucket", "logs-1", "block_public_policy", "true",
        "dry_run", "true"));
    assertThat(e.exitCode()).isZero();
    assertThat(s3.publicAccessBlock("logs-1")).contains(PublicAccessBlock.ALL_FALSE);
    assertThat(t.sb.calls().count(ACCOUNT, "s3", "GetPublicAccessBlock")).isEqualTo(1);
    assertThat(t.sb.calls().count(ACCOUNT, "s3", "PutPublicAccessBlock")).isZero();
    assertThat(t.journal()).isEmpty();
    assertThat(e.context()).isEmpty();
    assertThat(e.table().title()).isEqualTo("AWS S3 public access block (dry run: nothing written)");
    assertThat(e.table().rows().getFirst()).contains("false → true", "would update");
  }

  @Test
  void anAppliedChangeIsJournaledWithEverythingAboutIt() {
    var t = target();
    t.run(COMMAND, Map.of("account_id", ACCOUNT, "bucket", "logs-1", "block_public_acls", "true"));
    assertThat(t.journal()).singleElement().satisfies(j -> {
      assertThat(j.command()).isEqualTo(COMMAND);
      assertThat(j.accountId()).isEqualTo(ACCOUNT);
      assertThat(j.region()).isEqualTo("us-east-1");
      assertThat(j.instance()).isEqualTo("test-instance");
      assertThat(j.actor()).isEqualTo("tester (test)");
      assertThat(j.principal()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/" + Target.ROLE + " (session rolecall)");
      assertThat(j.resource()).isEqualTo("arn:aws:s3:::logs-1");
      assertThat(j.arguments()).containsEntry("bucket", "logs-1").containsEntry("block_public_acls", "true");
      assertThat(j.before()).isEqualTo("{\"BlockPublicAcls\":false,\"IgnorePublicAcls\":false,"
          + "\"BlockPublicPolicy\":false,\"RestrictPublicBuckets\":false}");
      assertThat(j.after()).contains("\"BlockPublicAcls\":true");
      assertThat(j.time()).isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
    });
  }

  @Test
  void aSettingAlreadyInPlaceIsNotWrittenAgain() {
    var t = target();
    t.sb.account(ACCOUNT).s3().setPublicAccessBlock("logs-1", PublicAccessBlock.ALL_TRUE);
    var e = t.run(COMMAND, Map.of("account_id", ACCOUNT, "bucket", "logs-1", "block_public_acls", "true"));
    assertThat(e.exitCode()).isZero();
    assertThat(e.table().rows().getFirst()).contains("no change needed");
    assertThat(t.sb.calls().count(ACCOUNT, "s3", "PutPublicAccessBlock")).isZero();
    assertThat(t.journal()).isEmpty();
  }

  @Test
  void aMissingBucketFailsOnOneLine() {
    var t = target();
    var e = t.run(COMMAND, Map.of("account_id", ACCOUNT, "bucket", "no-such-bucket", "block_public_acls", "true"));
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.failures().getFirst().error()).isEqualTo("s3:GetBucketPublicAccessBlock on bucket no-such-bucket in"
        + " account " + ACCOUNT + ": NoSuchBucket: The specified bucket does not exist");
  }

  @Test
  void invalidInputIsRefusedBeforeAnyCall() {
    var t = target();
    assertThatThrownBy(() -> t.run(COMMAND, Map.of("account_id", ACCOUNT, "bucket", "Logs_1", "block_public_acls", "true")))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith(COMMAND + ": argument 'bucket': expected an S3 bucket name");
    assertThatThrownBy(() -> t.run(COMMAND, Map.of("account_id", ACCOUNT, "bucket", "logs-1", "block_public_acls", "sure")))
        .hasMessage(COMMAND + ": argument 'block_public_acls': expected true, false, yes or no, got 'sure'");
    assertThatThrownBy(() -> t.run(COMMAND, Map.of("account_id", ACCOUNT, "bucket", "logs-1")))
        .hasMessage(COMMAND + ": nothing to change: give at least one of block_public_acls, ignore_public_acls,"
            + " block_public_policy, restrict_public_buckets");
    assertThat(t.sb.calls().total()).isZero();
  }
}
