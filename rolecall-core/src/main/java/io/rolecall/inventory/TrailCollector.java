package io.rolecall.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;

/**
 * One account's CloudTrail management events in one region, incrementally: from the checkpoint the previous
 * sync saved (less {@link #DELIVERY_LAG}, since CloudTrail may show an event minutes after it happened) up to
 * this sync's start. Events already stored are skipped by id, so the overlap never duplicates anything; the new
 * checkpoint is queued after the events, so it is saved only once they are.
 */
final class TrailCollector {
  /** LookupEvents' largest page. */
  static final int PAGE = 50;
  /** How late an event may appear in the event history after it happened (CloudTrail: typically within 5 min). */
  static final Duration DELIVERY_LAG = Duration.ofMinutes(15);
  /** CloudTrail keeps 90 days of event history. */
  static final Duration HISTORY = Duration.ofDays(90);

  private final CloudTrailClient trail;
  private final String accountId;
  private final String region;
  private final StoreWriter writer;

  TrailCollector(CloudTrailClient trail, String accountId, String region, StoreWriter writer) {
    this.trail = trail;
    this.accountId = accountId;
    this.region = region;
    this.writer = writer;
  }

  /**
   * @param checkpoint up to when an earlier sync read, if one did
   * @param firstSince how far back the first sync of an account and region reads
   * @param until the end of this sync's window (its start time)
   * @param newEvents counts the events that turn out to be new
   */
  void collect(Instant checkpoint, Duration firstSince, Instant until, LongAdder newEvents) {
    Instant oldest = until.minus(HISTORY);
    Instant from = checkpoint != null ? checkpoint.minus(DELIVERY_LAG) : until.minus(firstSince);
    Instant start = from.isBefore(oldest) ? oldest : from;
    IamCollector.call("cloudtrail:LookupEvents in " + region, () -> {
      for (var page : trail.lookupEventsPaginator(r -> r.startTime(start).endTime(until).maxResults(PAGE))) {
        var events = new ArrayList<TrailEvent>();
        for (Event e : page.events()) {
          events.add(new TrailEvent(accountId, region, e.eventId(), e.eventTime(), e.eventName(), e.eventSource(),
              e.username(), e.readOnly() == null ? null : Boolean.parseBoolean(e.readOnly()), e.accessKeyId(),
              e.cloudTrailEvent()));
        }
        if (!events.isEmpty()) {
          writer.events(events, newEvents::add);
        }
      }
      return null;
    });
    writer.checkpoint(accountId, region, until);
  }
}
