package io.rolecall.commands.remediation;

import io.rolecall.CommandFailedException;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.CommandContext;
import java.util.Map;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/** What the CloudTrail remediations share: the trail argument (a name or an ARN) and reading the trail. */
final class CloudTrailTrails {
  static final String CONTEXT = "AWS.CloudTrail.Trail";
  /** A trail name (3 to 128 of letters, digits, . _ -; a letter or digit at both ends) or a trail ARN. */
  static final String NAME_OR_ARN = "[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]"
      + "|arn:aws[a-z-]*:cloudtrail:[a-z]{2}(-[a-z]+)+-\\d{1,2}:\\d{12}:trail/[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]";

  private CloudTrailTrails() {}

  static ArgSpec nameArg(String description) {
    return ArgSpec.matching("name", NAME_OR_ARN, "a trail name (3 to 128 letters, digits, '.', '_' and '-', starting"
        + " and ending with a letter or digit) or a trail ARN", description).mandatory();
  }

  /** The trail as the caller's region sees it; a failure names the trail and account. */
  static Trail describe(CommandContext ctx, CloudTrailClient ct, String name) {
    var trails = AssetChange.call("cloudtrail:DescribeTrails of " + name, ctx,
        () -> ct.describeTrails(r -> r.trailNameList(name)).trailList());
    return trails.stream().filter(t -> name.equals(t.name()) || name.equals(t.trailARN())).findFirst()
        .orElseThrow(() -> new CommandFailedException("cloudtrail:DescribeTrails of " + name + " in account "
            + ctx.accountId() + " (" + ctx.region() + "): no such trail"));
  }

  static Map<String, Object> settings(Trail t) {
    return S3Buckets.map("S3BucketName", t.s3BucketName(), "S3KeyPrefix", t.s3KeyPrefix(),
        "SnsTopicName", t.snsTopicName(), "IncludeGlobalServiceEvents", t.includeGlobalServiceEvents(),
        "IsMultiRegionTrail", t.isMultiRegionTrail(), "LogFileValidationEnabled", t.logFileValidationEnabled(),
        "CloudWatchLogsLogGroupArn", t.cloudWatchLogsLogGroupArn(), "CloudWatchLogsRoleArn", t.cloudWatchLogsRoleArn(),
        "KMSKeyId", t.kmsKeyId());
  }
}
