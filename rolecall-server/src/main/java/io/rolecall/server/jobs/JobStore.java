package io.rolecall.server.jobs;

import io.rolecall.render.Json;
import io.rolecall.store.Store;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's jobs and their steps as rows (engine_job, engine_job_step; migrations V3 and V7): what each job is,
 * where it stands, and each step's attempts and outcome. The scheduler decides who runs what and when; these rows
 * say what came of it, and make every step's bookkeeping idempotent (a step is counted done once, whoever redid it).
 */
public final class JobStore {
  public static final String QUEUED = "queued";
  public static final String RUNNING = "running";
  public static final String DONE = "done";
  public static final String FAILED = "failed";
  public static final String CANCELLED = "cancelled";

  /** The kind of job there is so far: an inventory sync. */
  public static final String SYNC = "inventory-sync";

  /**
   * Step kinds: one per account of the run, and the run's organization step (Identity Center, SCPs), whose step name
   * is {@link #ORGANIZATION} too (no account id looks like it).
   */
  public static final String ACCOUNT = "account";
  public static final String ORGANIZATION = "organization";

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final String COLUMNS = "job_id, kind, instance, request, status, created_at, started_at, finished_at,"
      + " runner, claims, cancel_requested, run_id, error, plan, steps_total, steps_done, steps_failed, schedule_id,"
      + " scheduled_for, (SELECT s.status || ':' || COALESCE(s.outcome, '') FROM engine_job_step s WHERE"
      + " s.job_id = engine_job.job_id AND s.kind = 'organization') AS org_step";

  /**
   * A job as stored; {@code request} is the sync request's JSON, {@code plan} the run's once planned. The steps
   * counted are every account's and the organization step's; {@code orgStep} is the latter's "status:outcome"
   * (null when the run has none).
   */
  public record Job(String id, String kind, String instance, String request, String status, String createdAt,
                    String startedAt, String finishedAt, String runner, int claims, boolean cancelRequested,
                    String runId, String error, String plan, int stepsTotal, int stepsDone, int stepsFailed,
                    String scheduleId, String scheduledFor, String orgStep) {

    public boolean finished() {
      return status.equals(DONE) || status.equals(FAILED) || status.equals(CANCELLED);
    }

    /** The job as the API shows it. */
    public Map<String, Object> json() {
      var m = new LinkedHashMap<String, Object>();
      m.put("id", id);
      m.put("kind", kind);
      m.put("instance", instance);
      try {
        m.put("request", Json.mapper().readTree(request));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        m.put("request", request);
      }
      m.put("status", status);
      m.put("createdAt", createdAt);
      m.put("startedAt", startedAt);
      m.put("finishedAt", finishedAt);
      m.put("runner", runner);
      m.put("cancelRequested", cancelRequested);
      m.put("runId", runId);
      m.put("error", error);
      // What the planning decided otherwise than asked (no organization behind accounts "all"), one line each.
      var notices = new java.util.ArrayList<String>();
      if (plan != null) {
        try {
          Json.mapper().readTree(plan).path("notices").forEach(n -> notices.add(n.asText()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          // a plan that is not JSON has no notices to show
        }
      }
      m.put("notices", notices);
      // The job's steps are its accounts and its organization step (if any), which is shown on its own.
      boolean org = orgStep != null;
      String orgStatus = org ? orgStep.substring(0, orgStep.indexOf(':')) : null;
      String orgOutcome = org && orgStep.indexOf(':') + 1 < orgStep.length()
          ? orgStep.substring(orgStep.indexOf(':') + 1) : null;
      boolean orgDone = DONE.equals(orgStatus);
      var accounts = new LinkedHashMap<String, Object>();
      accounts.put("total", stepsTotal - (org ? 1 : 0));
      accounts.put("done", stepsDone - (orgDone ? 1 : 0));
      accounts.put("failed", stepsFailed - (orgDone && !"ok".equals(orgOutcome) ? 1 : 0));
      m.put("accounts", accounts);
      if (org) {
        var o = new LinkedHashMap<String, Object>();
        o.put("status", orgStatus);
        o.put("outcome", orgOutcome);
        m.put("organization", o);
      } else {
        m.put("organization", null);
      }
      m.put("scheduleId", scheduleId);
      return m;
    }
  }

  /** One step of a job. */
  public record Step(String jobId, String step, String kind, String status, String outcome, int attempts,
                     String runner, String error) {}

  private final Store store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public JobStore(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  String newId(Instant now) {
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    return "j" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(now) + "-"
        + HexFormat.of().formatHex(bytes);
  }

  /**
   * Records a queued job. With a schedule, {@code scheduledFor} is the period it fires for: a second job for the same
   * period is refused by the store (empty), whichever engine tries.
   */
  Optional<Job> insert(String kind, String instance, String requestJson, String scheduleId, Instant scheduledFor) {
    Instant now = clock.instant();
    String id = newId(now);
    int inserted = store.transaction(c -> {
      if (scheduleId != null && exists(c, "SELECT 1 FROM engine_job WHERE schedule_id = ? AND scheduled_for = ?",
          scheduleId, TIME.format(scheduledFor))) {
        return 0;
      }
      try (var ps = c.prepareStatement("INSERT INTO engine_job (job_id, kind, instance, request, status, created_at,"
          + " schedule_id, scheduled_for) VALUES (?,?,?,?,?,?,?,?)")) {
        ps.setString(1, id);
        ps.setString(2, kind);
        ps.setString(3, instance);
        ps.setString(4, requestJson);
        ps.setString(5, QUEUED);
        ps.setString(6, TIME.format(now));
        ps.setString(7, scheduleId);
        ps.setString(8, scheduledFor == null ? null : TIME.format(scheduledFor));
        return ps.executeUpdate();
      }
    });
    return inserted == 1 ? get(id) : Optional.empty();
  }

  /**
   * Fixes a queued job's plan and steps (one per account, and the organization step when {@code organization}) and
   * marks it running, in one transaction; false when it was planned already (a redo of the planning task) or is no
   * longer queued (cancelled).
   */
  boolean plan(String jobId, String planJson, String runId, String runner, List<String> accounts,
      boolean organization) {
    return store.transaction(c -> {
      try (var ps = c.prepareStatement("UPDATE engine_job SET status = ?, plan = ?, run_id = ?, runner = ?,"
          + " claims = claims + 1, started_at = ?, steps_total = ? WHERE job_id = ? AND status = ? AND plan IS NULL")) {
        ps.setString(1, RUNNING);
        ps.setString(2, planJson);
        ps.setString(3, runId);
        ps.setString(4, runner);
        ps.setString(5, TIME.format(clock.instant()));
        ps.setInt(6, accounts.size() + (organization ? 1 : 0));
        ps.setString(7, jobId);
        ps.setString(8, QUEUED);
        if (ps.executeUpdate() != 1) {
          return false;
        }
      }
      try (var ps = c.prepareStatement("INSERT INTO engine_job_step (job_id, step, kind, status) VALUES (?,?,?,?)")) {
        for (String a : accounts) {
          ps.setString(1, jobId);
          ps.setString(2, a);
          ps.setString(3, ACCOUNT);
          ps.setString(4, QUEUED);
          ps.addBatch();
        }
        if (organization) {
          ps.setString(1, jobId);
          ps.setString(2, ORGANIZATION);
          ps.setString(3, ORGANIZATION);
          ps.setString(4, QUEUED);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return true;
    });
  }

  /** The steps of a job not finished yet. */
  List<Step> openSteps(String jobId) {
    return steps(jobId).stream().filter(s -> !s.status().equals(DONE)).toList();
  }

  List<Step> steps(String jobId) {
    return store.transaction(c -> {
      try (var ps = c.prepareStatement("SELECT job_id, step, kind, status, outcome, attempts, runner, error FROM"
          + " engine_job_step WHERE job_id = ? ORDER BY step")) {
        ps.setString(1, jobId);
        try (ResultSet rs = ps.executeQuery()) {
          var out = new ArrayList<Step>();
          while (rs.next()) {
            out.add(new Step(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), rs.getString(8)));
          }
          return out;
        }
      }
    });
  }

  Optional<Step> step(String jobId, String step) {
    return steps(jobId).stream().filter(s -> s.step().equals(step)).findFirst();
  }

  /**
   * Begins an attempt at a step; returns the attempts made before this one (above 0: a redo, whose earlier attempt's
   * rows must be forgotten first), or -1 when the step is done already.
   */
  int begin(String jobId, String step, String runner) {
    return store.transaction(c -> {
      int before;
      try (var ps = c.prepareStatement("SELECT status, attempts FROM engine_job_step WHERE job_id = ? AND step = ?")) {
        ps.setString(1, jobId);
        ps.setString(2, step);
        try (var rs = ps.executeQuery()) {
          if (!rs.next() || rs.getString(1).equals(DONE)) {
            return -1;
          }
          before = rs.getInt(2);
        }
      }
      try (var ps = c.prepareStatement("UPDATE engine_job_step SET status = ?, attempts = attempts + 1, runner = ?,"
          + " started_at = ? WHERE job_id = ? AND step = ?")) {
        ps.setString(1, RUNNING);
        ps.setString(2, runner);
        ps.setString(3, TIME.format(clock.instant()));
        ps.setString(4, jobId);
        ps.setString(5, step);
        ps.executeUpdate();
      }
      return before;
    });
  }

  /**
   * Records a step's outcome and counts it in its job, once (a step already done is left alone); returns how many
   * steps of the job are still open.
   */
  int complete(String jobId, String step, String outcome, String error) {
    return store.transaction(c -> {
      int changed;
      try (var ps = c.prepareStatement("UPDATE engine_job_step SET status = ?, outcome = ?, error = ?, finished_at = ?"
          + " WHERE job_id = ? AND step = ? AND status <> ?")) {
        ps.setString(1, DONE);
        ps.setString(2, outcome);
        ps.setString(3, error);
        ps.setString(4, TIME.format(clock.instant()));
        ps.setString(5, jobId);
        ps.setString(6, step);
        ps.setString(7, DONE);
        changed = ps.executeUpdate();
      }
      if (changed == 1) {
        try (var ps = c.prepareStatement("UPDATE engine_job SET steps_done = steps_done + 1,"
            + " steps_failed = steps_failed + ? WHERE job_id = ?")) {
          ps.setInt(1, "ok".equals(outcome) ? 0 : 1);
          ps.setString(2, jobId);
          ps.executeUpdate();
        }
      }
      return open(c, jobId);
    });
  }

  int open(String jobId) {
    return store.transaction(c -> open(c, jobId));
  }

  private static int open(Connection c, String jobId) throws SQLException {
    try (var ps = c.prepareStatement("SELECT COUNT(*) FROM engine_job_step WHERE job_id = ? AND status <> ?")) {
      ps.setString(1, jobId);
      ps.setString(2, DONE);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Ends a job that is still queued or running (a cancelled job stays cancelled). */
  boolean finish(String jobId, String status, String runId, String error) {
    return store.transaction(c -> {
      try (var ps = c.prepareStatement("UPDATE engine_job SET status = ?, run_id = COALESCE(?, run_id), error = ?,"
          + " finished_at = ? WHERE job_id = ? AND status IN (?, ?)")) {
        ps.setString(1, status);
        ps.setString(2, runId);
        ps.setString(3, error);
        ps.setString(4, TIME.format(clock.instant()));
        ps.setString(5, jobId);
        ps.setString(6, QUEUED);
        ps.setString(7, RUNNING);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * Cancels a job that is queued or running: it is cancelled from now on whatever happens to the engines running its
   * steps (they stop them, or find it cancelled when they pick them up). Finished jobs are left as they are.
   */
  Optional<Job> cancel(String id) {
    store.transaction(c -> {
      try (var ps = c.prepareStatement("UPDATE engine_job SET status = ?, cancel_requested = 1, finished_at = ?,"
          + " error = ? WHERE job_id = ? AND status IN (?, ?)")) {
        ps.setString(1, CANCELLED);
        ps.setString(2, TIME.format(clock.instant()));
        ps.setString(3, "cancelled");
        ps.setString(4, id);
        ps.setString(5, QUEUED);
        ps.setString(6, RUNNING);
        return ps.executeUpdate();
      }
    });
    return get(id);
  }

  public Optional<Job> get(String id) {
    return select("SELECT " + COLUMNS + " FROM engine_job WHERE job_id = ?", ps -> ps.setString(1, id)).stream()
        .findFirst();
  }

  public List<Job> recent(int limit) {
    return select("SELECT " + COLUMNS + " FROM engine_job ORDER BY created_at DESC, job_id DESC LIMIT ?",
        ps -> ps.setInt(1, limit));
  }

  /** Jobs a schedule queued, oldest first. */
  public List<Job> ofSchedule(String scheduleId) {
    return select("SELECT " + COLUMNS + " FROM engine_job WHERE schedule_id = ? ORDER BY scheduled_for",
        ps -> ps.setString(1, scheduleId));
  }

  /** The job a schedule queued for a period, if any. */
  Optional<Job> forPeriod(String scheduleId, Instant period) {
    return select("SELECT " + COLUMNS + " FROM engine_job WHERE schedule_id = ? AND scheduled_for = ?", ps -> {
      ps.setString(1, scheduleId);
      ps.setString(2, TIME.format(period));
    }).stream().findFirst();
  }

  /** Jobs queued and not planned yet, oldest first: each must have its planning task (see EngineScheduler). */
  List<Job> unplanned() {
    return select("SELECT " + COLUMNS + " FROM engine_job WHERE status = ? AND plan IS NULL ORDER BY created_at",
        ps -> ps.setString(1, QUEUED));
  }

  /** Those of {@code ids} that are cancelled. */
  Set<String> cancelled(Collection<String> ids) {
    var out = new HashSet<String>();
    if (ids.isEmpty()) {
      return out;
    }
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    var list = List.copyOf(ids);
    for (var j : select("SELECT " + COLUMNS + " FROM engine_job WHERE cancel_requested = 1 AND job_id IN (" + marks
        + ")", ps -> {
          for (int i = 0; i < list.size(); i++) {
            ps.setString(i + 1, list.get(i));
          }
        })) {
      out.add(j.id());
    }
    return out;
  }

  private static boolean exists(Connection c, String sql, String a, String b) throws SQLException {
    try (var ps = c.prepareStatement(sql)) {
      ps.setString(1, a);
      ps.setString(2, b);
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Job> select(String sql, Binder binder) {
    return store.transaction(c -> {
      try (var ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          var out = new ArrayList<Job>();
          while (rs.next()) {
            out.add(new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11) != 0,
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getInt(15), rs.getInt(16), rs.getInt(17),
                rs.getString(18), rs.getString(19), rs.getString(20)));
          }
          return out;
        }
      }
    });
  }
}
