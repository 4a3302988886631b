package io.rolecall.commands.remediation;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.render.Json;
import java.util.List;
import java.util.Map;

/** aws-s3-bucket-policy-delete: removes a bucket's policy; reading it back must find none (NoSuchBucketPolicy). */
public final class S3BucketPolicyDelete implements Command {
  private static final CommandSpec SPEC = CommandSpec.builder("aws-s3-bucket-policy-delete")
      .description("Delete an S3 bucket's policy (the policy shown before is the only copy kept: in the audit"
          + " journal). A bucket without a policy is left as it is.")
      .arg(S3Buckets.bucketArg("The bucket whose policy will be deleted."))
      .mutating()
      .output(S3Buckets.CONTEXT + ".BucketName", "string", "The bucket.")
      .output(S3Buckets.CONTEXT + ".AccountId", "string", "The account owning the bucket.")
      .output(S3Buckets.CONTEXT + ".Policy", "object", "The policy after the change: none.")
      .permissions("s3:GetBucketPolicy", "s3:DeleteBucketPolicy")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String bucket = ctx.args().string("bucket");
    var s3 = ctx.session().s3();
    var now = S3Buckets.policy(ctx, s3, bucket);
    Map<String, Object> before = S3Buckets.map("Policy", now == null ? null : Json.mapper().convertValue(now, Map.class));
    Map<String, Object> requested = S3Buckets.map("Policy", null);
    var o = AssetChange.apply(ctx, S3Buckets.arn(bucket), before, requested,
        () -> S3Buckets.write(ctx, "s3:DeleteBucketPolicy", bucket, () -> s3.deleteBucketPolicy(r -> r.bucket(bucket))),
        () -> {
          var back = S3Buckets.policy(ctx, s3, bucket);
          return S3Buckets.map("Policy", back == null ? null : Json.mapper().convertValue(back, Map.class));
        });
    return AssetChange.result(ctx, "AWS S3 bucket policy", S3Buckets.CONTEXT, S3Buckets.map("BucketName", bucket), o,
        List.of("Policy"));
  }
}
