package io.rolecall.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * `inventory prune`: drops the snapshots of old runs — the newest {@code keepRuns} are kept, and with
 * {@code olderThan} the runs that started before that — but never the current state or the items it needs: a
 * run's items that are still some (account, part, region)'s current state stay. What a pruned run did (its outcomes
 * per account and part) stays as history; its items go. With {@code olderThan}, CloudTrail events older than that go
 * too. The audit journal is not the inventory's and is never pruned.
 */
public final class Prune {
  /** A run that has not finished within this long is taken for dead and may be pruned; a younger one is running. */
  static final Duration RUNNING = Duration.ofDays(1);

  public record Result(List<String> runs, long items, long events) {
    public java.util.Map<String, Object> json() {
      return java.util.Map.of("prunedRuns", runs, "items", items, "events", events);
    }
  }

  private Prune() {}

  public static Result run(InventoryStore store, Integer keepRuns, Duration olderThan, Instant now) {
    var runs = store.runs(Integer.MAX_VALUE, null);
    var candidates = new ArrayList<String>();
    for (int i = 0; i < runs.size(); i++) {
      var r = runs.get(i);
      boolean beyondKeep = keepRuns != null && i >= keepRuns;
      boolean tooOld = olderThan != null && r.startedAt().isBefore(now.minus(olderThan));
      boolean running = r.finishedAt() == null && r.startedAt().isAfter(now.minus(RUNNING));
      if ((beyondKeep || tooOld) && !running) {
        candidates.add(r.runId());
      }
    }
    return store.store().transaction(c -> {
      long items = 0;
      var pruned = new ArrayList<String>();
      for (String runId : candidates) {
        long n = Jdbc.update(c, "DELETE FROM inventory_item WHERE run_id = ? AND NOT EXISTS (SELECT 1 FROM"
            + " inventory_current k WHERE k.run_id = inventory_item.run_id AND k.account_id = inventory_item.account_id"
            + " AND k.part = inventory_item.part AND k.region = inventory_item.region)", List.of(runId));
        int parts = Jdbc.update(c, "UPDATE inventory_part SET pruned = 1 WHERE run_id = ? AND status = 'ok' AND"
            + " pruned = 0 AND NOT EXISTS (SELECT 1 FROM inventory_current k WHERE k.run_id = inventory_part.run_id"
            + " AND k.account_id = inventory_part.account_id AND k.part = inventory_part.part"
            + " AND k.region = inventory_part.region)", List.of(runId));
        if (n > 0 || parts > 0) {
          pruned.add(runId);
        }
        items += n;
      }
      long events = olderThan == null ? 0 : Jdbc.update(c, "DELETE FROM inventory_event WHERE event_time < ?",
          List.of(now.minus(olderThan)));
      if (items > 0) {
        // Content no item refers to any more. On PostgreSQL a sync may be writing items that refer to content it
        // found already stored: this lock waits for such writers to commit (they hold ROW EXCLUSIVE on the table
        // from their own inserts) and holds new ones off, so nothing in use is deleted. SQLite has one writer.
        if (store.store().kind() == io.rolecall.store.Store.Kind.POSTGRESQL) {
          Jdbc.update(c, "LOCK TABLE inventory_data IN SHARE ROW EXCLUSIVE MODE", List.of());
        }
        Jdbc.update(c, "DELETE FROM inventory_data WHERE hash NOT IN (SELECT data_hash FROM inventory_item)", List.of());
      }
      return new Result(pruned, items, events);
    });
  }
}
