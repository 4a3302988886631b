package io.rolecall.inventory;

import io.rolecall.aws.CallMeter;
import io.rolecall.aws.CallScope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs tasks on virtual threads, at most {@code parallelism} at once, each inside the account's {@link CallScope}
 * (scoped values are not inherited by plain threads). Waits for all; the first failure is rethrown as it was.
 */
final class Parallel {
  private Parallel() {}

  static void run(CallScope scope, int parallelism, List<Runnable> tasks) {
    if (tasks.size() == 1) {
      tasks.getFirst().run();
      return;
    }
    var permits = new Semaphore(parallelism);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<Future<Object>>();
      for (Runnable task : tasks) {
        futures.add(pool.submit(() -> {
          permits.acquire();
          try {
            return CallMeter.within(scope, () -> {
              task.run();
              return null;
            });
          } finally {
            permits.release();
          }
        }));
      }
      for (var f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.rolecall.CommandFailedException("inventory: interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
