package io.rolecall.commands.remediation;

import io.rolecall.UsageException;
import io.rolecall.command.Arguments;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.ArgSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * aws-s3-bucket-logging-put: turns server access logging on (to target_bucket, under target_prefix) or, with no
 * target_bucket, off. S3 refuses a target bucket that does not exist, is another owner's or in another region
 * (InvalidTargetBucketForLogging).
 */
public final class S3BucketLoggingPut implements Command {
  private static final CommandSpec SPEC = CommandSpec.builder("aws-s3-bucket-logging-put")
      .description("Configure server access logging of an S3 bucket: delivered to target_bucket under"
          + " target_prefix, or, without target_bucket, turned off. Read back after the write.")
      .arg(S3Buckets.bucketArg("The bucket for which to set the logging parameters."))
      .arg(ArgSpec.matching("target_bucket", S3PublicAccessBlockUpdate.BUCKET_NAME, "an S3 bucket name",
          "The bucket where server access logs are delivered; without it, logging is turned off."))
      .arg(new ArgSpec("target_prefix", new io.rolecall.command.ArgType.Text(null, "a key prefix", 0, 1024), false,
          null, "The prefix of the log objects' keys (for example logs/)."))
      .mutating()
      .output(S3Buckets.CONTEXT + ".BucketName", "string", "The bucket.")
      .output(S3Buckets.CONTEXT + ".AccountId", "string", "The account owning the bucket.")
      .output(S3Buckets.CONTEXT + ".TargetBucket", "string", "Where logs go after the change.")
      .output(S3Buckets.CONTEXT + ".TargetPrefix", "string", "Their prefix after the change.")
      .permissions("s3:GetBucketLogging", "s3:PutBucketLogging")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public void validate(Arguments args) {
    if (args.has("target_prefix") && !args.has("target_bucket")) {
      throw new UsageException(SPEC.name() + ": target_prefix needs target_bucket (without it, logging is turned off)");
    }
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String bucket = args.string("bucket");
    String target = args.has("target_bucket") ? args.string("target_bucket") : null;
    String prefix = target == null ? null : args.has("target_prefix") ? args.string("target_prefix") : "";
    var s3 = ctx.session().s3();
    var o = AssetChange.apply(ctx, S3Buckets.arn(bucket), read(ctx, s3, bucket),
        S3Buckets.map("TargetBucket", target, "TargetPrefix", prefix),
        () -> S3Buckets.write(ctx, "s3:PutBucketLogging", bucket, () -> s3.putBucketLogging(r -> r.bucket(bucket)
            .bucketLoggingStatus(st -> {
              if (target != null) {
                st.loggingEnabled(l -> l.targetBucket(target).targetPrefix(prefix));
              }
            }))),
        () -> read(ctx, s3, bucket));
    return AssetChange.result(ctx, "AWS S3 bucket logging", S3Buckets.CONTEXT, S3Buckets.map("BucketName", bucket), o,
        List.of("TargetBucket", "TargetPrefix"));
  }

  static Map<String, Object> read(CommandContext ctx, S3Client s3, String bucket) {
    var l = S3Buckets.read(ctx, "s3:GetBucketLogging", bucket, null, () -> s3.getBucketLogging(r -> r.bucket(bucket)))
        .loggingEnabled();
    return S3Buckets.map("TargetBucket", l == null ? null : l.targetBucket(), "TargetPrefix",
        l == null ? null : l.targetPrefix());
  }
}
