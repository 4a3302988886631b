package io.rolecall.inventory;

import io.rolecall.aws.CallMeter;
import io.rolecall.aws.CallScope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on virtual threads, at most {@code parallelism} at once, each inside the account's {@link CallScope}
 * (scoped values are not inherited by plain threads). Waits for all; the first failure (in the tasks' order) is
 * rethrown as it was, after every task has run.
 *
 * <p>At most {@code parallelism} threads are started, each taking the next task until none is left, rather than one
 * thread per task: the SDK keeps per-thread state (its XML parser factory, MessageDigest and Mac instances) in
 * thread-locals, which a thread that makes one call builds for that call alone. A user's ListAccessKeys on a thread of
 * its own paid for all of it on every call.
 */
final class Parallel {
  private Parallel() {}

  static void run(CallScope scope, int parallelism, List<Runnable> tasks) {
    if (tasks.size() == 1) {
      tasks.getFirst().run();
      return;
    }
    int workers = Math.min(Math.max(1, parallelism), tasks.size());
    var next = new AtomicInteger();
    var failures = new Throwable[tasks.size()];
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<Future<Object>>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> CallMeter.within(scope, () -> {
          for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
            if (Thread.currentThread().isInterrupted()) {
              throw new InterruptedException(); // cancelled: the tasks not started are not started
            }
            try {
              tasks.get(i).run();
            } catch (Throwable t) {
              failures[i] = t;
            }
          }
          return null;
        })));
      }
      for (var f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.rolecall.CommandFailedException("inventory: interrupted");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
    for (Throwable t : failures) {
      if (t instanceof RuntimeException re) {
        throw re;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }
  }
}
