package io.rolecall.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.RolecallException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Redactor;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.InventorySync;
import io.rolecall.render.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the scheduler's tasks do, each idempotent, since any of them may be run again by another engine after its
 * engine died: plan a job (fix its run and steps, once), sync one account or the run's organization step (forgetting
 * a dead attempt's rows first), finish a job (once every step is done). The rows of {@link JobStore} say what is done already.
 */
final class JobWork {
  /** What a job's planning schedules: one task per step, and the finishing task. */
  interface Tasks {
    void steps(String jobId, List<String> steps, boolean first);

    void finish(String jobId);
  }

  /** Attempts at a step that failed unexpectedly (the store went away, say) before it is recorded as failed. */
  static final int MAX_ATTEMPTS = 3;

  private final InventorySync sync;
  private final InventoryStore inventory;
  private final JobStore jobs;
  private final Function<String, AuthSettings> instances;
  private final Function<String, InventorySync.Request> requests;
  private final Runnable afterRun;
  private final Consumer<String> log;
  private final String runner;
  private final RunningSteps running;
  private Tasks tasks;

  JobWork(InventorySync sync, InventoryStore inventory, JobStore jobs, Function<String, AuthSettings> instances,
      Function<String, InventorySync.Request> requests, Runnable afterRun, Consumer<String> log, String runner,
      RunningSteps running) {
    this.sync = sync;
    this.inventory = inventory;
    this.jobs = jobs;
    this.instances = instances;
    this.requests = requests;
    this.afterRun = afterRun;
    this.log = log;
    this.runner = runner;
    this.running = running;
  }

  void tasks(Tasks tasks) {
    this.tasks = tasks;
  }

  /** Fixes the job's run (accounts resolved, run recorded) once, then schedules every step not done yet. */
  void plan(String jobId) {
    var job = jobs.get(jobId).orElse(null);
    if (job == null || job.finished()) {
      return;
    }
    boolean first = false;
    if (job.plan() == null) {
      InventorySync.Plan plan;
      try {
        plan = sync.begin(instances.apply(job.instance()), requests.apply(job.request()));
      } catch (RolecallException e) {
        jobs.finish(jobId, JobStore.FAILED, null, Redactor.global().redact(e.getMessage()));
        log.accept("job " + jobId + " failed: " + e.getMessage());
        return;
      }
      var request = plan.request();
      // A sync of organizational parts only (identitycenter, organizations) has no per-account steps.
      first = jobs.plan(jobId, planJson(plan), plan.runId(), runner,
          request.perAccount() ? plan.accounts() : List.of(), request.organizational());
      job = jobs.get(jobId).orElseThrow();
      if (job.finished() || job.plan() == null) {
        return;
      }
      log.accept("job " + jobId + " started (run " + job.runId() + ", " + job.stepsTotal() + " steps, planned by "
          + runner + ")");
      plan.notices().forEach(n -> log.accept("job " + jobId + ": " + n));
    }
    var open = jobs.openSteps(jobId).stream().map(JobStore.Step::step).toList();
    if (!open.isEmpty()) {
      tasks.steps(jobId, open, first);
    } else {
      tasks.finish(jobId);
    }
  }

  /**
   * Syncs one account of a planned job, or its organization step, once: a step done already is skipped; a dead
   * attempt's rows are forgotten.
   */
  void step(String jobId, String step) {
    var job = jobs.get(jobId).orElse(null);
    if (job == null || job.finished() || job.plan() == null) {
      return;
    }
    int before = jobs.begin(jobId, step, runner);
    if (before >= 0) {
      var plan = plan(job);
      boolean org = step.equals(JobStore.ORGANIZATION);
      String what = org ? "the organization step" : "account " + step;
      if (before > 0) {
        int forgotten = forget(plan, step);
        log.accept("job " + jobId + ": " + what + " redone by " + runner + " (attempt " + (before + 1)
            + ", " + forgotten + " rows of the earlier attempt forgotten)");
      }
      InventoryStore.AccountStatus status;
      running.started(jobId);
      try {
        status = org ? sync.syncOrganization(plan, InventorySync.Listener.NONE)
            : sync.syncAccount(plan, step, InventorySync.Listener.NONE);
      } catch (RuntimeException e) {
        boolean interrupted = Thread.interrupted();
        if (jobs.get(jobId).map(JobStore.Job::finished).orElse(true)) {
          return; // cancelled meanwhile: nothing more to record
        }
        if (interrupted || before + 1 < MAX_ATTEMPTS) {
          throw e; // the engine is stopping, or a passing failure: the scheduler runs the step again
        }
        String error = "internal error: " + e.getClass().getSimpleName() + ": "
            + Redactor.global().redact(String.valueOf(e.getMessage()));
        status = new InventoryStore.AccountStatus(step, InventoryStore.AccountStatus.ERROR, error, 0, 0, 0);
        forget(plan, step);
        if (!org) {
          inventory.recordAccounts(plan.runId(), List.of(status));
        }
      } finally {
        running.ended(jobId);
      }
      Thread.interrupted(); // a cancel that came after the work must not break the bookkeeping
      jobs.complete(jobId, step, status.status(), status.error());
    }
    if (jobs.open(jobId) == 0) {
      tasks.finish(jobId);
    }
  }

  /** Marks the run finished, brings findings up to date, applies retention, and ends the job: once. */
  void finish(String jobId) {
    var job = jobs.get(jobId).orElse(null);
    if (job == null || !job.status().equals(JobStore.RUNNING) || job.plan() == null || jobs.open(jobId) > 0) {
      return;
    }
    sync.finish(plan(job));
    afterRun.run();
    if (jobs.finish(jobId, JobStore.DONE, job.runId(), null)) {
      var done = jobs.get(jobId).orElseThrow();
      log.accept("job " + jobId + " done (run " + done.runId() + ": " + done.stepsDone() + " accounts, "
          + done.stepsFailed() + " not ok)");
    }
  }

  private int forget(InventorySync.Plan plan, String step) {
    return step.equals(JobStore.ORGANIZATION) ? inventory.forgetOrganizationAttempt(plan.runId())
        : inventory.forgetAttempt(plan.runId(), step);
  }

  private InventorySync.Plan plan(JobStore.Job job) {
    JsonNode p;
    try {
      p = Json.mapper().readTree(job.plan());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("job " + job.id() + ": stored plan is not JSON", e);
    }
    var accounts = new ArrayList<String>();
    p.get("accounts").forEach(a -> accounts.add(a.asText()));
    var regions = new ArrayList<String>();
    p.get("regions").forEach(r -> regions.add(r.asText()));
    var notices = new ArrayList<String>();
    p.path("notices").forEach(n -> notices.add(n.asText()));
    return new InventorySync.Plan(p.get("runId").asText(), Instant.parse(p.get("started").asText()), accounts, regions,
        requests.apply(job.request()), instances.apply(job.instance()), p.path("baseAccountId").asText(null),
        p.path("baseRegion").asText(null), notices);
  }

  private static String planJson(InventorySync.Plan plan) {
    var m = new LinkedHashMap<String, Object>();
    m.put("runId", plan.runId());
    m.put("started", plan.started().toString());
    m.put("accounts", plan.accounts());
    m.put("regions", plan.regions());
    // The organization step runs with the base identity the planning found (any engine may run it).
    m.put("baseAccountId", plan.baseAccountId());
    m.put("baseRegion", plan.baseRegion());
    m.put("notices", plan.notices());
    return Json.write(m);
  }
}
