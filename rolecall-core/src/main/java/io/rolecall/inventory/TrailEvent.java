package io.rolecall.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.render.Json;
import java.time.Instant;

/** A CloudTrail management event as stored; {@code cloudTrailEvent} is the full record (JSON) as AWS gave it. */
public record TrailEvent(String accountId, String region, String eventId, Instant eventTime, String eventName,
                         String eventSource, String username, Boolean readOnly, String accessKeyId,
                         String cloudTrailEvent) {

  /** The event as `inventory list events -o json` and the engine show it, the CloudTrail record parsed. */
  public ObjectNode json() {
    var node = Json.mapper().createObjectNode();
    node.put("accountId", accountId).put("region", region).put("eventId", eventId)
        .put("eventTime", eventTime.toString()).put("eventName", eventName).put("eventSource", eventSource)
        .put("username", username).put("accessKeyId", accessKeyId);
    if (readOnly != null) {
      node.put("readOnly", readOnly);
    }
    try {
      node.set("cloudTrailEvent", cloudTrailEvent == null ? null : Json.mapper().readTree(cloudTrailEvent));
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      node.put("cloudTrailEvent", cloudTrailEvent);
    }
    return node;
  }
}
