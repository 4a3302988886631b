package io.rolecall.commands.remediation;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.Arguments;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * aws-s3-bucket-versioning-put: enables or suspends versioning. Suspending it means objects overwritten or deleted
 * from then on cannot be recovered, so it needs confirm=true; S3 itself refuses it on a bucket with object lock
 * (InvalidBucketState). Changing MFA delete needs the root user's MFA device, which S3 asks for in a header this
 * command does not send: S3 refuses such a request, and that refusal is reported.
 */
public final class S3BucketVersioningPut implements Command {
  private static final CommandSpec SPEC = CommandSpec.builder("aws-s3-bucket-versioning-put")
      .description("Set the versioning state of an S3 bucket: Enabled, or Suspended (objects overwritten or deleted"
          + " afterwards cannot be recovered: needs confirm=true). Read back after the write.")
      .arg(S3Buckets.bucketArg("The bucket."))
      .arg(ArgSpec.choice("mfa_delete", List.of("Enabled", "Disabled"), "Whether MFA delete is enabled (S3 requires"
          + " the root user's MFA device to change it, which this command cannot give: S3 refuses the change)."))
      .arg(ArgSpec.choice("status", List.of("Enabled", "Suspended"), "The versioning state of the bucket.").mandatory())
      .arg(ArgSpec.bool("confirm", "Suspend versioning."))
      .changes("status", "mfa_delete")
      .output(S3Buckets.CONTEXT + ".BucketName", "string", "The bucket.")
      .output(S3Buckets.CONTEXT + ".AccountId", "string", "The account owning the bucket.")
      .output(S3Buckets.CONTEXT + ".Status", "string", "The versioning state after the change.")
      .output(S3Buckets.CONTEXT + ".MFADelete", "string", "MFA delete after the change.")
      .permissions("s3:GetBucketVersioning", "s3:PutBucketVersioning")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public void validate(Arguments args) {
    if ("Suspended".equals(args.string("status"))) {
      AssetChange.requireConfirm(args, "suspending versioning means objects overwritten or deleted from now on"
          + " cannot be recovered");
    }
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String bucket = args.string("bucket");
    var s3 = ctx.session().s3();
    var before = read(ctx, s3, bucket);
    var requested = new LinkedHashMap<>(before);
    requested.put("Status", args.string("status"));
    if (args.has("mfa_delete")) {
      requested.put("MFADelete", args.string("mfa_delete"));
    }
    var o = AssetChange.apply(ctx, S3Buckets.arn(bucket), before, requested,
        () -> S3Buckets.write(ctx, "s3:PutBucketVersioning", bucket, () -> s3.putBucketVersioning(r -> r.bucket(bucket)
            .versioningConfiguration(v -> {
              v.status(args.string("status"));
              if (args.has("mfa_delete")) {
                v.mfaDelete(args.string("mfa_delete"));
              }
            }))),
        () -> read(ctx, s3, bucket));
    return AssetChange.result(ctx, "AWS S3 bucket versioning", S3Buckets.CONTEXT, S3Buckets.map("BucketName", bucket),
        o, List.of("Status", "MFADelete"));
  }

  static Map<String, Object> read(CommandContext ctx, S3Client s3, String bucket) {
    var v = S3Buckets.read(ctx, "s3:GetBucketVersioning", bucket, null, () -> s3.getBucketVersioning(r -> r.bucket(bucket)));
    return S3Buckets.map("Status", v.statusAsString(), "MFADelete", v.mfaDeleteAsString());
  }
}
