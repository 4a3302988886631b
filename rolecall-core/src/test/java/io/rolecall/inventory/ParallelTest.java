package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.aws.CallScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {
  static final CallScope NO_SCOPE = new CallScope() {
    @Override
    public void beforeAttempt(String service, String operation, String region) {}

    @Override
    public void afterAttempt(String service, String operation, boolean throttled) {}
  };

  @Test
  void everyTaskRunsOnAtMostParallelismThreadsWithAtMostThatManyAtOnce() {
    var threads = ConcurrentHashMap.<Thread>newKeySet();
    var running = new AtomicInteger();
    var most = new AtomicInteger();
    var done = new AtomicInteger();
    var tasks = new ArrayList<Runnable>();
    for (int i = 0; i < 50; i++) {
      tasks.add(() -> {
        threads.add(Thread.currentThread());
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        Thread.yield();
        running.decrementAndGet();
        done.incrementAndGet();
      });
    }
    Parallel.run(NO_SCOPE, 4, tasks);
    assertThat(done).hasValue(50);
    // The SDK caches its XML parser factory and signing Mac per thread: 50 tasks reuse 4 threads' caches.
    assertThat(threads).hasSizeLessThanOrEqualTo(4);
    assertThat(most.get()).isBetween(1, 4);
  }

  @Test
  void theWorkersRunTogether() throws Exception {
    var together = new CountDownLatch(3);
    var tasks = new ArrayList<Runnable>();
    Set<Boolean> met = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < 3; i++) {
      tasks.add(() -> {
        together.countDown();
        try {
          met.add(together.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    Parallel.run(NO_SCOPE, 3, tasks);
    assertThat(met).containsExactly(true);
  }

  @Test
  void theFirstFailureInTaskOrderIsRethrownAfterEveryTaskRan() {
    var ran = new AtomicInteger();
    List<Runnable> tasks = List.of(
        ran::incrementAndGet,
        () -> {
          ran.incrementAndGet();
          throw new IllegalArgumentException("second");
        },
        ran::incrementAndGet,
        () -> {
          ran.incrementAndGet();
          throw new IllegalStateException("fourth");
        },
        ran::incrementAndGet);
    assertThatThrownBy(() -> Parallel.run(NO_SCOPE, 2, tasks))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("second");
    assertThat(ran).hasValue(5);
  }
}
