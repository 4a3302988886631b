package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.sandbox.seed.RiskyAssets;
import io.rolecall.sandbox.service.s3.Grant;
import io.rolecall.sandbox.service.s3.PublicAccessBlock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 bucket remediations through the SDK against the sandbox: each change, its dry run and its refusals. */
class S3BucketCommandsTest {
  static final String ACCOUNT = "222222222222";
  static final String BUCKET = "data-1";
  static final String DENY_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
      + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::data-1\"}]}";

  @TempDir
  Path dir;
  Target target;

  @AfterEach
  void close() {
    target.close();
  }

  Target target() {
    target = new Target(dir, ACCOUNT);
    target.sb.account(ACCOUNT).s3().createBucket(BUCKET);
    target.sb.account(ACCOUNT).s3().createBucket("logs-1");
    return target;
  }

  Map<String, String> args(String... pairs) {
    var m = new java.util.LinkedHashMap<String, String>(Map.of("account_id", ACCOUNT, "bucket", BUCKET));
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void aPolicyIsPutReadBackAndJournaledAndADryRunWritesNothing() {
    var t = target();
    String policy = RiskyAssets.publicReadPolicy(BUCKET);
    var dry = t.run("aws-s3-bucket-policy-put", args("policy", policy, "dry_run", "true"));
    assertThat(dry.exitCode()).isZero();
    assertThat(t.sb.account(ACCOUNT).s3().settings(BUCKET).policy()).isNull();
    assertThat(t.sb.calls().count(ACCOUNT, "s3", "PutBucketPolicy")).isZero();
    assertThat(dry.table().rows().getFirst()).contains("would update");
    assertThat(t.journal()).isEmpty();

    var e = t.run("aws-s3-bucket-policy-put", args("policy", policy));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(t.sb.account(ACCOUNT).s3().settings(BUCKET).policy()).isEqualTo(policy);
    assertThat(e.context()).containsKey("AWS.S3.Buckets");
    assertThat(t.journal()).singleElement().satisfies(j -> {
      assertThat(j.resource()).isEqualTo("arn:aws:s3:::" + BUCKET);
      assertThat(j.outcome().after()).contains("PublicRead");
    });

    var del = t.run("aws-s3-bucket-policy-delete", args());
    assertThat(del.exitCode()).isZero();
    assertThat(t.sb.account(ACCOUNT).s3().settings(BUCKET).policy()).isNull();
    assertThat(t.run("aws-s3-bucket-policy-delete", args()).table().rows().getFirst()).contains("no change needed");
  }

  @Test
  void aPolicyLockingEveryoneOutNeedsConfirmAndBadPoliciesAreRefusedBeforeAnyCall() {
    var t = target();
    assertThatThrownBy(() -> t.run("aws-s3-bucket-policy-put", args("policy", DENY_ALL)))
        .isInstanceOf(UsageException.class).hasMessageContaining("locks out everyone").hasMessageContaining("confirm=true");
    assertThatThrownBy(() -> t.run("aws-s3-bucket-policy-put", args("policy", "{not json")))
        .isInstanceOf(UsageException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> t.run("aws-s3-bucket-policy-put", args("policy", "{\"Version\":\"2012-10-17\"}")))
        .isInstanceOf(UsageException.class).hasMessageContaining("Statement");
    assertThatThrownBy(() -> t.run("aws-s3-bucket-policy-put", args("bucket", "Bad_Bucket", "policy", DENY_ALL)))
        .isInstanceOf(UsageException.class).hasMessageContaining("argument 'bucket'");
    assertThat(t.sb.calls().count(ACCOUNT, "s3", "GetBucketPolicy")).isZero();
    var e = t.run("aws-s3-bucket-policy-put", args("policy", DENY_ALL, "confirm", "true"));
    assertThat(e.exitCode()).isZero();
    assertThat(t.sb.account(ACCOUNT).s3().settings(BUCKET).policy()).isEqualTo(DENY_ALL);
  }

  @Test
  void aBlockedPublicPolicyIsAwsRefusalOnOneLineAndJournaledAsFailed() {
    var t = target();
    t.sb.account(ACCOUNT).s3().setPublicAccessBlock(BUCKET, PublicAccessBlock.ALL_TRUE);
    var e = t.run("aws-s3-bucket-policy-put", args("policy", RiskyAssets.publicReadPolicy(BUCKET)));
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.failures().getFirst().error()).contains("s3:PutBucketPolicy on bucket data-1").contains("AccessDenied");
    assertThat(t.journal()).singleElement().satisfies(j -> assertThat(j.outcomeText()).isEqualTo("failed"));
  }

  @Test
  void aCannedAclReplacesTheGrants() {
    var t = target();
    var s3 = t.sb.account(ACCOUNT).s3();
    s3.change(BUCKET, b -> b.withGrants(Grant.canned("public-read", s3.canonicalId())));
    var dry = t.run("aws-s3-bucket-acl-put", args("acl", "private", "dry_run", "yes"));
    assertThat(dry.table().rows().getFirst()).contains("would update");
    assertThat(s3.settings(BUCKET).grants()).hasSize(2);
    var e = t.run("aws-s3-bucket-acl-put", args("acl", "private"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(s3.settings(BUCKET).grants()).containsExactly(Grant.user(s3.canonicalId(), "FULL_CONTROL"));
    @SuppressWarnings("unchecked")
    var entry = (Map<String, Object>) e.context().get("AWS.S3.Buckets");
    assertThat(entry).containsEntry("Grants", java.util.List.of("owner:FULL_CONTROL"));
    assertThatThrownBy(() -> t.run("aws-s3-bucket-acl-put", args("acl", "public-read-write")))
        .isInstanceOf(UsageException.class).hasMessageContaining("confirm=true");
    assertThatThrownBy(() -> t.run("aws-s3-bucket-acl-put", args("acl", "world-writable")))
        .isInstanceOf(UsageException.class).hasMessageContaining("argument 'acl'");
  }

  @Test
  void ownershipControlsAreSetAndAclsThatGrantOthersBlockEnforcement() {
    var t = target();
    var s3 = t.sb.account(ACCOUNT).s3();
    var dry = t.run("aws-s3-bucket-ownership-controls-put", args("object_ownership", "BucketOwnerEnforced",
        "dry_run", "true"));
    assertThat(dry.table().rows().getFirst()).contains("unset → BucketOwnerEnforced", "would update");
    assertThat(s3.settings(BUCKET).ownership()).isNull();
    var e = t.run("aws-s3-bucket-ownership-controls-put", args("object_ownership", "BucketOwnerEnforced"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(s3.settings(BUCKET).ownership()).isEqualTo("BucketOwnerEnforced");
    s3.change("logs-1", b -> b.withGrants(Grant.canned("public-read", s3.canonicalId())));
    var refused = t.run("aws-s3-bucket-ownership-controls-put", args("bucket", "logs-1", "object_ownership",
        "BucketOwnerEnforced"));
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.failures().getFirst().error()).contains("InvalidBucketAclWithObjectOwnership");
    assertThatThrownBy(() -> t.run("aws-s3-bucket-ownership-controls-put", args("object_ownership", "Owner")))
        .isInstanceOf(UsageException.class).hasMessageContaining("argument 'object_ownership'");
  }

  @Test
  void versioningIsEnabledAndSuspendingItNeedsConfirm() {
    var t = target();
    var s3 = t.sb.account(ACCOUNT).s3();
    assertThat(t.run("aws-s3-bucket-versioning-put", args("status", "Enabled", "dry_run", "true")).exitCode()).isZero();
    assertThat(s3.settings(BUCKET).versioning()).isNull();
    var e = t.run("aws-s3-bucket-versioning-put", args("status", "Enabled"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(s3.settings(BUCKET).versioning()).isEqualTo("Enabled");
    assertThatThrownBy(() -> t.run("aws-s3-bucket-versioning-put", args("status", "Suspended")))
        .isInstanceOf(UsageException.class).hasMessageContaining("cannot be recovered");
    assertThat(t.run("aws-s3-bucket-versioning-put", args("status", "Suspended", "confirm", "true")).exitCode()).isZero();
    assertThat(s3.settings(BUCKET).versioning()).isEqualTo("Suspended");
  }

  @Test
  void loggingIsTurnedOnAndOff() {
    var t = target();
    var s3 = t.sb.account(ACCOUNT).s3();
    s3.change("logs-1", b -> b.withGrants(Grant.canned("log-delivery-write", s3.canonicalId())));
    var dry = t.run("aws-s3-bucket-logging-put", args("target_bucket", "logs-1", "target_prefix", "data/",
        "dry_run", "true"));
    assertThat(dry.exitCode()).isZero();
    assertThat(s3.settings(BUCKET).logTarget()).isNull();
    var e = t.run("aws-s3-bucket-logging-put", args("target_bucket", "logs-1", "target_prefix", "data/"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(s3.settings(BUCKET).logTarget()).isEqualTo("logs-1");
    assertThat(s3.settings(BUCKET).logPrefix()).isEqualTo("data/");
    assertThat(t.run("aws-s3-bucket-logging-put", args()).exitCode()).isZero();
    assertThat(s3.settings(BUCKET).logTarget()).isNull();
    var undelivered = t.run("aws-s3-bucket-logging-put", args("bucket", "logs-1", "target_bucket", BUCKET));
    assertThat(undelivered.exitCode()).as("the target grants log delivery nothing").isEqualTo(1);
    assertThat(undelivered.failures().getFirst().error()).contains("InvalidTargetBucketForLogging");
    var missing = t.run("aws-s3-bucket-logging-put", args("target_bucket", "no-such-target"));
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.failures().getFirst().error()).contains("InvalidTargetBucketForLogging");
    assertThat(t.journal()).hasSize(4);
  }
}
