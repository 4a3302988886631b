package io.rolecall.sandbox.service.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.CallRegion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CloudTrail's trail calls. A region sees the trails created in it and every multi-region trail (a shadow trail
 * outside its home, left out when includeShadowTrails is false). A trail is named by its name or its ARN; changing
 * one (StartLogging, UpdateTrail) must be done in its home region (InvalidHomeRegionException elsewhere).
 */
final class Trails {
  /** CloudTrail's trail names: 3 to 128 of letters, digits, '.', '_' and '-', a letter or digit at both ends. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]");

  private Trails() {}

  static Reply handle(Call call) {
    var trails = CloudTrail.of(call.account());
    String region = CallRegion.of(call);
    JsonNode in = call.json();
    return switch (call.action()) {
      case "DescribeTrails" -> {
        call.authorize("cloudtrail:DescribeTrails", "*");
        boolean shadows = !in.has("includeShadowTrails") || in.path("includeShadowTrails").asBoolean();
        var names = new ArrayList<String>();
        in.path("trailNameList").forEach(n -> names.add(n.asText()));
        var out = new ArrayList<Map<String, Object>>();
        for (Trail t : visible(trails, region)) {
          boolean shadow = !t.homeRegion().equals(region);
          if ((shadow && !shadows) || (!names.isEmpty() && !names.contains(t.name()) && !names.contains(t.arn()))) {
            continue;
          }
          out.add(json(t));
        }
        yield CloudTrailService.PROTOCOL.ok(Map.of("trailList", out));
      }
      case "GetTrailStatus" -> {
        var t = named(call, trails, region, in, "cloudtrail:GetTrailStatus");
        var out = new LinkedHashMap<String, Object>();
        out.put("IsLogging", t.logging());
        yield CloudTrailService.PROTOCOL.ok(out);
      }
      case "StartLogging" -> {
        var t = home(call, trails, region, in, "cloudtrail:StartLogging");
        trails.update(t.withLogging(true));
        yield CloudTrailService.PROTOCOL.ok(Map.of());
      }
      case "UpdateTrail" -> {
        var t = home(call, trails, region, in, "cloudtrail:UpdateTrail");
        var updated = new Trail(t.name(), t.accountId(), t.homeRegion(), text(in, "S3BucketName", t.s3BucketName()),
            text(in, "S3KeyPrefix", t.s3KeyPrefix()), text(in, "SnsTopicName", t.snsTopicName()),
            bool(in, "IncludeGlobalServiceEvents", t.includeGlobalServiceEvents()),
            bool(in, "IsMultiRegionTrail", t.multiRegion()), bool(in, "EnableLogFileValidation", t.logFileValidation()),
            text(in, "CloudWatchLogsLogGroupArn", t.cloudWatchLogsLogGroupArn()),
            text(in, "CloudWatchLogsRoleArn", t.cloudWatchLogsRoleArn()), text(in, "KmsKeyId", t.kmsKeyId()),
            t.logging());
        if (updated.s3BucketName() == null || updated.s3BucketName().isEmpty()) {
          throw AwsException.badRequest("InvalidS3BucketNameException", "Bucket name cannot be empty.");
        }
        if (updated.multiRegion() && !updated.includeGlobalServiceEvents()) {
          throw AwsException.badRequest("InvalidParameterCombinationException",
              "Multi-Region trail must include global service events.");
        }
        if ((updated.cloudWatchLogsRoleArn() == null) != (updated.cloudWatchLogsLogGroupArn() == null)) {
          throw AwsException.badRequest("InvalidCloudWatchLogsLogGroupArnException",
              "You must specify a log group and a role together.");
        }
        trails.update(updated);
        var out = json(updated);
        out.remove("HomeRegion");
        out.remove("HasCustomEventSelectors");
        out.remove("HasInsightSelectors");
        yield CloudTrailService.PROTOCOL.ok(out);
      }
      default -> throw CloudTrailService.PROTOCOL.unknownOperation(call.action());
    };
  }

  private static List<Trail> visible(CloudTrail trails, String region) {
    return trails.trails().stream().filter(t -> t.homeRegion().equals(region) || t.multiRegion()).toList();
  }

  /** The trail the request names, as this region sees it. */
  private static Trail named(Call call, CloudTrail trails, String region, JsonNode in, String action) {
    String name = in.path("Name").asText("");
    boolean arn = name.startsWith("arn:");
    if (!arn && !NAME.matcher(name).matches()) {
      throw AwsException.badRequest("InvalidTrailNameException", "Trail name or ARN can only contain uppercase"
          + " letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).");
    }
    var found = visible(trails, region).stream().filter(t -> arn ? t.arn().equals(name) : t.name().equals(name))
        .findFirst();
    String resource = found.map(Trail::arn).orElse("arn:aws:cloudtrail:" + region + ":" + call.account().id()
        + ":trail/" + name);
    call.authorize(action, resource);
    return found.orElseThrow(() -> AwsException.badRequest("TrailNotFoundException", "Unknown trail: " + resource
        + " for the user: " + call.account().id()));
  }

  private static Trail home(Call call, CloudTrail trails, String region, JsonNode in, String action) {
    var t = named(call, trails, region, in, action);
    if (!t.homeRegion().equals(region)) {
      throw AwsException.badRequest("InvalidHomeRegionException", "This operation must be called from the trail's"
          + " home region, " + t.homeRegion() + ".");
    }
    return t;
  }

  static Map<String, Object> json(Trail t) {
    var m = new LinkedHashMap<String, Object>();
    m.put("Name", t.name());
    m.put("S3BucketName", t.s3BucketName());
    if (t.s3KeyPrefix() != null) m.put("S3KeyPrefix", t.s3KeyPrefix());
    if (t.snsTopicName() != null) {
      m.put("SnsTopicName", t.snsTopicName());
      m.put("SnsTopicARN", t.snsTopicArn());
    }
    m.put("IncludeGlobalServiceEvents", t.includeGlobalServiceEvents());
    m.put("IsMultiRegionTrail", t.multiRegion());
    m.put("HomeRegion", t.homeRegion());
    m.put("TrailARN", t.arn());
    m.put("LogFileValidationEnabled", t.logFileValidation());
    if (t.cloudWatchLogsLogGroupArn() != null) m.put("CloudWatchLogsLogGroupArn", t.cloudWatchLogsLogGroupArn());
    if (t.cloudWatchLogsRoleArn() != null) m.put("CloudWatchLogsRoleArn", t.cloudWatchLogsRoleArn());
    if (t.kmsKeyId() != null) m.put("KmsKeyId", t.kmsKeyId());
    m.put("HasCustomEventSelectors", false);
    m.put("HasInsightSelectors", false);
    m.put("IsOrganizationTrail", false);
    return m;
  }

  private static String text(JsonNode in, String field, String current) {
    var n = in.get(field);
    if (n == null || n.isNull()) return current;
    return n.asText().isEmpty() ? null : n.asText();
  }

  private static boolean bool(JsonNode in, String field, boolean current) {
    var n = in.get(field);
    return n == null || n.isNull() ? current : n.asBoolean();
  }
}
