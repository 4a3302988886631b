package io.rolecall.sandbox.service.cloudtrail;

import io.rolecall.sandbox.protocol.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One account's CloudTrail event history in one region, and the LookupEvents quota that goes with it (AWS allows
 * 2 requests per second per account and region; past that it throttles). Thread-safe.
 */
public final class RegionTrail {
  /** CloudTrail's LookupEvents quota: requests per second, per account and region. */
  public static final double LOOKUP_RATE = 2.0;

  private final String accountId;
  private final String region;
  private final Map<String, TrailEvent> events = new ConcurrentSkipListMap<>(); // by sort key: newest first
  private double rate = LOOKUP_RATE;
  private double tokens = LOOKUP_RATE;
  private long refilledNanos = System.nanoTime();

  RegionTrail(String accountId, String region) {
    this.accountId = accountId;
    this.region = region;
  }

  /**
   * Records a management event made by {@code username} at {@code time}; returns it. {@code eventSource} is the
   * service's host name ("iam.amazonaws.com").
   */
  public TrailEvent record(String eventName, String eventSource, Instant time, String username, boolean readOnly,
                           Map<String, String> resources) {
    String id = UUID.randomUUID().toString();
    var record = new LinkedHashMap<String, Object>();
    record.put("eventVersion", "1.08");
    record.put("userIdentity", Map.of("type", "IAMUser", "userName", username, "accountId", accountId,
        "arn", "arn:aws:iam::" + accountId + ":user/" + username));
    record.put("eventTime", time.toString());
    record.put("eventSource", eventSource);
    record.put("eventName", eventName);
    record.put("awsRegion", region);
    record.put("sourceIPAddress", "198.51.100.7");
    record.put("requestID", UUID.randomUUID().toString());
    record.put("eventID", id);
    record.put("readOnly", readOnly);
    record.put("eventType", "AwsApiCall");
    record.put("managementEvent", true);
    record.put("recipientAccountId", accountId);
    record.put("eventCategory", "Management");
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(record);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    var event = new TrailEvent(id, eventName, eventSource, time, username, null, readOnly, resources, json);
    events.put(event.sortKey(), event);
    return event;
  }

  /** Every event, newest first. */
  public List<TrailEvent> events() {
    return List.copyOf(events.values());
  }

  /** Changes the LookupEvents quota (requests per second); 0 turns throttling off. */
  public synchronized void lookupRate(double perSecond) {
    rate = perSecond;
    tokens = perSecond;
  }

  /** Takes one request from the quota's token bucket (capacity = one second's worth); false means throttled. */
  synchronized boolean admit() {
    if (rate <= 0) return true;
    long now = System.nanoTime();
    tokens = Math.min(rate, tokens + (now - refilledNanos) / 1e9 * rate);
    refilledNanos = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  }
}
