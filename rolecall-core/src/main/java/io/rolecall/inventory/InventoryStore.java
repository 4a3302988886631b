package io.rolecall.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.render.Json;
import io.rolecall.store.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The inventory's tables in the store (migration V2): runs, per-account outcomes, items, events, checkpoints. */
public final class InventoryStore implements AutoCloseable {
  /** Fixed-width UTC with milliseconds: text order is time order, in SQLite and PostgreSQL alike. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** A run as recorded; {@code finishedAt} is null while it runs (or if it died). */
  public record Run(String runId, Instant startedAt, Instant finishedAt, List<String> regions, int accounts) {}

  /** How one account fared in a run. */
  public record AccountStatus(String accountId, String error, long apiCalls, long throttled, long events) {
    public boolean ok() {
      return error == null;
    }
  }

  private final Store store;

  public InventoryStore(Store store) {
    this.store = store;
  }

  public Store store() {
    return store;
  }

  @Override
  public void close() {
    store.close();
  }

  public void startRun(Run run) {
    store.transaction(c -> {
      try (var ps = c.prepareStatement("INSERT INTO inventory_run (run_id, started_at, regions, accounts) VALUES (?,?,?,?)")) {
        ps.setString(1, run.runId());
        ps.setString(2, TIME.format(run.startedAt()));
        ps.setString(3, String.join(",", run.regions()));
        ps.setInt(4, run.accounts());
        return ps.executeUpdate();
      }
    });
  }

  /** Records every account's outcome and marks the run finished, in one transaction. */
  public void finishRun(String runId, Instant finishedAt, Collection<AccountStatus> accounts) {
    store.transaction(c -> {
      try (var ps = c.prepareStatement("INSERT INTO inventory_account (run_id, account_id, status, error, api_calls,"
          + " throttled, events) VALUES (?,?,?,?,?,?,?)")) {
        for (var a : accounts) {
          ps.setString(1, runId);
          ps.setString(2, a.accountId());
          ps.setString(3, a.ok() ? "ok" : "error");
          ps.setString(4, a.error());
          ps.setLong(5, a.apiCalls());
          ps.setLong(6, a.throttled());
          ps.setLong(7, a.events());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (var ps = c.prepareStatement("UPDATE inventory_run SET finished_at = ? WHERE run_id = ?")) {
        ps.setString(1, TIME.format(finishedAt));
        ps.setString(2, runId);
        return ps.executeUpdate();
      }
    });
  }

  static void insertItems(Connection c, String runId, List<Item> items) throws SQLException {
    try (var ps = c.prepareStatement("INSERT INTO inventory_item (run_id, kind, account_id, region, item_id, name, data)"
        + " VALUES (?,?,?,?,?,?,?)")) {
      for (Item i : items) {
        ps.setString(1, runId);
        ps.setString(2, i.kind().id());
        ps.setString(3, i.accountId());
        ps.setString(4, i.region());
        ps.setString(5, i.id());
        ps.setString(6, i.name());
        ps.setString(7, Json.write(i.data()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Inserts the events not stored yet (by account, region and event id); returns how many were new. */
  static int insertEvents(Connection c, String runId, List<TrailEvent> events) throws SQLException {
    int inserted = 0;
    try (var ps = c.prepareStatement("INSERT INTO inventory_event (account_id, region, event_id, event_time, event_name,"
        + " event_source, username, read_only, access_key_id, cloudtrail_event, run_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        + " ON CONFLICT (account_id, region, event_id) DO NOTHING")) {
      for (TrailEvent e : events) {
        ps.setString(1, e.accountId());
        ps.setString(2, e.region());
        ps.setString(3, e.eventId());
        ps.setString(4, TIME.format(e.eventTime()));
        ps.setString(5, e.eventName());
        ps.setString(6, e.eventSource());
        ps.setString(7, e.username());
        if (e.readOnly() == null) {
          ps.setNull(8, Types.SMALLINT);
        } else {
          ps.setInt(8, e.readOnly() ? 1 : 0);
        }
        ps.setString(9, e.accessKeyId());
        ps.setString(10, e.cloudTrailEvent());
        ps.setString(11, runId);
        inserted += ps.executeUpdate();
      }
    }
    return inserted;
  }

  static void saveCheckpoint(Connection c, String accountId, String region, Instant readUntil, String runId)
      throws SQLException {
    try (var ps = c.prepareStatement("INSERT INTO inventory_checkpoint (account_id, region, read_until, run_id)"
        + " VALUES (?,?,?,?) ON CONFLICT (account_id, region) DO UPDATE SET read_until = excluded.read_until,"
        + " run_id = excluded.run_id")) {
      ps.setString(1, accountId);
      ps.setString(2, region);
      ps.setString(3, TIME.format(readUntil));
      ps.setString(4, runId);
      ps.executeUpdate();
    }
  }

  /** Up to when this account and region's events were read by an earlier sync, if any did. */
  public Optional<Instant> checkpoint(String accountId, String region) {
    return store.transaction(c -> {
      try (var ps = c.prepareStatement("SELECT read_until FROM inventory_checkpoint WHERE account_id = ? AND region = ?")) {
        ps.setString(1, accountId);
        ps.setString(2, region);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(Instant.from(TIME.parse(rs.getString(1)))) : Optional.empty();
        }
      }
    });
  }

  /** The newest finished run. */
  public Optional<Run> latestRun() {
    return store.transaction(c -> {
      try (var ps = c.prepareStatement("SELECT run_id, started_at, finished_at, regions, accounts FROM inventory_run"
          + " WHERE finished_at IS NOT NULL ORDER BY started_at DESC, run_id DESC LIMIT 1");
          ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Run(rs.getString(1), Instant.from(TIME.parse(rs.getString(2))),
            Instant.from(TIME.parse(rs.getString(3))), List.of(rs.getString(4).split(",")), rs.getInt(5)));
      }
    });
  }

  /** Each account's outcome in a run, by account id. */
  public List<AccountStatus> accounts(String runId) {
    return store.transaction(c -> {
      try (var ps = c.prepareStatement("SELECT account_id, error, api_calls, throttled, events FROM inventory_account"
          + " WHERE run_id = ? ORDER BY account_id")) {
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          var out = new ArrayList<AccountStatus>();
          while (rs.next()) {
            out.add(new AccountStatus(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
          }
          return out;
        }
      }
    });
  }

  /** How many items of each kind each account has in a run: account id to kind to count. */
  public Map<String, Map<Kind, Long>> counts(String runId) {
    return store.transaction(c -> {
      try (var ps = c.prepareStatement("SELECT account_id, kind, COUNT(*) FROM inventory_item WHERE run_id = ?"
          + " GROUP BY account_id, kind")) {
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          var out = new LinkedHashMap<String, Map<Kind, Long>>();
          while (rs.next()) {
            out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(Kind.ofId(rs.getString(2)), rs.getLong(3));
          }
          return out;
        }
      }
    });
  }

  /**
   * Streams a run's items of the given kinds (one account, or all when null) to {@code sink}, ordered by account,
   * kind and id, without holding them all: rows are read in pages of {@value #FETCH}.
   */
  public void items(String runId, Collection<Kind> kinds, String accountId, Consumer<Item> sink) {
    var sql = new StringBuilder("SELECT kind, account_id, region, item_id, name, data FROM inventory_item WHERE run_id = ?"
        + " AND kind IN (" + String.join(",", kinds.stream().map(k -> "?").toList()) + ")");
    if (accountId != null) {
      sql.append(" AND account_id = ?");
    }
    sql.append(" ORDER BY account_id, kind, region, item_id");
    store.transaction(c -> {
      try (var ps = c.prepareStatement(sql.toString())) {
        ps.setFetchSize(FETCH);
        int n = 1;
        ps.setString(n++, runId);
        for (Kind k : kinds) {
          ps.setString(n++, k.id());
        }
        if (accountId != null) {
          ps.setString(n, accountId);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(new Item(Kind.ofId(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), parse(rs.getString(6))));
          }
        }
      }
      return null;
    });
  }

  private static final int FETCH = 500;

  /** Streams stored events (one account, or all when null), newest first. */
  public void events(String accountId, Consumer<TrailEvent> sink) {
    String sql = "SELECT account_id, region, event_id, event_time, event_name, event_source, username, read_only,"
        + " access_key_id, cloudtrail_event FROM inventory_event" + (accountId != null ? " WHERE account_id = ?" : "")
        + " ORDER BY event_time DESC, event_id";
    store.transaction(c -> {
      try (var ps = c.prepareStatement(sql)) {
        ps.setFetchSize(FETCH);
        if (accountId != null) {
          ps.setString(1, accountId);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int ro = rs.getInt(8);
            Boolean readOnly = rs.wasNull() ? null : ro == 1;
            sink.accept(new TrailEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                Instant.from(TIME.parse(rs.getString(4))), rs.getString(5), rs.getString(6), rs.getString(7), readOnly,
                rs.getString(9), rs.getString(10)));
          }
        }
      }
      return null;
    });
  }

  private static ObjectNode parse(String json) throws SQLException {
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new SQLException("inventory item with unreadable data", e);
    }
  }
}
