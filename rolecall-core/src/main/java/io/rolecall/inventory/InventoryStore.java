package io.rolecall.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.render.Json;
import io.rolecall.store.ContentHash;
import io.rolecall.store.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The inventory's tables in the store: runs and their per-account and per-part outcomes, items per run, the
 * current-state pointers, CloudTrail events and checkpoints (migrations V2 and V4). Reads take a {@link View}.
 */
public final class InventoryStore implements AutoCloseable {
  /** Fixed-width UTC with milliseconds: text order is time order, in SQLite and PostgreSQL alike. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** A run as recorded; {@code finishedAt} is null while it runs (or if it died). */
  public record Run(String runId, Instant startedAt, Instant finishedAt, String instance, List<String> regions,
                    List<String> parts, int accounts, long organizationCalls, long organizationThrottled) {}

  /** How one account fared in a run: ok, partial (some parts failed) or error (nothing collected). */
  public record AccountStatus(String accountId, String status, String error, long apiCalls, long throttled, long events) {
    public static final String OK = "ok";
    public static final String PARTIAL = "partial";
    public static final String ERROR = "error";

    public boolean ok() {
      return OK.equals(status);
    }
  }

  /** One (account, part, region) attempt of a run: ok or error with its one-line reason, and when it ended. */
  public record PartOutcome(String runId, String accountId, Part part, String region, String error, Instant endedAt,
                            boolean pruned) {
    public boolean ok() {
      return error == null;
    }

    public String status() {
      return ok() ? "ok" : "error";
    }
  }

  /** Where a view takes an (account, part, region) from: which run, collected when. */
  public record Pointer(String accountId, Part part, String region, String runId, Instant collectedAt, boolean pruned) {}

  /** An item as read back, with the run that collected it and when its part's collection completed. */
  public record Stored(Item item, String runId, Instant collectedAt) {
    public ObjectNode json() {
      var node = item.json();
      node.put("collectedAt", collectedAt == null ? null : collectedAt.toString()).put("runId", runId);
      return node;
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

  // ---- writing a run ----

  public void startRun(Run run) {
    store.transaction(c -> Jdbc.update(c, "INSERT INTO inventory_run (run_id, started_at, regions, accounts, instance,"
        + " parts) VALUES (?,?,?,?,?,?)", List.of(run.runId(), run.startedAt(), String.join(",", run.regions()),
        run.accounts(), nullable(run.instance()), String.join(",", run.parts()))));
  }

  /** Records accounts' outcomes in a run (once all their pages are stored), in one transaction. */
  public void recordAccounts(String runId, Collection<AccountStatus> accounts) {
    store.transaction(c -> {
      try (var ps = c.prepareStatement("INSERT INTO inventory_account (run_id, account_id, status, error, api_calls,"
          + " throttled, events) VALUES (?,?,?,?,?,?,?)")) {
        for (var a : accounts) {
          Jdbc.bind(ps, List.of(runId, a.accountId(), a.status(), nullable(a.error()), a.apiCalls(), a.throttled(),
              a.events()));
          ps.addBatch();
        }
        return ps.executeBatch().length;
      }
    });
  }

  /** The calls of the run's organization step (Identity Center, SCPs), which belong to no one account's outcome. */
  public void recordOrganization(String runId, long apiCalls, long throttled) {
    store.transaction(c -> Jdbc.update(c, "UPDATE inventory_run SET org_api_calls = ?, org_throttled = ? WHERE"
        + " run_id = ?", List.of(apiCalls, throttled, runId)));
  }

  /** Marks the run finished. */
  public void finishRun(String runId, Instant finishedAt) {
    store.transaction(c -> Jdbc.update(c, "UPDATE inventory_run SET finished_at = ? WHERE run_id = ?",
        List.of(finishedAt, runId)));
  }

  /** Items of a run; each one's JSON is stored once across runs, under its content hash. */
  static void insertItems(Connection c, String runId, List<Item> items) throws SQLException {
    try (var data = c.prepareStatement("INSERT INTO inventory_data (hash, data) VALUES (?,?) ON CONFLICT (hash)"
        + " DO NOTHING");
        var ps = c.prepareStatement("INSERT INTO inventory_item (run_id, account_id, part, region, kind, item_id, name,"
        + " data_hash) VALUES (?,?,?,?,?,?,?,?)")) {
      var hashes = new java.util.HashSet<String>();
      for (Item i : items) {
        String json = Json.write(i.data());
        String hash = ContentHash.of(json);
        if (hashes.add(hash)) {
          data.setString(1, hash);
          data.setString(2, json);
          data.addBatch();
        }
        ps.setString(1, runId);
        ps.setString(2, i.accountId());
        ps.setString(3, i.kind().part().id());
        ps.setString(4, i.region());
        ps.setString(5, i.kind().id());
        ps.setString(6, i.id());
        ps.setString(7, i.name());
        ps.setString(8, hash);
        ps.addBatch();
      }
      data.executeBatch();
      ps.executeBatch();
    }
  }

  /**
   * Records a part's outcome. A success becomes the (account, part, region)'s current state unless a newer
   * collection already is (two overlapping syncs: the one that completed last wins, whole); a failure drops what
   * the part had stored so far, so nothing reads a half-collected part, and the previous state stays current.
   */
  static void recordPart(Connection c, PartOutcome o) throws SQLException {
    Jdbc.update(c, "INSERT INTO inventory_part (run_id, account_id, part, region, status, error, ended_at)"
        + " VALUES (?,?,?,?,?,?,?)", List.of(o.runId(), o.accountId(), o.part().id(), o.region(), o.status(),
        nullable(o.error()), o.endedAt()));
    if (o.ok()) {
      Jdbc.update(c, "INSERT INTO inventory_current (account_id, part, region, run_id, collected_at) VALUES (?,?,?,?,?)"
          + " ON CONFLICT (account_id, part, region) DO UPDATE SET run_id = excluded.run_id,"
          + " collected_at = excluded.collected_at WHERE excluded.collected_at >= inventory_current.collected_at",
          List.of(o.accountId(), o.part().id(), o.region(), o.runId(), o.endedAt()));
    } else {
      Jdbc.update(c, "DELETE FROM inventory_item WHERE run_id = ? AND account_id = ? AND part = ? AND region = ?",
          List.of(o.runId(), o.accountId(), o.part().id(), o.region()));
    }
  }

  /**
   * Forgets what one attempt at an account left in a run, in one transaction, before the account is done again in
   * that run (its engine died mid-account): its items, part outcomes and account outcome go, and each (part, region)
   * the attempt had made current points back at its previous successful collection (or at none). Events and
   * checkpoints stay: events are stored once whoever reads them, and the redo reads on from the checkpoint. The
   * organization step's parts stored under this account (the management account's SCPs, say) are not the account's
   * and stay. Returns the rows removed.
   */
  public int forgetAttempt(String runId, String accountId) {
    return store.transaction(c -> {
      int n = forget(c, runId, accountId, false);
      n += Jdbc.update(c, "DELETE FROM inventory_account WHERE run_id = ? AND account_id = ?", List.of(runId, accountId));
      return n;
    });
  }

  /**
   * Forgets what one attempt at a run's organization step left (Identity Center, SCPs, under whichever accounts own
   * them), in one transaction, before the step is done again in that run; as {@link #forgetAttempt} does for an
   * account. Returns the rows removed.
   */
  public int forgetOrganizationAttempt(String runId) {
    return store.transaction(c -> {
      int n = forget(c, runId, null, true);
      Jdbc.update(c, "UPDATE inventory_run SET org_api_calls = 0, org_throttled = 0 WHERE run_id = ?", List.of(runId));
      return n;
    });
  }

  /** The rows of a run's parts (one account's, or every account's) of one kind: per-account or organizational. */
  private static int forget(Connection c, String runId, String accountId, boolean organizational) throws SQLException {
    String parts = " AND part " + (organizational ? "" : "NOT ") + "IN (" + String.join(",", Arrays.stream(Part.values())
        .filter(Part::organizational).map(p -> "'" + p.id() + "'").toList()) + ")";
    String where = "run_id = ?" + (accountId == null ? "" : " AND account_id = ?") + parts;
    var key = accountId == null ? List.<Object>of(runId) : List.<Object>of(runId, accountId);
    var touched = new TreeSet<String>();
    try (var ps = c.prepareStatement("SELECT DISTINCT account_id FROM inventory_current WHERE " + where)) {
      Jdbc.bind(ps, key);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          touched.add(rs.getString(1));
        }
      }
    }
    int n = Jdbc.update(c, "DELETE FROM inventory_item WHERE " + where, key);
    n += Jdbc.update(c, "DELETE FROM inventory_current WHERE " + where, key);
    n += Jdbc.update(c, "DELETE FROM inventory_part WHERE " + where, key);
    for (String account : touched) {
      Jdbc.update(c, "INSERT INTO inventory_current (account_id, part, region, run_id, collected_at) SELECT account_id,"
          + " part, region, run_id, ended_at FROM (SELECT p.*, ROW_NUMBER() OVER (PARTITION BY part, region ORDER BY"
          + " ended_at DESC, run_id DESC) AS rn FROM inventory_part p WHERE account_id = ? AND status = 'ok'"
          + " AND pruned = 0" + parts + ") latest WHERE rn = 1 ON CONFLICT (account_id, part, region) DO NOTHING",
          List.of(account));
    }
    return n;
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
    Jdbc.update(c, "INSERT INTO inventory_checkpoint (account_id, region, read_until, run_id) VALUES (?,?,?,?)"
        + " ON CONFLICT (account_id, region) DO UPDATE SET read_until = excluded.read_until, run_id = excluded.run_id",
        List.of(accountId, region, readUntil, runId));
  }

  /** Up to when this account and region's events were read by an earlier sync, if any did. */
  public Optional<Instant> checkpoint(String accountId, String region) {
    return store.transaction(c -> Jdbc.query(c, "SELECT read_until FROM inventory_checkpoint WHERE account_id = ?"
        + " AND region = ?", List.of(accountId, region), rs -> Jdbc.time(rs.getString(1))).stream().findFirst());
  }

  // ---- runs and outcomes ----

  private static final String RUN_COLUMNS = "run_id, started_at, finished_at, instance, regions, parts, accounts,"
      + " org_api_calls, org_throttled";

  private static Run run(ResultSet rs) throws SQLException {
    String parts = rs.getString(6);
    return new Run(rs.getString(1), Jdbc.time(rs.getString(2)), Jdbc.time(rs.getString(3)), rs.getString(4),
        List.of(rs.getString(5).split(",")), parts == null ? List.of() : List.of(parts.split(",")), rs.getInt(7),
        rs.getLong(8), rs.getLong(9));
  }

  /** The newest finished run. */
  public Optional<Run> latestRun() {
    return store.transaction(c -> Jdbc.query(c, "SELECT " + RUN_COLUMNS + " FROM inventory_run WHERE finished_at IS NOT"
        + " NULL ORDER BY started_at DESC, run_id DESC LIMIT 1", List.of(), InventoryStore::run).stream().findFirst());
  }

  public Optional<Run> run(String runId) {
    return store.transaction(c -> Jdbc.query(c, "SELECT " + RUN_COLUMNS + " FROM inventory_run WHERE run_id = ?",
        List.of(runId), InventoryStore::run).stream().findFirst());
  }

  /** Runs newest first, at most {@code limit}; with an account, only the runs that attempted it. */
  public List<Run> runs(int limit, String accountId) {
    String where = accountId == null ? "" : " WHERE run_id IN (SELECT run_id FROM inventory_part WHERE account_id = ?)";
    return store.transaction(c -> Jdbc.query(c, "SELECT " + RUN_COLUMNS + " FROM inventory_run" + where
        + " ORDER BY started_at DESC, run_id DESC LIMIT " + limit,
        accountId == null ? List.of() : List.of(accountId), InventoryStore::run));
  }

  /** Each account's outcome in a run, by account id. */
  public List<AccountStatus> accounts(String runId) {
    return store.transaction(c -> Jdbc.query(c, "SELECT account_id, status, error, api_calls, throttled, events FROM"
        + " inventory_account WHERE run_id = ? ORDER BY account_id", List.of(runId), InventoryStore::accountStatus));
  }

  /** Every account's outcome in the newest finished run that attempted it. */
  public Map<String, AccountStatus> latestAccountOutcomes() {
    return store.transaction(c -> {
      var out = new LinkedHashMap<String, AccountStatus>();
      for (var a : Jdbc.query(c, "SELECT a.account_id, a.status, a.error, a.api_calls, a.throttled, a.events FROM"
          + " inventory_account a JOIN inventory_run r ON r.run_id = a.run_id ORDER BY a.account_id, r.started_at DESC,"
          + " r.run_id DESC", List.of(), InventoryStore::accountStatus)) {
        out.putIfAbsent(a.accountId(), a);
      }
      return out;
    });
  }

  private static AccountStatus accountStatus(ResultSet rs) throws SQLException {
    return new AccountStatus(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
        rs.getLong(6));
  }

  /** The attempts a run made, by account, part and region. */
  public List<PartOutcome> parts(String runId) {
    return store.transaction(c -> Jdbc.query(c, "SELECT run_id, account_id, part, region, error, ended_at, pruned,"
        + " status FROM inventory_part WHERE run_id = ? ORDER BY account_id, part, region", List.of(runId),
        InventoryStore::outcome));
  }

  /** The newest attempt of every (account, part, region) ever attempted (finished or not). */
  public List<PartOutcome> latestAttempts() {
    return store.transaction(c -> Jdbc.query(c, "SELECT run_id, account_id, part, region, error, ended_at, pruned, status"
        + " FROM (SELECT p.*, ROW_NUMBER() OVER (PARTITION BY account_id, part, region ORDER BY ended_at DESC,"
        + " run_id DESC) AS rn FROM inventory_part p) latest WHERE rn = 1 ORDER BY account_id, part, region", List.of(),
        InventoryStore::outcome));
  }

  private static PartOutcome outcome(ResultSet rs) throws SQLException {
    String error = rs.getString(5);
    if (error == null && !"ok".equals(rs.getString(8))) {
      error = "failed";
    }
    return new PartOutcome(rs.getString(1), rs.getString(2), Part.ofId(rs.getString(3)), rs.getString(4), error,
        Jdbc.time(rs.getString(6)), rs.getInt(7) == 1);
  }

  /**
   * Every account the store has heard of: a target of some run (the organization step's data lives under the
   * management or Identity Center account, which is not a target unless a run named it).
   */
  public TreeSet<String> knownAccounts() {
    List<String> ids = store.transaction(c -> Jdbc.query(c, "SELECT DISTINCT account_id FROM inventory_account",
        List.of(), rs -> rs.getString(1)));
    return new TreeSet<>(ids);
  }

  /**
   * A digest of the current state's pointers: it changes exactly when some (account, part, region) has a new
   * current collection (a cache of anything computed from the current state is good while it stays).
   */
  public String currentDigest() {
    return store.transaction(c -> {
      var text = new StringBuilder();
      for (var row : Jdbc.query(c, "SELECT account_id, part, region, run_id FROM inventory_current ORDER BY account_id,"
          + " part, region", List.of(), rs -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
          + rs.getString(4))) {
        text.append(row).append('\n');
      }
      return ContentHash.of(text.toString());
    });
  }

  // ---- reading a view ----

  /**
   * How a view's pointers meet the items: by the item table's key prefix. Written as CROSS JOIN ... WHERE so SQLite
   * walks the few pointers and seeks into the items (a plain JOIN let it scan every item of every run first: 0.42 s
   * against 0.08 s for 200 accounts x 10 runs); PostgreSQL plans a CROSS JOIN with these conditions as any join.
   */
  private static final String JOIN = "i.run_id = v.run_id AND i.account_id = v.account_id AND i.part = v.part"
      + " AND i.region = v.region";

  /** The view's pointers, by account, part and region. */
  public List<Pointer> pointers(View view) {
    return store.transaction(c -> Jdbc.query(c, "SELECT account_id, part, region, run_id, collected_at, pruned FROM ("
        + view.pointers() + ") v ORDER BY account_id, part, region", view.params(),
        rs -> new Pointer(rs.getString(1), Part.ofId(rs.getString(2)), rs.getString(3), rs.getString(4),
            Jdbc.time(rs.getString(5)), rs.getInt(6) == 1)));
  }

  /** How many items of each kind each account has in the view: account id to kind to count. */
  public Map<String, Map<Kind, Long>> counts(View view) {
    return store.transaction(c -> {
      var out = new LinkedHashMap<String, Map<Kind, Long>>();
      for (var row : Jdbc.query(c, "SELECT i.account_id, i.kind, COUNT(*) FROM (" + view.pointers() + ") v"
          + " CROSS JOIN inventory_item i WHERE " + JOIN + " GROUP BY i.account_id, i.kind", view.params(),
          rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})) {
        out.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>()).put(Kind.ofId((String) row[1]), (Long) row[2]);
      }
      return out;
    });
  }

  /**
   * Streams the view's items of the given kinds (the given accounts, or all when empty) to {@code sink}, ordered by
   * account, kind, region and id, without holding them all: rows are read in pages of {@value #FETCH}.
   */
  public void items(View view, Collection<Kind> kinds, Collection<String> accounts, Consumer<Stored> sink) {
    var sql = new StringBuilder("SELECT i.kind, i.account_id, i.region, i.item_id, i.name, d.data, i.run_id,"
        + " v.collected_at FROM (" + view.pointers() + ") v CROSS JOIN inventory_item i CROSS JOIN inventory_data d"
        + " WHERE " + JOIN + " AND d.hash = i.data_hash AND i.kind IN ("
        + Jdbc.marks(kinds.size()) + ")");
    var params = new ArrayList<Object>(view.params());
    kinds.forEach(k -> params.add(k.id()));
    if (!accounts.isEmpty()) {
      sql.append(" AND v.account_id IN (").append(Jdbc.marks(accounts.size())).append(")");
      params.addAll(accounts);
    }
    sql.append(" ORDER BY i.account_id, i.kind, i.region, i.item_id");
    store.transaction(c -> {
      try (var ps = c.prepareStatement(sql.toString())) {
        ps.setFetchSize(FETCH);
        Jdbc.bind(ps, params);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(new Stored(new Item(Kind.ofId(rs.getString(1)), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), parse(rs.getString(6))), rs.getString(7), Jdbc.time(rs.getString(8))));
          }
        }
      }
      return null;
    });
  }

  /** The items one pointer's collection stored, ordered by kind and id: what diff compares. */
  void items(Pointer p, Consumer<Item> sink) {
    store.transaction(c -> {
      try (var ps = c.prepareStatement("SELECT i.kind, i.account_id, i.region, i.item_id, i.name, d.data FROM"
          + " inventory_item i JOIN inventory_data d ON d.hash = i.data_hash WHERE i.run_id = ? AND i.account_id = ?"
          + " AND i.part = ? AND i.region = ? ORDER BY i.kind, i.item_id")) {
        ps.setFetchSize(FETCH);
        Jdbc.bind(ps, List.of(p.runId(), p.accountId(), p.part().id(), p.region()));
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

  /** Streams stored events (the given accounts, or all when empty), newest first. */
  public void events(Collection<String> accounts, Consumer<TrailEvent> sink) {
    String sql = "SELECT account_id, region, event_id, event_time, event_name, event_source, username, read_only,"
        + " access_key_id, cloudtrail_event FROM inventory_event"
        + (accounts.isEmpty() ? "" : " WHERE account_id IN (" + Jdbc.marks(accounts.size()) + ")")
        + " ORDER BY event_time DESC, event_id";
    store.transaction(c -> {
      try (var ps = c.prepareStatement(sql)) {
        ps.setFetchSize(FETCH);
        Jdbc.bind(ps, List.copyOf(accounts));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int ro = rs.getInt(8);
            Boolean readOnly = rs.wasNull() ? null : ro == 1;
            sink.accept(new TrailEvent(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.time(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), readOnly, rs.getString(9), rs.getString(10)));
          }
        }
      }
      return null;
    });
  }

  /** How many events are stored per account. */
  public Map<String, Long> eventCounts() {
    return store.transaction(c -> {
      var out = new LinkedHashMap<String, Long>();
      for (var row : Jdbc.query(c, "SELECT account_id, COUNT(*) FROM inventory_event GROUP BY account_id", List.of(),
          rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
        out.put(row.getKey(), row.getValue());
      }
      return out;
    });
  }

  static ObjectNode parse(String json) throws SQLException {
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new SQLException("inventory item with unreadable data", e);
    }
  }

  /** JDBC binds null through {@link Jdbc#bind}; List.of refuses nulls, so nullable values travel as this. */
  static Object nullable(Object value) {
    return value == null ? Jdbc.NULL : value;
  }
}
