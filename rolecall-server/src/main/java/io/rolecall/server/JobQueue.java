package io.rolecall.server;

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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inventory sync jobs as rows of engine_job (migration V3), so that engines sharing a store share the queue.
 * A queued job is taken by exactly one engine: on PostgreSQL the claim locks the row with
 * {@code FOR UPDATE SKIP LOCKED} (engines never wait on, or both take, the same row); on SQLite, where one
 * process writes at a time, an {@code UPDATE ... WHERE status = 'queued'} that changed one row is the claim.
 */
final class JobQueue {
  static final String QUEUED = "queued";
  static final String RUNNING = "running";
  static final String DONE = "done";
  static final String FAILED = "failed";
  static final String CANCELLED = "cancelled";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String COLUMNS = "job_id, kind, instance, request, status, created_at, started_at, finished_at,"
      + " runner, claims, cancel_requested, run_id, error";

  /** A job as stored; {@code request} is the sync request's JSON. */
  record Job(String id, String kind, String instance, String request, String status, String createdAt,
             String startedAt, String finishedAt, String runner, int claims, boolean cancelRequested, String runId,
             String error) {

    Map<String, Object> json() {
      var m = new LinkedHashMap<String, Object>();
      m.put("id", id);
      m.put("kind", kind);
      m.put("instance", instance);
      try {
        m.put("request", io.rolecall.render.Json.mapper().readTree(request));
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
      return m;
    }
  }

  private final Store store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  JobQueue(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  Job enqueue(String kind, String instance, String requestJson) {
    Instant now = clock.instant();
    byte[] bytes = new byte[6];
    random.nextBytes(bytes);
    String id = "j" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(now) + "-"
        + HexFormat.of().formatHex(bytes);
    store.transaction(c -> {
      try (var ps = c.prepareStatement("INSERT INTO engine_job (job_id, kind, instance, request, status, created_at)"
          + " VALUES (?,?,?,?,?,?)")) {
        ps.setString(1, id);
        ps.setString(2, kind);
        ps.setString(3, instance);
        ps.setString(4, requestJson);
        ps.setString(5, QUEUED);
        ps.setString(6, TIME.format(now));
        return ps.executeUpdate();
      }
    });
    return get(id).orElseThrow();
  }

  /** Takes the oldest queued job for {@code runner}, or empty when none is queued (or all are being taken). */
  Optional<Job> claim(String runner) {
    // PostgreSQL: lock the row, skipping rows other engines hold, so two engines never wait on or take the same one.
    // SQLite has one writer at a time: the conditional UPDATE below is the atomic claim.
    String lock = store.kind() == Store.Kind.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    String claimed = store.transaction(c -> {
      String id;
      try (var ps = c.prepareStatement("SELECT job_id FROM engine_job WHERE status = ? ORDER BY created_at, job_id"
          + " LIMIT 1" + lock)) {
        ps.setString(1, QUEUED);
        try (var rs = ps.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          id = rs.getString(1);
        }
      }
      return markRunning(c, id, runner) == 1 ? id : null;
    });
    return claimed == null ? Optional.empty() : get(claimed);
  }

  /** The claim itself; the status condition makes it a no-op for a job someone else took or cancelled meanwhile. */
  private int markRunning(Connection c, String id, String runner) throws SQLException {
    try (var ps = c.prepareStatement("UPDATE engine_job SET status = ?, runner = ?, claims = claims + 1,"
        + " started_at = ? WHERE job_id = ? AND status = ?")) {
      ps.setString(1, RUNNING);
      ps.setString(2, runner);
      ps.setString(3, TIME.format(clock.instant()));
      ps.setString(4, id);
      ps.setString(5, QUEUED);
      return ps.executeUpdate();
    }
  }

  void finish(String id, String status, String runId, String error) {
    store.transaction(c -> {
      try (var ps = c.prepareStatement("UPDATE engine_job SET status = ?, run_id = ?, error = ?, finished_at = ?"
          + " WHERE job_id = ?")) {
        ps.setString(1, status);
        ps.setString(2, runId);
        ps.setString(3, error);
        ps.setString(4, TIME.format(clock.instant()));
        ps.setString(5, id);
        return ps.executeUpdate();
      }
    });
  }

  /**
   * Cancels a job: a queued one at once (it will never run), a running one by flagging it for its runner, which
   * stops it. Finished jobs are left as they are. Empty when there is no such job.
   */
  Optional<Job> cancel(String id) {
    store.transaction(c -> {
      try (var ps = c.prepareStatement("UPDATE engine_job SET status = ?, finished_at = ?, cancel_requested = 1"
          + " WHERE job_id = ? AND status = ?")) {
        ps.setString(1, CANCELLED);
        ps.setString(2, TIME.format(clock.instant()));
        ps.setString(3, id);
        ps.setString(4, QUEUED);
        if (ps.executeUpdate() == 1) {
          return 1;
        }
      }
      try (var ps = c.prepareStatement("UPDATE engine_job SET cancel_requested = 1 WHERE job_id = ? AND status = ?")) {
        ps.setString(1, id);
        ps.setString(2, RUNNING);
        return ps.executeUpdate();
      }
    });
    return get(id);
  }

  Optional<Job> get(String id) {
    var jobs = select("SELECT " + COLUMNS + " FROM engine_job WHERE job_id = ?", ps -> ps.setString(1, id));
    return jobs.stream().findFirst();
  }

  List<Job> recent(int limit) {
    return select("SELECT " + COLUMNS + " FROM engine_job ORDER BY created_at DESC, job_id DESC LIMIT ?",
        ps -> ps.setInt(1, limit));
  }

  /** The jobs with a cancel request among {@code ids} (the ones this engine runs). */
  List<String> cancelRequested(java.util.Collection<String> ids) {
    var out = new ArrayList<String>();
    for (String id : ids) {
      get(id).filter(Job::cancelRequested).ifPresent(j -> out.add(j.id()));
    }
    return out;
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
                rs.getString(12), rs.getString(13)));
          }
          return out;
        }
      }
    });
  }
}
