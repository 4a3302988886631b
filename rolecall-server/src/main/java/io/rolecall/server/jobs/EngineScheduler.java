package io.rolecall.server.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.rolecall.auth.Redactor;
import io.rolecall.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The engine's jobs on db-scheduler (docs/engine.md): an inventory job is a planning task, one task per step (an
 * account) and a finishing task, all rows of scheduled_tasks in the store, so every engine on the store takes part
 * and any engine may pick up any step. Executions heartbeat every {@link Timing#heartbeat}; one whose engine died
 * (no heartbeat for {@link Timing#deadAfter}) is revived and run again by a live engine, or by the same engine
 * after a restart. Recurring syncs are tasks of their own, one row per schedule, so a period fires once whatever
 * the number of engines.
 */
public final class EngineScheduler implements AutoCloseable {
  static final String PLAN = "sync-plan";
  static final String STEP = "sync-step";
  static final String FINISH = "sync-finish";
  static final String SCHEDULE = "sync-schedule";

  /**
   * How often the scheduler looks for due work, how often running executions heartbeat, and after how many missed
   * heartbeats an execution counts as dead. A dead engine's steps are taken over within about
   * {@code heartbeat × (missed + 2) + poll}.
   */
  public record Timing(Duration poll, Duration heartbeat, int missed) {
    public static final Timing DEFAULT = new Timing(Duration.ofSeconds(1), Duration.ofSeconds(2), 4);

    public Duration deadAfter() {
      return heartbeat.multipliedBy(missed);
    }

    public Duration takeover() {
      return heartbeat.multipliedBy(missed + 2L).plus(poll);
    }
  }

  private final Scheduler scheduler;
  private final JobStore jobs;
  private final ScheduleStore schedules;
  private final RunningSteps running;
  private final Consumer<String> log;
  private final Timing timing;
  private final OneTimeTask<TaskData.JobRef> plan;
  private final OneTimeTask<TaskData.StepRef> step;
  private final OneTimeTask<TaskData.JobRef> finish;
  private final CustomTask<TaskData.ScheduleRef> fire;
  private final int threads;
  private volatile boolean closed;
  private Thread watcher;

  EngineScheduler(Store store, JobStore jobs, ScheduleStore schedules, JobWork work, RunningSteps running,
      String runner, int threads, Timing timing, Consumer<String> log) {
    this.jobs = jobs;
    this.schedules = schedules;
    this.running = running;
    this.log = log;
    this.timing = timing;
    this.threads = threads;
    // A failure that is no AWS answer (the store went away): try again shortly, on whichever engine is up.
    FailureHandler<TaskData.JobRef> retryJob = new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5));
    this.plan = Tasks.oneTime(PLAN, TaskData.JobRef.class).onFailure(retryJob)
        .execute((instance, ctx) -> work.plan(instance.getData().jobId()));
    this.step = Tasks.oneTime(STEP, TaskData.StepRef.class)
        .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
        .execute((instance, ctx) -> work.step(instance.getData().jobId(), instance.getData().step()));
    this.finish = Tasks.oneTime(FINISH, TaskData.JobRef.class).onFailure(retryJob)
        .execute((instance, ctx) -> work.finish(instance.getData().jobId()));
    this.fire = Tasks.custom(SCHEDULE, TaskData.ScheduleRef.class)
        // A dead firing is revived for the period it was planned for, so the period's job is queued once.
        .onDeadExecution((complete, ops) -> ops.reschedule(complete, complete.getExecution().executionTime))
        .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
        .execute((instance, ctx) -> fire(instance, ctx.getExecution().executionTime));
    work.tasks(new JobWork.Tasks() {
      @Override
      public void steps(String jobId, List<String> names, boolean first) {
        scheduleSteps(jobId, names, first);
      }

      @Override
      public void finish(String jobId) {
        scheduler.scheduleIfNotExists(finish.instance(jobId, new TaskData.JobRef(jobId)), Clock.systemUTC().instant());
      }
    });
    this.scheduler = Scheduler.create(store.dataSource(), List.of(plan, step, finish, fire))
        .schedulerName(new SchedulerName.Fixed(runner))
        .serializer(new JsonTaskSerializer())
        .threads(Math.max(1, threads))
        // At most `threads` at once: the scheduler picks an execution (claims it in the store) only when one of
        // these takes it up, so the rest stay free for the other engines.
        .executorService(Executors.newFixedThreadPool(Math.max(1, threads),
            Thread.ofVirtual().name("rolecall-task-", 0).factory()))
        .pollingInterval(timing.poll())
        .heartbeatInterval(timing.heartbeat())
        .missedHeartbeatsLimit(timing.missed())
        // The store's connections do not auto-commit: the scheduler must commit what it writes.
        .commitWhenAutocommitDisabled(true)
        .enableImmediateExecution()
        .shutdownMaxWait(Duration.ofSeconds(5))
        .failureLogging(com.github.kagkarlsson.scheduler.logging.LogLevel.DEBUG, false)
        .build();
  }

  /** Starts running tasks (an engine with no workers only queues them for the others). */
  void start() {
    if (threads == 0) {
      return;
    }
    reconcile();
    scheduler.start();
    watcher = Thread.ofVirtual().name("rolecall-cancel-watch").start(this::watchCancels);
  }

  /** Queues a job's planning task (once); the job is the row the caller made. */
  void planIfNotExists(String jobId) {
    scheduler.scheduleIfNotExists(plan.instance(jobId, new TaskData.JobRef(jobId)), Clock.systemUTC().instant());
  }

  /** Jobs queued by an engine that died before their planning task was stored get it now. */
  private void reconcile() {
    for (var job : jobs.unplanned()) {
      planIfNotExists(job.id());
    }
  }

  private void scheduleSteps(String jobId, List<String> names, boolean first) {
    var now = Clock.systemUTC().instant();
    if (first) {
      var batch = new ArrayList<TaskInstance<?>>();
      names.forEach(n -> batch.add(step.instance(jobId + "/" + n, new TaskData.StepRef(jobId, n))));
      scheduler.scheduleBatch(batch, now);
    } else {
      names.forEach(n -> scheduler.scheduleIfNotExists(step.instance(jobId + "/" + n, new TaskData.StepRef(jobId, n)),
          now));
    }
  }

  /**
   * Cancels a job: its row says cancelled at once; its tasks not yet running are removed, and the ones running
   * (here or on another engine) are interrupted by their engine.
   */
  Optional<JobStore.Job> cancel(String jobId) {
    var job = jobs.cancel(jobId);
    running.interrupt(jobId);
    var ids = new ArrayList<TaskInstanceId>();
    ids.add(TaskInstanceId.of(PLAN, jobId));
    ids.add(TaskInstanceId.of(FINISH, jobId));
    for (var s : jobs.steps(jobId)) {
      if (!s.status().equals(JobStore.DONE)) {
        ids.add(TaskInstanceId.of(STEP, jobId + "/" + s.step()));
      }
    }
    for (var id : ids) {
      try {
        scheduler.cancel(id);
      } catch (TaskInstanceCurrentlyExecutingException | TaskInstanceNotFoundException ignored) {
        // running: its engine stops it (the watcher); not there: done or never scheduled
      }
    }
    return job;
  }

  /** Creates a recurring sync's task (first firing at once); false when a schedule with this id exists. */
  boolean schedule(String scheduleId, String spec) {
    var ref = new TaskData.ScheduleRef(scheduleId, spec);
    var first = ref.getSchedule().getInitialExecutionTime(Clock.systemUTC().instant());
    return scheduler.scheduleIfNotExists(fire.instance(scheduleId, ref), first);
  }

  void unschedule(String scheduleId) {
    try {
      scheduler.cancel(TaskInstanceId.of(SCHEDULE, scheduleId));
    } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException ignored) {
      // gone already, or firing now: the firing finds no schedule row and removes its task
    }
  }

  /** Queues the period's job (once per period, whichever engine fires it) and plans the next firing. */
  private CompletionHandler<TaskData.ScheduleRef> fire(TaskInstance<TaskData.ScheduleRef> instance,
      java.time.Instant period) {
    var ref = instance.getData();
    var schedule = schedules.get(ref.scheduleId()).orElse(null);
    if (schedule == null) {
      return new CompletionHandler.OnCompleteRemove<>();
    }
    var job = jobs.insert(JobStore.SYNC, schedule.instance(), schedule.request(), schedule.id(), period);
    if (job.isPresent()) {
      planIfNotExists(job.get().id());
      schedules.fired(schedule.id(), job.get().id(), Clock.systemUTC().instant());
      log.accept("schedule " + schedule.id() + " (" + schedule.spec() + ") queued job " + job.get().id());
    } else {
      // This period fired already (a firing revived after its engine died): make sure its job gets planned.
      jobs.forPeriod(schedule.id(), period).filter(j -> j.plan() == null && !j.finished())
          .ifPresent(j -> planIfNotExists(j.id()));
    }
    return new CompletionHandler.OnCompleteReschedule<>(ref.getSchedule());
  }

  /**
   * Interrupts this engine's steps of jobs cancelled through another engine; now and then, also plans jobs left
   * queued without their planning task (the store failed between the two writes).
   */
  private void watchCancels() {
    long rounds = 0;
    while (!closed) {
      try {
        var mine = running.jobs();
        if (!mine.isEmpty()) {
          jobs.cancelled(mine).forEach(running::interrupt);
        }
        if (++rounds % 30 == 0) {
          reconcile();
        }
      } catch (RuntimeException e) {
        log.accept("cancel watch: " + Redactor.global().redact(String.valueOf(e.getMessage())));
      }
      try {
        Thread.sleep(timing.poll());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Wakes the scheduler: work was queued here, so look now rather than at the next poll. */
  void wake() {
    if (threads > 0) {
      scheduler.triggerCheckForDueExecutions();
    }
  }

  @Override
  public void close() {
    closed = true;
    if (watcher != null) {
      watcher.interrupt();
    }
    if (threads > 0) {
      scheduler.stop();
    }
  }
}
