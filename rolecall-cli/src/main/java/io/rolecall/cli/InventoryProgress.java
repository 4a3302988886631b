package io.rolecall.cli;

import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.InventorySync;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What `inventory sync` shows while it runs, on stderr (stdout stays for the result): on a terminal a progress
 * bar redrawn in place (accounts done / total, calls, throttles, elapsed), otherwise one plain line per account.
 */
final class InventoryProgress implements InventorySync.Listener, AutoCloseable {
  private static final int WIDTH = 30;

  private final PrintStream err;
  private final boolean terminal;
  private final LongAdder calls = new LongAdder();
  private final LongAdder throttled = new LongAdder();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final long start = System.nanoTime();
  private volatile int total;
  private Thread ticker;

  InventoryProgress(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void started(String runId, List<String> accounts, List<String> regions) {
    total = accounts.size();
    err.println("inventory: run " + runId + ": " + accounts.size() + " account(s), region(s) " + String.join(",", regions));
    if (terminal) {
      ticker = Thread.ofVirtual().start(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          draw();
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }
  }

  @Override
  public void call() {
    calls.increment();
  }

  @Override
  public void accountDone(InventoryStore.AccountStatus outcome) {
    int n = done.incrementAndGet();
    throttled.add(outcome.throttled());
    if (!outcome.ok()) {
      failed.incrementAndGet();
    }
    if (!terminal) {
      err.println("inventory: " + outcome.accountId() + " " + outcome.status() + " (" + outcome.apiCalls() + " calls, "
          + outcome.throttled() + " throttled) [" + n + "/" + total + "]"
          + (outcome.error() == null ? "" : ": " + outcome.error()));
    }
  }

  private synchronized void draw() {
    int n = done.get();
    int filled = total == 0 ? WIDTH : n * WIDTH / total;
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total + " accounts  "
        + calls.sum() + " calls  " + throttled.sum() + " throttled  " + (failed.get() > 0 ? failed.get() + " failed  " : "")
        + String.format("%d:%02d", seconds / 60, seconds % 60));
    err.flush();
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.interrupt();
      try {
        ticker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ticker = null;
      draw();
      err.println();
    }
  }
}
