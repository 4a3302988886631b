package io.rolecall.commands.remediation;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * aws-s3-bucket-ownership-controls-put: sets a bucket's object ownership. BucketOwnerEnforced turns ACLs off (the
 * bucket owner owns every object); S3 refuses it while the bucket ACL grants anyone but the owner
 * (InvalidBucketAclWithObjectOwnership): set acl=private first.
 */
public final class S3BucketOwnershipControlsPut implements Command {
  static final List<String> SETTINGS = List.of("BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter");

  private static final CommandSpec SPEC = CommandSpec.builder("aws-s3-bucket-ownership-controls-put")
      .description("Set an S3 bucket's object ownership: BucketOwnerEnforced (ACLs disabled, the bucket owner owns"
          + " every object; S3 refuses it while the bucket ACL grants others: run aws-s3-bucket-acl-put acl=private"
          + " first), BucketOwnerPreferred or ObjectWriter. Read back after the write.")
      .arg(S3Buckets.bucketArg("The bucket."))
      .arg(ArgSpec.choice("object_ownership", SETTINGS, "The object ownership setting.").mandatory())
      .changes("object_ownership")
      .output(S3Buckets.CONTEXT + ".BucketName", "string", "The bucket.")
      .output(S3Buckets.CONTEXT + ".AccountId", "string", "The account owning the bucket.")
      .output(S3Buckets.CONTEXT + ".ObjectOwnership", "string", "The object ownership after the change.")
      .permissions("s3:GetBucketOwnershipControls", "s3:PutBucketOwnershipControls")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String bucket = ctx.args().string("bucket");
    String setting = ctx.args().string("object_ownership");
    var s3 = ctx.session().s3();
    var o = AssetChange.apply(ctx, S3Buckets.arn(bucket), read(ctx, s3, bucket),
        S3Buckets.map("ObjectOwnership", setting),
        () -> S3Buckets.write(ctx, "s3:PutBucketOwnershipControls", bucket, () -> s3.putBucketOwnershipControls(r -> r
            .bucket(bucket).ownershipControls(c -> c.rules(rule -> rule.objectOwnership(setting))))),
        () -> read(ctx, s3, bucket));
    return AssetChange.result(ctx, "AWS S3 bucket ownership controls", S3Buckets.CONTEXT,
        S3Buckets.map("BucketName", bucket), o, List.of("ObjectOwnership"));
  }

  static Map<String, Object> read(CommandContext ctx, S3Client s3, String bucket) {
    var controls = S3Buckets.read(ctx, "s3:GetBucketOwnershipControls", bucket, "OwnershipControlsNotFoundError",
        () -> s3.getBucketOwnershipControls(r -> r.bucket(bucket)).ownershipControls());
    String value = controls == null || controls.rules().isEmpty() ? null
        : controls.rules().getFirst().objectOwnershipAsString();
    return S3Buckets.map("ObjectOwnership", value);
  }
}
