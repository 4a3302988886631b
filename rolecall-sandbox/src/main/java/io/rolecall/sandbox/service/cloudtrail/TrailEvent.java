package io.rolecall.sandbox.service.cloudtrail;

import java.time.Instant;
import java.util.Map;

/**
 * A management event as LookupEvents returns it. {@code resources} maps resource name to type.
 * {@code cloudTrailEvent} is the full record, a JSON string, as CloudTrail stores it.
 */
public record TrailEvent(String eventId, String eventName, String eventSource, Instant eventTime, String username,
                         String accessKeyId, boolean readOnly, Map<String, String> resources, String cloudTrailEvent) {
  public TrailEvent {
    resources = Map.copyOf(resources);
  }

  /** Ascending order of this key is CloudTrail's order: newest first, then by id. */
  String sortKey() {
    return String.format("%019d", Long.MAX_VALUE - eventTime.toEpochMilli()) + eventId;
  }
}
