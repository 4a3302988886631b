package io.rolecall.server.jobs;

import io.rolecall.render.Json;
import io.rolecall.store.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recurring syncs as rows of engine_schedule (migration V7): what to sync, when, and how often it fired. */
public final class ScheduleStore {
  /** A recurring sync; {@code origin} says who made it ("api", "serve --schedule", "config"). */
  public record Schedule(String id, String instance, String spec, String request, String createdAt, String origin,
                         int fired, String lastFiredAt, String lastJobId) {
    public Map<String, Object> json() {
      var m = new LinkedHashMap<String, Object>();
      m.put("id", id);
      m.put("instance", instance);
      m.put("schedule", spec);
      try {
        m.put("request", Json.mapper().readTree(request));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        m.put("request", request);
      }
      m.put("createdAt", createdAt);
      m.put("origin", origin);
      m.put("fired", fired);
      m.put("lastFiredAt", lastFiredAt);
      m.put("lastJobId", lastJobId);
      return m;
    }
  }

  private static final String COLUMNS = "schedule_id, instance, spec, request, created_at, origin, fired, last_fired_at,"
      + " last_job_id";

  private final Store store;
  private final Clock clock;

  public ScheduleStore(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Records a schedule unless one with this id exists; true when this call created it. */
  boolean insert(String id, String instance, String spec, String requestJson, String origin) {
    return store.transaction(c -> {
      if (get(c, id).isPresent()) {
        return false;
      }
      try (var ps = c.prepareStatement("INSERT INTO engine_schedule (schedule_id, instance, spec, request, created_at,"
          + " origin) VALUES (?,?,?,?,?,?)")) {
        ps.setString(1, id);
        ps.setString(2, instance);
        ps.setString(3, spec);
        ps.setString(4, requestJson);
        ps.setString(5, JobStore.TIME.format(clock.instant()));
        ps.setString(6, origin);
        return ps.executeUpdate() == 1;
      }
    });
  }

  void fired(String id, String jobId, Instant at) {
    store.transaction(c -> {
      try (var ps = c.prepareStatement("UPDATE engine_schedule SET fired = fired + 1, last_fired_at = ?,"
          + " last_job_id = ? WHERE schedule_id = ?")) {
        ps.setString(1, JobStore.TIME.format(at));
        ps.setString(2, jobId);
        ps.setString(3, id);
        return ps.executeUpdate();
      }
    });
  }

  boolean delete(String id) {
    return store.transaction(c -> {
      try (var ps = c.prepareStatement("DELETE FROM engine_schedule WHERE schedule_id = ?")) {
        ps.setString(1, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  public Optional<Schedule> get(String id) {
    return store.transaction(c -> get(c, id));
  }

  public List<Schedule> all() {
    return store.transaction(c -> {
      try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM engine_schedule ORDER BY created_at, schedule_id");
           var rs = ps.executeQuery()) {
        var out = new ArrayList<Schedule>();
        while (rs.next()) {
          out.add(row(rs));
        }
        return out;
      }
    });
  }

  private static Optional<Schedule> get(java.sql.Connection c, String id) throws SQLException {
    try (var ps = c.prepareStatement("SELECT " + COLUMNS + " FROM engine_schedule WHERE schedule_id = ?")) {
      ps.setString(1, id);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static Schedule row(ResultSet rs) throws SQLException {
    return new Schedule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9));
  }
}
