package io.rolecall.sandbox.service.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.JsonProtocol;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.CallRegion;
import io.rolecall.sandbox.service.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * CloudTrail over JSON 1.1: the trails (DescribeTrails, GetTrailStatus, StartLogging, UpdateTrail: see {@link
 * Trails}) and LookupEvents: management events of the caller's account in the signed region, newest
 * first, StartTime/EndTime inclusive (default: the last 90 days), at most 50 per page, one optional lookup
 * attribute, and AWS's quota of 2 requests per second per account and region (ThrottlingException past it).
 */
public final class CloudTrailService implements Service {
  public static final JsonProtocol PROTOCOL =
      new JsonProtocol("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "1.1");
  private static final Duration HISTORY = Duration.ofDays(90);
  private static final Map<String, Function<TrailEvent, List<String>>> ATTRIBUTES = Map.of(
      "EventId", e -> List.of(e.eventId()),
      "EventName", e -> List.of(e.eventName()),
      "ReadOnly", e -> List.of(String.valueOf(e.readOnly())),
      "Username", e -> List.of(e.username()),
      "EventSource", e -> List.of(e.eventSource()),
      "AccessKeyId", e -> e.accessKeyId() == null ? List.of() : List.of(e.accessKeyId()),
      "ResourceName", e -> List.copyOf(e.resources().keySet()),
      "ResourceType", e -> List.copyOf(e.resources().values()));

  private final Paginator pages = new Paginator(() -> AwsException.badRequest("InvalidNextTokenException",
      "Invalid NextToken."));

  @Override public String signingName() { return "cloudtrail"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  @Override
  public Reply handle(Call call) {
    return switch (call.action()) {
      case "LookupEvents" -> lookupEvents(call);
      case "DescribeTrails", "GetTrailStatus", "StartLogging", "UpdateTrail" -> Trails.handle(call);
      default -> throw PROTOCOL.unknownOperation(call.action());
    };
  }

  private Reply lookupEvents(Call call) {
    call.authorize("cloudtrail:LookupEvents", "*");
    var trail = CloudTrail.of(call.account()).region(CallRegion.of(call));
    if (!trail.admit()) throw AwsException.badRequest("ThrottlingException", "Rate exceeded");
    JsonNode in = call.json();
    Instant now = call.world().clock().now();
    Instant start = time(in, "StartTime", now.minus(HISTORY));
    Instant end = time(in, "EndTime", now);
    if (start.isAfter(end)) {
      throw AwsException.badRequest("InvalidTimeRangeException", "Start time must be earlier than or equal to end time.");
    }
    int max = in.path("MaxResults").asInt(50);
    if (in.has("MaxResults") && (max < 1 || max > 50)) {
      throw AwsException.badRequest("InvalidMaxResultsException", "MaxResults must be between 1 and 50.");
    }
    var attributes = in.path("LookupAttributes");
    if (attributes.size() > 1) {
      throw AwsException.badRequest("InvalidLookupAttributesException", "You can only specify one lookup attribute.");
    }
    Function<TrailEvent, Boolean> matches = e -> true;
    // A token is good for the same request: the times as sent (a default end moves on with the clock).
    String scope = "LookupEvents:" + call.account().id() + ":" + in.path("StartTime") + ":" + in.path("EndTime");
    if (attributes.size() == 1) {
      String key = attributes.get(0).path("AttributeKey").asText();
      String value = attributes.get(0).path("AttributeValue").asText();
      var field = ATTRIBUTES.get(key);
      if (field == null) {
        throw AwsException.badRequest("InvalidLookupAttributesException", "Invalid attribute key: " + key);
      }
      matches = e -> field.apply(e).contains(value);
      scope += ":" + key + "=" + value;
    }
    var filter = matches;
    var selected = trail.events().stream()
        .filter(e -> !e.eventTime().isBefore(start) && !e.eventTime().isAfter(end) && filter.apply(e)).toList();
    var page = pages.page(scope, selected, TrailEvent::sortKey, text(in, "NextToken"), max);
    var out = new LinkedHashMap<String, Object>();
    out.put("Events", page.items().stream().map(CloudTrailService::event).toList());
    out.put("NextToken", page.nextToken());
    return PROTOCOL.ok(out);
  }

  private static Map<String, Object> event(TrailEvent e) {
    var m = new LinkedHashMap<String, Object>();
    m.put("EventId", e.eventId());
    m.put("EventName", e.eventName());
    m.put("ReadOnly", String.valueOf(e.readOnly()));
    m.put("AccessKeyId", e.accessKeyId());
    m.put("EventTime", e.eventTime().toEpochMilli() / 1000.0);
    m.put("EventSource", e.eventSource());
    m.put("Username", e.username());
    var resources = new ArrayList<Map<String, String>>();
    e.resources().forEach((name, type) -> resources.add(Map.of("ResourceType", type, "ResourceName", name)));
    m.put("Resources", resources);
    m.put("CloudTrailEvent", e.cloudTrailEvent());
    return m;
  }

  /** JSON 1.1 timestamps are epoch seconds, possibly fractional. */
  private static Instant time(JsonNode in, String field, Instant fallback) {
    var node = in.get(field);
    if (node == null || node.isNull()) return fallback;
    if (!node.isNumber()) throw AwsException.badRequest("SerializationException", field + " must be a timestamp");
    return Instant.ofEpochMilli(Math.round(node.asDouble() * 1000));
  }

  private static String text(JsonNode in, String field) {
    var node = in.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }
}
