package io.rolecall.inventory;

import io.rolecall.CommandFailedException;
import io.rolecall.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

/**
 * Writes what collectors find, page by page, on one writer thread: collectors hand over a page and go on calling
 * AWS. The queue is bounded, so a slow store slows collection instead of filling memory, and the writer commits
 * whatever has queued up in one transaction (SQLite fsyncs once per commit, not once per page). Pages of one
 * collector are written in the order given, so a checkpoint queued after its events is saved after them.
 */
final class StoreWriter implements AutoCloseable {
  /** Pages waiting at most; with pages of at most 1000 items this bounds the memory held for the store. */
  static final int QUEUE = 64;
  private static final int PAGES_PER_COMMIT = 32;

  private sealed interface Page permits Items, Events, Checkpoint, PartDone, Stop {}

  private record Items(List<Item> items) implements Page {}

  private record Events(List<TrailEvent> events, IntConsumer inserted) implements Page {}

  private record Checkpoint(String accountId, String region, Instant readUntil) implements Page {}

  private record PartDone(InventoryStore.PartOutcome outcome) implements Page {}

  private record Stop() implements Page {}

  private final Store store;
  private final String runId;
  private final BlockingQueue<Page> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread thread;
  private volatile RuntimeException failure;

  StoreWriter(Store store, String runId) {
    this.store = store;
    this.runId = runId;
    this.thread = Thread.ofVirtual().name("inventory-writer").start(this::loop);
  }

  void items(List<Item> items) {
    if (!items.isEmpty()) {
      put(new Items(List.copyOf(items)));
    }
  }

  /** Queues events; {@code inserted} later learns how many were new (not stored by an earlier sync). */
  void events(List<TrailEvent> events, IntConsumer inserted) {
    put(new Events(List.copyOf(events), inserted));
  }

  void checkpoint(String accountId, String region, Instant readUntil) {
    put(new Checkpoint(accountId, region, readUntil));
  }

  /**
   * Queues a part's outcome after its pages: the part becomes current only once everything it stored is written
   * (and a failed part's pages are dropped in the same transaction as its outcome is recorded).
   */
  void partDone(InventoryStore.PartOutcome outcome) {
    put(new PartDone(outcome));
  }

  private void put(Page page) {
    failIfBroken();
    try {
      queue.put(page);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("inventory: interrupted");
    }
  }

  private void loop() {
    var batch = new ArrayList<Page>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, PAGES_PER_COMMIT - 1);
      boolean stop = batch.removeIf(p -> p instanceof Stop);
      if (failure == null && !batch.isEmpty()) {
        try {
          store.transaction(c -> {
            for (Page p : batch) {
              write(c, p);
            }
            return null;
          });
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      batch.clear();
      if (stop) {
        return;
      }
    }
  }

  private void write(Connection c, Page page) throws SQLException {
    switch (page) {
      case Items i -> InventoryStore.insertItems(c, runId, i.items());
      case Events e -> e.inserted().accept(InventoryStore.insertEvents(c, runId, e.events()));
      case Checkpoint cp -> InventoryStore.saveCheckpoint(c, cp.accountId(), cp.region(), cp.readUntil(), runId);
      case PartDone d -> InventoryStore.recordPart(c, d.outcome());
      case Stop s -> { }
    }
  }

  private void failIfBroken() {
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Writes everything queued, then stops; a store failure on the way is thrown here. When the caller was
   * interrupted (a cancelled job), the writer is stopped without writing the rest, and never left parked.
   */
  @Override
  public void close() {
    boolean interrupted = Thread.interrupted();
    try {
      if (interrupted) {
        thread.interrupt();
      } else {
        queue.put(new Stop());
      }
      thread.join();
    } catch (InterruptedException e) {
      interrupted = true;
      thread.interrupt();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("inventory: interrupted while writing to the store");
    }
    failIfBroken();
  }
}
