package io.rolecall.commands.remediation;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * aws-cloudtrail-trail-update: changes the settings given of a trail (is_multi_region_trail=true,
 * enable_log_file_validation=true, ...), in its home region; the trail is read back with DescribeTrails, and the
 * context carries upstream's AWS.CloudTrail.Trail fields as read back.
 */
public final class CloudTrailTrailUpdate implements Command {
  static final String ARN = "arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\\d{0,12}:\\S{1,1024}";
  /** Argument to the trail field it sets, in upstream's order. */
  static final Map<String, String> FIELDS = fields();

  private static Map<String, String> fields() {
    var m = new LinkedHashMap<String, String>();
    m.put("s3_bucket_name", "S3BucketName");
    m.put("s3_key_prefix", "S3KeyPrefix");
    m.put("sns_topic_name", "SnsTopicName");
    m.put("include_global_service_events", "IncludeGlobalServiceEvents");
    m.put("is_multi_region_trail", "IsMultiRegionTrail");
    m.put("enable_log_file_validation", "LogFileValidationEnabled");
    m.put("cloud_watch_logs_log_group_arn", "CloudWatchLogsLogGroupArn");
    m.put("cloud_watch_logs_role_arn", "CloudWatchLogsRoleArn");
    m.put("kms_key_id", "KMSKeyId");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static final CommandSpec SPEC = declare();

  private static CommandSpec declare() {
    String c = CloudTrailTrails.CONTEXT;
    var b = CommandSpec.builder("aws-cloudtrail-trail-update")
        .description("Update a CloudTrail trail's settings (run in the trail's home region): only the settings given"
            + " change. The trail is read back after the write.")
        .arg(CloudTrailTrails.nameArg("The name of the trail or trail ARN."))
        .arg(ArgSpec.matching("s3_bucket_name", S3PublicAccessBlockUpdate.BUCKET_NAME, "an S3 bucket name",
            "The bucket log files are delivered to."))
        .arg(new ArgSpec("s3_key_prefix", new io.rolecall.command.ArgType.Text(null, "a key prefix", 0, 200), false,
            null, "The key prefix of the log files in the bucket."))
        .arg(ArgSpec.matching("sns_topic_name", "[A-Za-z0-9_-]{1,256}|arn:aws[a-z-]*:sns:\\S{1,1024}",
            "an SNS topic name or ARN", "The SNS topic notified of log file delivery."))
        .arg(ArgSpec.bool("include_global_service_events", "Whether events of global services such as IAM are logged."))
        .arg(ArgSpec.bool("is_multi_region_trail", "Whether the trail logs every region."))
        .arg(ArgSpec.bool("enable_log_file_validation", "Whether log file integrity validation is on."))
        .arg(ArgSpec.matching("cloud_watch_logs_log_group_arn", ARN, "an ARN", "The CloudWatch Logs log group."))
        .arg(ArgSpec.matching("cloud_watch_logs_role_arn", ARN, "an ARN", "The role CloudTrail assumes to write to it."))
        .arg(ArgSpec.matching("kms_key_id", "[A-Za-z0-9:/_.-]{1,2048}", "a KMS key id, ARN or alias",
            "The KMS key that encrypts the log files."))
        .changes(FIELDS.keySet().toArray(String[]::new));
    for (var out : List.of("TrailARN:string", "Name:string", "S3BucketName:string", "S3KeyPrefix:string",
        "SnsTopicName:string", "SnsTopicARN:string", "IncludeGlobalServiceEvents:boolean", "IsMultiRegionTrail:boolean",
        "HomeRegion:string", "LogFileValidationEnabled:boolean", "CloudWatchLogsLogGroupArn:string",
        "CloudWatchLogsRoleArn:string", "KMSKeyId:string", "HasCustomEventSelectors:boolean",
        "HasInsightSelectors:boolean", "IsOrganizationTrail:boolean")) {
      String[] p = out.split(":");
      b.output(c + "." + p[0], p[1], p[0] + " of the trail, as read back after the change.");
    }
    return b.permissions("cloudtrail:DescribeTrails", "cloudtrail:UpdateTrail").build();
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String name = args.string("name");
    var ct = ctx.session().cloudTrail();
    var trail = CloudTrailTrails.describe(ctx, ct, name);
    var before = CloudTrailTrails.settings(trail);
    var requested = new LinkedHashMap<>(before);
    FIELDS.forEach((arg, field) -> {
      if (args.has(arg)) {
        var type = SPEC.arg(arg).orElseThrow().type();
        requested.put(field, type instanceof io.rolecall.command.ArgType.Bool ? args.bool(arg) : args.string(arg));
      }
    });
    var o = AssetChange.apply(ctx, trail.trailARN(), before, requested,
        () -> AssetChange.call("cloudtrail:UpdateTrail of " + name, ctx, () -> ct.updateTrail(r -> {
          r.name(name);
          if (args.has("s3_bucket_name")) r.s3BucketName(args.string("s3_bucket_name"));
          if (args.has("s3_key_prefix")) r.s3KeyPrefix(args.string("s3_key_prefix"));
          if (args.has("sns_topic_name")) r.snsTopicName(args.string("sns_topic_name"));
          if (args.has("include_global_service_events")) {
            r.includeGlobalServiceEvents(args.bool("include_global_service_events"));
          }
          if (args.has("is_multi_region_trail")) r.isMultiRegionTrail(args.bool("is_multi_region_trail"));
          if (args.has("enable_log_file_validation")) r.enableLogFileValidation(args.bool("enable_log_file_validation"));
          if (args.has("cloud_watch_logs_log_group_arn")) {
            r.cloudWatchLogsLogGroupArn(args.string("cloud_watch_logs_log_group_arn"));
          }
          if (args.has("cloud_watch_logs_role_arn")) r.cloudWatchLogsRoleArn(args.string("cloud_watch_logs_role_arn"));
          if (args.has("kms_key_id")) r.kmsKeyId(args.string("kms_key_id"));
        })),
        () -> CloudTrailTrails.settings(CloudTrailTrails.describe(ctx, ct, name)));
    var result = AssetChange.result(ctx, "AWS CloudTrail trail", CloudTrailTrails.CONTEXT, S3Buckets.map("Name",
        trail.name()), o, List.copyOf(FIELDS.values()));
    if (!result.context().isEmpty()) {
      var t = CloudTrailTrails.describe(ctx, ct, name);
      var entry = new LinkedHashMap<String, Object>(S3Buckets.map("TrailARN", t.trailARN(), "Name", t.name(),
          "AccountId", ctx.accountId(), "Region", ctx.region()));
      entry.putAll(CloudTrailTrails.settings(t));
      entry.putAll(S3Buckets.map("SnsTopicARN", t.snsTopicARN(), "HomeRegion", t.homeRegion(),
          "HasCustomEventSelectors", t.hasCustomEventSelectors(), "HasInsightSelectors", t.hasInsightSelectors(),
          "IsOrganizationTrail", t.isOrganizationTrail(), "Before", before));
      return io.rolecall.command.CommandResult.of(result.contents(), Map.of(CloudTrailTrails.CONTEXT, entry),
          result.table()).withWarnings(result.warnings());
    }
    return result;
  }
}
