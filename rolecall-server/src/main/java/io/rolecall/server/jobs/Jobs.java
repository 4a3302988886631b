package io.rolecall.server.jobs;

import io.rolecall.auth.AuthSettings;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.InventorySync;
import io.rolecall.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine's jobs and schedules, as the API and serve see them: queue, read and cancel sync jobs; create, list
 * and delete recurring syncs. Behind it, {@link EngineScheduler} runs them on db-scheduler across every engine on
 * the store.
 */
public final class Jobs implements AutoCloseable {
  /** What a job needs from the engine around it. */
  public record Setup(Store store, InventoryStore inventory, InventorySync sync,
                      Function<String, AuthSettings> instances, Function<String, InventorySync.Request> requests,
                      Runnable afterRun, Consumer<String> log, String runner, int threads,
                      EngineScheduler.Timing timing, Clock clock) {}

  private final JobStore jobs;
  private final ScheduleStore schedules;
  private final EngineScheduler scheduler;

  public Jobs(Setup s) {
    this.jobs = new JobStore(s.store(), s.clock());
    this.schedules = new ScheduleStore(s.store(), s.clock());
    var running = new RunningSteps();
    var work = new JobWork(s.sync(), s.inventory(), jobs, s.instances(), s.requests(), s.afterRun(), s.log(),
        s.runner(), running);
    this.scheduler = new EngineScheduler(s.store(), jobs, schedules, work, running, s.runner(), s.threads(),
        s.timing(), s.log());
  }

  public void start() {
    scheduler.start();
  }

  /** Queues a sync job; any engine on the store may plan it and sync its accounts. */
  public JobStore.Job enqueue(String instance, String requestJson) {
    var job = jobs.insert(JobStore.SYNC, instance, requestJson, null, null).orElseThrow();
    scheduler.planIfNotExists(job.id());
    scheduler.wake();
    return job;
  }

  public Optional<JobStore.Job> get(String id) {
    return jobs.get(id);
  }

  public List<JobStore.Job> recent(int limit) {
    return jobs.recent(limit);
  }

  public List<JobStore.Step> steps(String id) {
    return jobs.steps(id);
  }

  public Optional<JobStore.Job> cancel(String id) {
    return scheduler.cancel(id);
  }

  /**
   * Creates a recurring sync. With a null id, one is made from what it is (instance, schedule, request), so the
   * same {@code serve --schedule} given to every engine (or every restart) makes one schedule, not one each.
   * Returns the schedule and whether this call created it.
   */
  public Created createSchedule(String id, String instance, String spec, String requestJson, String origin) {
    String normalized = ScheduleSpec.check(spec, "schedule");
    String scheduleId = id != null ? id : derivedId(instance, normalized, requestJson);
    boolean created = schedules.insert(scheduleId, instance, normalized, requestJson, origin);
    // The task is created even when the row existed: a row without its task (an engine died between) is mended.
    scheduler.schedule(scheduleId, normalized);
    scheduler.wake();
    return new Created(schedules.get(scheduleId).orElseThrow(), created);
  }

  public record Created(ScheduleStore.Schedule schedule, boolean created) {}

  public List<ScheduleStore.Schedule> schedules() {
    return schedules.all();
  }

  public Optional<ScheduleStore.Schedule> schedule(String id) {
    return schedules.get(id);
  }

  /** Deletes a recurring sync; false when there is none by that id. Jobs it queued stay. */
  public boolean deleteSchedule(String id) {
    boolean deleted = schedules.delete(id);
    scheduler.unschedule(id);
    return deleted;
  }

  /** The jobs a schedule queued, oldest first. */
  public List<JobStore.Job> jobsOf(String scheduleId) {
    return jobs.ofSchedule(scheduleId);
  }

  static String derivedId(String instance, String spec, String requestJson) {
    String text = (instance == null ? "" : instance) + "\n" + spec + "\n" + requestJson;
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "s" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    scheduler.close();
  }
}
