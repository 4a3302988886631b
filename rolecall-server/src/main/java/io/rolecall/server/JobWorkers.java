package io.rolecall.server;

import io.rolecall.RolecallException;
import io.rolecall.auth.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's job runners: a few virtual threads that take queued jobs from the shared queue and run them, and a
 * watcher that stops a running job when anyone (this engine or another on the same store) asked to cancel it.
 * They poll, so jobs queued by another engine are picked up too; a job queued here wakes them at once.
 */
final class JobWorkers implements AutoCloseable {
  /** Runs one job's work; returns the inventory run id. Interrupted when the job is cancelled. */
  @FunctionalInterface
  interface Work {
    String run(JobQueue.Job job);
  }

  private final JobQueue queue;
  private final Work work;
  private final String runner;
  private final Duration poll;
  private final EngineLog log;
  private final Map<String, Thread> running = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Object wake = new Object();
  private volatile boolean closed;

  JobWorkers(JobQueue queue, Work work, String runner, Duration poll, EngineLog log) {
    this.queue = queue;
    this.work = work;
    this.runner = runner;
    this.poll = poll;
    this.log = log;
  }

  void start(int workers) {
    for (int i = 0; i < workers; i++) {
      threads.add(Thread.ofVirtual().name("rolecall-job-" + i).start(this::takeJobs));
    }
    threads.add(Thread.ofVirtual().name("rolecall-job-watch").start(this::watchCancels));
  }

  /** A job was queued here: look now rather than at the next poll. */
  void wake() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /** Stops a job this engine runs, at once (a cancel request that reached this engine). */
  void interrupt(String jobId) {
    Thread t = running.get(jobId);
    if (t != null) {
      t.interrupt();
    }
  }

  private void takeJobs() {
    while (!closed) {
      try {
        var job = queue.claim(runner);
        if (job.isPresent()) {
          run(job.get());
        } else {
          synchronized (wake) {
            wake.wait(poll.toMillis());
          }
        }
      } catch (InterruptedException e) {
        if (closed) {
          return;
        }
      } catch (RuntimeException e) {
        // The store was unreachable, say: log it and keep polling rather than lose the worker.
        log.info("job queue: " + Redactor.global().redact(String.valueOf(e.getMessage())));
        sleep();
      }
    }
  }

  private void run(JobQueue.Job job) {
    log.info("job " + job.id() + " started (" + job.kind() + ", by " + runner + ")");
    running.put(job.id(), Thread.currentThread());
    String status;
    String runId = null;
    String error = null;
    try {
      runId = work.run(job);
      status = JobQueue.DONE;
    } catch (RolecallException e) {
      status = JobQueue.FAILED;
      error = e.getMessage();
    } catch (RuntimeException e) {
      status = JobQueue.FAILED;
      error = "internal error: " + e.getClass().getName() + ": " + Redactor.global().redact(String.valueOf(e.getMessage()));
    } finally {
      running.remove(job.id());
    }
    Thread.interrupted(); // a cancel's interrupt must not break the bookkeeping below
    if (!JobQueue.DONE.equals(status) && queue.get(job.id()).map(JobQueue.Job::cancelRequested).orElse(false)) {
      status = JobQueue.CANCELLED;
      error = "cancelled";
    }
    queue.finish(job.id(), status, runId, error == null ? null : Redactor.global().redact(error));
    log.info("job " + job.id() + " " + status + (error == null ? "" : ": " + error));
  }

  private void watchCancels() {
    while (!closed) {
      try {
        if (!running.isEmpty()) {
          queue.cancelRequested(running.keySet()).forEach(this::interrupt);
        }
      } catch (RuntimeException e) {
        log.info("job watch: " + Redactor.global().redact(String.valueOf(e.getMessage())));
      }
      sleep();
    }
  }

  private void sleep() {
    try {
      Thread.sleep(poll);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    running.values().forEach(Thread::interrupt);
    threads.forEach(Thread::interrupt);
    for (Thread t : threads) {
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
