package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue on SQLite: concurrent claimers never take the same job; a cancelled queued job is never taken. */
class JobQueueTest {
  @TempDir
  Path dir;

  @Test
  void concurrentClaimersTakeEachJobOnce() throws Exception {
    try (var store = Store.open(dir.resolve("q.db").toString())) {
      var queue = new JobQueue(store, Clock.systemUTC());
      var ids = new ArrayList<String>();
      for (int i = 0; i < 50; i++) {
        ids.add(queue.enqueue(SyncJobs.KIND, null, "{}").id());
      }
      var taken = new ConcurrentLinkedQueue<String>();
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int t = 0; t < 8; t++) {
          String runner = "r" + t;
          pool.submit(() -> {
            for (var job = queue.claim(runner); job.isPresent(); job = queue.claim(runner)) {
              taken.add(job.get().id());
            }
            return null;
          });
        }
      }
      assertThat(taken).hasSize(50).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
      assertThat(queue.recent(100)).allSatisfy(j -> {
        assertThat(j.claims()).isEqualTo(1);
        assertThat(j.status()).isEqualTo(JobQueue.RUNNING);
      });
    }
  }

  @Test
  void aCancelledQueuedJobIsNeverTakenAndARunningOneIsFlagged() {
    try (var store = Store.open(dir.resolve("c.db").toString())) {
      var queue = new JobQueue(store, Clock.systemUTC());
      var first = queue.enqueue(SyncJobs.KIND, null, "{}");
      var second = queue.enqueue(SyncJobs.KIND, null, "{}");
      assertThat(queue.cancel(first.id()).orElseThrow().status()).isEqualTo(JobQueue.CANCELLED);
      var running = queue.claim("r").orElseThrow();
      assertThat(running.id()).isEqualTo(second.id());
      assertThat(queue.claim("r")).isEmpty();
      assertThat(queue.cancel(second.id()).orElseThrow().cancelRequested()).isTrue();
      assertThat(queue.cancelRequested(List.of(first.id(), second.id()))).contains(second.id());
    }
  }
}
