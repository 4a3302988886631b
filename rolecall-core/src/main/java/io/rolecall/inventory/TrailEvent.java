package io.rolecall.inventory;

import java.time.Instant;

/** A CloudTrail management event as stored; {@code cloudTrailEvent} is the full record (JSON) as AWS gave it. */
public record TrailEvent(String accountId, String region, String eventId, Instant eventTime, String eventName,
                         String eventSource, String username, Boolean readOnly, String accessKeyId,
                         String cloudTrailEvent) {}
