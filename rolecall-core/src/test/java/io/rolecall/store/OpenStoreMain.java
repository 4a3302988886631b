package io.rolecall.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A process that opens a store the moment its siblings are ready too: {@code OpenStoreMain DB BARRIER-DIR ID COUNT}
 * writes BARRIER-DIR/ID, waits (60 s at most) until COUNT such files exist, then opens DB, writes a journal check,
 * and exits 0, or prints the failure and exits 2.
 */
public final class OpenStoreMain {
  private OpenStoreMain() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    Path barrier = Path.of(args[1]);
    Files.createFile(barrier.resolve(args[2]));
    int count = Integer.parseInt(args[3]);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (var ready = Files.list(barrier)) {
        if (ready.count() >= count) {
          break;
        }
      }
      if (System.nanoTime() > deadline) {
        System.out.println("barrier: the other processes did not start");
        System.exit(3);
      }
      Thread.onSpinWait();
    }
    try (var store = Store.open(db.toString())) {
      store.auditJournal().checkWritable();
      System.out.println("ok");
    } catch (RuntimeException e) {
      System.out.println(e.getMessage());
      System.exit(2);
    }
  }
}
