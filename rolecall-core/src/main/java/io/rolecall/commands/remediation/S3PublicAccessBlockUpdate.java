package io.rolecall.commands.remediation;

import io.rolecall.aws.AwsErrors;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Table;
import io.rolecall.command.Write;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * aws-s3-public-access-block-update: lays the flags given over the bucket's current public access
 * block and writes the result. S3's Put replaces the whole block, so the current one is read first:
 * flags not given keep their value. The block is read back after the write: that is what is reported.
 */
public final class S3PublicAccessBlockUpdate implements Command {
  static final String CONTEXT = "AWS.S3.PublicAccessBlock";

  /** Argument name to S3's field name, in S3's order. */
  static final Map<String, String> FLAGS = flags();

  /**
   * S3's rules for general purpose bucket names: 3 to 63 of a-z 0-9 . -, a letter or digit at both
   * ends, no "..", not an IP address, none of the reserved prefixes and suffixes.
   */
  static final String BUCKET_NAME = "(?!\\d{1,3}(\\.\\d{1,3}){3}$)(?!xn--|sthree-|amzn-s3-demo-)(?!.*\\.\\.)"
      + "(?!.*(-s3alias|--ol-s3|\\.mrap|--x-s3|--table-s3)$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";

  private static final CommandSpec SPEC = declare();

  private static Map<String, String> flags() {
    var m = new LinkedHashMap<String, String>();
    m.put("block_public_acls", "BlockPublicAcls");
    m.put("ignore_public_acls", "IgnorePublicAcls");
    m.put("block_public_policy", "BlockPublicPolicy");
    m.put("restrict_public_buckets", "RestrictPublicBuckets");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static CommandSpec declare() {
    var b = CommandSpec.builder("aws-s3-public-access-block-update")
        .description("Create or update an S3 bucket's public access block. Only the flags given change: the"
            + " current block is read (a bucket without one counts as all false), the flags given are laid over"
            + " it, and the result is written. Context is set only when the change is applied.")
        .arg(ArgSpec.matching("bucket", BUCKET_NAME, "an S3 bucket name (3 to 63 lowercase letters, digits, dots"
            + " and hyphens, starting and ending with a letter or digit, not an IP address)", "The bucket.").mandatory())
        .arg(ArgSpec.bool("block_public_acls", "Reject requests that grant public access through ACLs."))
        .arg(ArgSpec.bool("ignore_public_acls", "Ignore public ACLs on the bucket and its objects."))
        .arg(ArgSpec.bool("block_public_policy", "Reject bucket policies that grant public access."))
        .arg(ArgSpec.bool("restrict_public_buckets", "Limit access to a bucket with a public policy to AWS services"
            + " and the bucket owner's account."))
        .changes(FLAGS.keySet().toArray(String[]::new))
        .output(CONTEXT + ".Bucket", "string", "The bucket.")
        .output(CONTEXT + ".AccountId", "string", "The account owning the bucket.");
    for (String field : FLAGS.values()) {
      b.output(CONTEXT + "." + field, "boolean", field + " as it is now set.");
    }
    return b.output(CONTEXT + ".Before", "object", "The four flags before the change.")
        .output(CONTEXT + ".After", "object", "The four flags after the change.")
        .permissions("s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock")
        .build();
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String bucket = args.string("bucket");
    String account = ctx.accountId();
    S3Client s3 = ctx.session().s3();
    var current = read(s3, bucket, account);
    Map<String, Object> before = current == null ? allFalse() : toMap(current);
    var requested = new LinkedHashMap<>(before);
    FLAGS.forEach((arg, field) -> {
      if (args.has(arg)) {
        requested.put(field, args.bool(arg));
      }
    });
    boolean changed = !requested.equals(before);
    Map<String, Object> after = requested;
    List<String> warnings = List.of();
    if (changed && !ctx.dryRun()) {
      var done = Write.of(ctx, "arn:aws:s3:::" + bucket, before, requested)
          .run(() -> write(s3, bucket, account, requested), () -> {
            var now = read(s3, bucket, account);
            return now == null ? allFalse() : toMap(now);
          });
      after = done.readBack() ? done.afterMap() : requested;
      warnings = done.warnings();
    }

    var contents = Changes.contents(account, ctx.region(), ctx.dryRun(), changed);
    contents.put("Bucket", bucket);
    contents.put("HadPublicAccessBlock", current != null);
    contents.put("Before", before);
    contents.put("After", after);
    var entry = new LinkedHashMap<String, Object>();
    entry.put("Bucket", bucket);
    entry.put("AccountId", account);
    entry.putAll(after);
    entry.put("Before", before);
    entry.put("After", after);
    var row = new ArrayList<Object>(List.of(account, bucket));
    row.addAll(Changes.cells(List.copyOf(FLAGS.values()), before, after));
    row.add(Changes.result(ctx.dryRun(), changed));
    var columns = new ArrayList<String>(List.of("AccountId", "Bucket"));
    columns.addAll(FLAGS.values());
    columns.add("Result");
    var table = new Table(Changes.title("AWS S3 public access block", ctx.dryRun()), columns, List.of(), null)
        .row(row.toArray());
    return CommandResult.of(contents, ctx.dryRun() ? Map.of() : Map.of(CONTEXT, entry), table).withWarnings(warnings);
  }

  /** The bucket's block, or null when it has none (S3 answers NoSuchPublicAccessBlockConfiguration). */
  private static PublicAccessBlockConfiguration read(S3Client s3, String bucket, String account) {
    try {
      return s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
    } catch (AwsServiceException e) {
      if (e.awsErrorDetails() != null
          && "NoSuchPublicAccessBlockConfiguration".equals(e.awsErrorDetails().errorCode())) {
        return null;
      }
      throw AwsErrors.callFailed("s3:GetBucketPublicAccessBlock on bucket " + bucket + " in account " + account, e);
    } catch (SdkException e) {
      throw AwsErrors.callFailed("s3:GetBucketPublicAccessBlock on bucket " + bucket + " in account " + account, e);
    }
  }

  private static void write(S3Client s3, String bucket, String account, Map<String, Object> flags) {
    try {
      s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c
          .blockPublicAcls((Boolean) flags.get("BlockPublicAcls"))
          .ignorePublicAcls((Boolean) flags.get("IgnorePublicAcls"))
          .blockPublicPolicy((Boolean) flags.get("BlockPublicPolicy"))
          .restrictPublicBuckets((Boolean) flags.get("RestrictPublicBuckets"))));
    } catch (SdkException e) {
      throw AwsErrors.callFailed("s3:PutBucketPublicAccessBlock on bucket " + bucket + " in account " + account, e);
    }
  }

  private static Map<String, Object> toMap(PublicAccessBlockConfiguration c) {
    var m = new LinkedHashMap<String, Object>();
    m.put("BlockPublicAcls", Boolean.TRUE.equals(c.blockPublicAcls()));
    m.put("IgnorePublicAcls", Boolean.TRUE.equals(c.ignorePublicAcls()));
    m.put("BlockPublicPolicy", Boolean.TRUE.equals(c.blockPublicPolicy()));
    m.put("RestrictPublicBuckets", Boolean.TRUE.equals(c.restrictPublicBuckets()));
    return m;
  }

  private static Map<String, Object> allFalse() {
    var m = new LinkedHashMap<String, Object>();
    FLAGS.values().forEach(f -> m.put(f, false));
    return m;
  }
}
