package io.rolecall.sandbox.service.cloudtrail;

/**
 * A CloudTrail trail: created in its home region, logging or not; a multi-region trail shows in every region's
 * DescribeTrails (as a shadow trail outside its home). Immutable: changes replace the record.
 */
public record Trail(String name, String accountId, String homeRegion, String s3BucketName, String s3KeyPrefix,
                    String snsTopicName, boolean includeGlobalServiceEvents, boolean multiRegion,
                    boolean logFileValidation, String cloudWatchLogsLogGroupArn, String cloudWatchLogsRoleArn,
                    String kmsKeyId, boolean logging) {

  public String arn() {
    return "arn:aws:cloudtrail:" + homeRegion + ":" + accountId + ":trail/" + name;
  }

  public String snsTopicArn() {
    return snsTopicName == null ? null : "arn:aws:sns:" + homeRegion + ":" + accountId + ":" + snsTopicName;
  }

  public Trail withLogging(boolean on) {
    return new Trail(name, accountId, homeRegion, s3BucketName, s3KeyPrefix, snsTopicName, includeGlobalServiceEvents,
        multiRegion, logFileValidation, cloudWatchLogsLogGroupArn, cloudWatchLogsRoleArn, kmsKeyId, on);
  }
}
