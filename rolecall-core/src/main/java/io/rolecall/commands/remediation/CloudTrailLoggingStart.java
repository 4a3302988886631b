package io.rolecall.commands.remediation;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/**
 * aws-cloudtrail-logging-start: starts a trail's logging; GetTrailStatus before and after. A multi-region trail
 * must be started from its home region (CloudTrail refuses elsewhere with InvalidHomeRegionException).
 */
public final class CloudTrailLoggingStart implements Command {
  private static final CommandSpec SPEC = CommandSpec.builder("aws-cloudtrail-logging-start")
      .description("Start the recording of API calls and log file delivery for a CloudTrail trail (run in the"
          + " trail's home region). IsLogging is read back after the call.")
      .arg(CloudTrailTrails.nameArg("The name or the ARN of the trail."))
      .mutating()
      .output(CloudTrailTrails.CONTEXT + ".Name", "string", "The trail.")
      .output(CloudTrailTrails.CONTEXT + ".AccountId", "string", "The account of the trail.")
      .output(CloudTrailTrails.CONTEXT + ".IsLogging", "boolean", "Whether the trail is logging, as read back.")
      .permissions("cloudtrail:GetTrailStatus", "cloudtrail:StartLogging")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String name = ctx.args().string("name");
    var ct = ctx.session().cloudTrail();
    String arn = name.startsWith("arn:") ? name
        : "arn:aws:cloudtrail:" + ctx.region() + ":" + ctx.accountId() + ":trail/" + name;
    var o = AssetChange.apply(ctx, arn, status(ctx, ct, name), S3Buckets.map("IsLogging", true),
        () -> AssetChange.call("cloudtrail:StartLogging of " + name, ctx, () -> ct.startLogging(r -> r.name(name))),
        () -> status(ctx, ct, name));
    return AssetChange.result(ctx, "AWS CloudTrail logging", CloudTrailTrails.CONTEXT, S3Buckets.map("Name", name), o,
        List.of("IsLogging"));
  }

  static Map<String, Object> status(CommandContext ctx, CloudTrailClient ct, String name) {
    var s = AssetChange.call("cloudtrail:GetTrailStatus of " + name, ctx, () -> ct.getTrailStatus(r -> r.name(name)));
    return S3Buckets.map("IsLogging", Boolean.TRUE.equals(s.isLogging()));
  }
}
