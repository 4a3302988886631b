package io.rolecall.commands.remediation;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.Arguments;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * aws-s3-bucket-acl-put: sets a canned ACL on a bucket. The grants before and after are shown as GRANTEE:PERMISSION
 * ("AllUsers:READ"); public-read-write lets anyone overwrite and delete objects, so it needs confirm=true. A bucket
 * whose ownership is BucketOwnerEnforced refuses ACLs (AccessControlListNotSupported), which is reported as is.
 */
public final class S3BucketAclPut implements Command {
  static final List<String> ACLS = List.of("private", "public-read", "public-read-write", "authenticated-read");

  private static final CommandSpec SPEC = CommandSpec.builder("aws-s3-bucket-acl-put")
      .description("Set the access control list of an S3 bucket to a canned ACL (private removes every grant but"
          + " the owner's). public-read-write lets anyone write, overwrite and delete objects: it needs"
          + " confirm=true. The grants are read back after the write.")
      .arg(ArgSpec.choice("acl", ACLS, "The canned ACL to apply to the bucket.").mandatory())
      .arg(S3Buckets.bucketArg("The bucket to which to apply the ACL."))
      .arg(ArgSpec.bool("confirm", "Apply public-read-write."))
      .changes("acl")
      .output(S3Buckets.CONTEXT + ".BucketName", "string", "The bucket.")
      .output(S3Buckets.CONTEXT + ".AccountId", "string", "The account owning the bucket.")
      .output(S3Buckets.CONTEXT + ".Grants", "unknown", "The grants after the change, as GRANTEE:PERMISSION.")
      .permissions("s3:GetBucketAcl", "s3:PutBucketAcl")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public void validate(Arguments args) {
    if ("public-read-write".equals(args.string("acl"))) {
      AssetChange.requireConfirm(args, "public-read-write lets anyone on the internet write, overwrite and delete"
          + " the bucket's objects");
    }
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String bucket = ctx.args().string("bucket");
    String acl = ctx.args().string("acl");
    var s3 = ctx.session().s3();
    var current = S3Buckets.read(ctx, "s3:GetBucketAcl", bucket, null, () -> s3.getBucketAcl(r -> r.bucket(bucket)));
    Map<String, Object> before = grants(current);
    Map<String, Object> requested = S3Buckets.map("Grants", S3Buckets.canned(acl));
    // The ACL goes as a document, not as the x-amz-acl header: a PUT without a body has no Content-Length on some
    // HTTP clients, which S3 refuses (411).
    var owner = current.owner();
    var body = AccessControlPolicy.builder().owner(owner).grants(S3Buckets.canned(acl).stream()
        .map(g -> grant(g, owner == null ? null : owner.id())).toList()).build();
    var o = AssetChange.apply(ctx, S3Buckets.arn(bucket), before, requested,
        () -> S3Buckets.write(ctx, "s3:PutBucketAcl", bucket, () -> s3.putBucketAcl(r -> r.bucket(bucket)
            .accessControlPolicy(body))),
        () -> grants(S3Buckets.read(ctx, "s3:GetBucketAcl", bucket, null, () -> s3.getBucketAcl(r -> r.bucket(bucket)))));
    return AssetChange.result(ctx, "AWS S3 bucket ACL", S3Buckets.CONTEXT, S3Buckets.map("BucketName", bucket), o,
        List.of("Grants"));
  }

  private static Map<String, Object> grants(GetBucketAclResponse acl) {
    String owner = acl.owner() == null ? null : acl.owner().id();
    return S3Buckets.map("Grants", acl.grants().stream().map(g -> S3Buckets.grant(g, owner)).toList());
  }

  /** "owner:FULL_CONTROL" or "AllUsers:READ" as an S3 grant. */
  private static Grant grant(String text, String ownerId) {
    String who = text.substring(0, text.indexOf(':'));
    String permission = text.substring(text.indexOf(':') + 1);
    var grantee = who.equals("owner") ? Grantee.builder().type(Type.CANONICAL_USER).id(ownerId).build()
        : Grantee.builder().type(Type.GROUP).uri("http://acs.amazonaws.com/groups/global/" + who).build();
    return Grant.builder().grantee(grantee).permission(permission).build();
  }
}
