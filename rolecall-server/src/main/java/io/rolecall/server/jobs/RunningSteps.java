package io.rolecall.server.jobs;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The steps this engine is working on, by job, so that a cancel (asked of any engine) reaches their threads: the
 * engine that received it interrupts its own at once, and every engine's watcher finds the others' in the store.
 */
final class RunningSteps {
  private final Map<String, Set<Thread>> byJob = new ConcurrentHashMap<>();

  void started(String jobId) {
    byJob.computeIfAbsent(jobId, k -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread());
  }

  void ended(String jobId) {
    byJob.computeIfPresent(jobId, (k, threads) -> {
      threads.remove(Thread.currentThread());
      return threads.isEmpty() ? null : threads;
    });
  }

  Set<String> jobs() {
    return Set.copyOf(byJob.keySet());
  }

  void interrupt(String jobId) {
    var threads = byJob.get(jobId);
    if (threads != null) {
      threads.forEach(Thread::interrupt);
    }
  }
}
