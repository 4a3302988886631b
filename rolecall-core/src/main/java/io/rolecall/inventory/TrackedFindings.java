package io.rolecall.inventory;

import io.rolecall.inventory.Finding.Rule;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as tracked objects: each (rule, account, principal) has one row that says when it was first and last
 * seen and whether it is still open. They are re-judged whenever the part a rule reads has new current data: found
 * again, a finding stays open (its evidence updated); gone, it is resolved; back, it reopens.
 */
public final class TrackedFindings {
  /** A finding as tracked. */
  public record Tracked(Finding finding, String status, Instant firstSeen, Instant lastSeen, Instant resolvedAt,
                        String firstRun, String lastRun) {
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    public boolean open() {
      return OPEN.equals(status);
    }
  }

  private TrackedFindings() {}

  /**
   * Judges every current (account, part) whose data changed since its findings were last judged. Run after every
   * sync, and before findings are read (a store migrated from before tracking, or a sync that died after storing).
   */
  public static void refresh(InventoryStore store) {
    for (var p : store.store().transaction(c -> Jdbc.query(c, "SELECT account_id, part, region, run_id, collected_at"
        + " FROM inventory_current WHERE findings_run_id IS NULL OR findings_run_id <> run_id ORDER BY account_id, part",
        List.of(), rs -> new InventoryStore.Pointer(rs.getString(1), Part.ofId(rs.getString(2)), rs.getString(3),
            rs.getString(4), Jdbc.time(rs.getString(5)), false)))) {
      var rules = java.util.Arrays.stream(Rule.values()).filter(r -> r.part() == p.part()).toList();
      if (rules.isEmpty()) {
        markJudged(store, p);
        continue;
      }
      var items = new ArrayList<Item>();
      store.items(p, items::add);
      var found = new ArrayList<Finding>(p.part() == Part.IAM ? Findings.evaluate(p.accountId(), items,
          p.collectedAt()) : List.of());
      found.addAll(AssetFindings.evaluate(p.accountId(), p.part(), p.region(), items, p.collectedAt()));
      found.removeIf(f -> f.rule().part() != p.part());
      record(store, p, found);
    }
    judgeWhole(store);
  }

  private static final List<Judge> JUDGES = java.util.ServiceLoader.load(Judge.class).stream()
      .map(java.util.ServiceLoader.Provider::get).toList();

  /** The judges of the whole state, asked again only when the current state changed since they last were. */
  private static void judgeWhole(InventoryStore store) {
    if (JUDGES.isEmpty()) {
      return;
    }
    String state = store.currentDigest();
    for (Judge judge : JUDGES) {
      String judged = store.store().transaction(c -> Jdbc.query(c, "SELECT state FROM inventory_judged WHERE scope = ?",
          List.of(judge.scope()), rs -> rs.getString(1)).stream().findFirst().orElse(null));
      if (state.equals(judged)) {
        continue;
      }
      java.time.Instant now = java.time.Instant.now();
      var found = judge.judge(store, now);
      recordScope(store, judge.scope(), found, now, latestRunId(store));
      store.store().transaction(c -> {
        int n = Jdbc.update(c, "UPDATE inventory_judged SET state = ?, at = ? WHERE scope = ?",
            List.of(state, now, judge.scope()));
        return n > 0 ? n : Jdbc.update(c, "INSERT INTO inventory_judged (scope, state, at) VALUES (?,?,?)",
            List.of(judge.scope(), state, now));
      });
    }
  }

  private static String latestRunId(InventoryStore store) {
    return store.latestRun().map(InventoryStore.Run::runId).orElse("none");
  }

  /** A whole-state judgement: tracked under its scope, every account at once. */
  private static void recordScope(InventoryStore store, String scope, List<Finding> found, java.time.Instant at,
      String runId) {
    store.store().transaction(c -> {
      upsert(c, scope, null, found, at, runId);
      return null;
    });
  }

  private static void markJudged(InventoryStore store, InventoryStore.Pointer p) {
    store.store().transaction(c -> Jdbc.update(c, "UPDATE inventory_current SET findings_run_id = ? WHERE account_id = ?"
        + " AND part = ? AND region = ? AND run_id = ?", List.of(p.runId(), p.accountId(), p.part().id(), p.region(),
        p.runId())));
  }

  /** Stores one (account, part)'s judgement: upsert what was found, resolve what was open and is gone. */
  private static void record(InventoryStore store, InventoryStore.Pointer p, List<Finding> found) {
    // A regional part is judged per region: its scope names the region, so judging one region never resolves
    // another region's findings.
    String scope = p.part().regional() ? p.part().id() + "@" + p.region() : p.part().id();
    store.store().transaction(c -> {
      upsert(c, scope, p.accountId(), found, p.collectedAt(), p.runId());
      return Jdbc.update(c, "UPDATE inventory_current SET findings_run_id = ? WHERE account_id = ? AND part = ?"
          + " AND region = ? AND run_id = ?", List.of(p.runId(), p.accountId(), p.part().id(), p.region(), p.runId()));
    });
  }

  /**
   * The findings of one judgement, tracked: found again, a finding stays open (its evidence updated); new, it is
   * added; open before and gone now, it is resolved. {@code account} null: the judgement covered every account.
   */
  private static void upsert(Connection c, String scope, String account, List<Finding> found, java.time.Instant at,
      String runId) throws SQLException {
    var known = new HashMap<String, String>();
    for (var row : Jdbc.query(c, "SELECT finding_id, status FROM inventory_finding WHERE part = ?"
        + (account == null ? "" : " AND account_id = ?"), account == null ? List.of(scope) : List.of(scope, account),
        rs -> Map.entry(rs.getString(1), rs.getString(2)))) {
      known.put(row.getKey(), row.getValue());
    }
    var seen = new java.util.HashSet<String>();
    for (Finding f : found) {
      String id = f.id();
      if (!seen.add(id)) {
        continue;
      }
      if (known.containsKey(id)) {
        Jdbc.update(c, "UPDATE inventory_finding SET status = 'open', evidence = ?, severity = ?, last_seen = ?,"
            + " last_run = ?, resolved_at = NULL WHERE finding_id = ?", List.of(f.evidence(), f.rule().severity().id(),
            at, runId, id));
      } else {
        Jdbc.update(c, "INSERT INTO inventory_finding (finding_id, account_id, part, rule, severity, principal,"
            + " evidence, status, first_seen, last_seen, first_run, last_run) VALUES (?,?,?,?,?,?,?,'open',?,?,?,?)",
            List.of(id, f.accountId(), scope, f.rule().id(), f.rule().severity().id(), f.principal(), f.evidence(), at,
                at, runId, runId));
      }
    }
    for (var e : known.entrySet()) {
      if (!seen.contains(e.getKey()) && Tracked.OPEN.equals(e.getValue())) {
        Jdbc.update(c, "UPDATE inventory_finding SET status = 'resolved', resolved_at = ? WHERE finding_id = ?",
            List.of(at, e.getKey()));
      }
    }
  }

  /** Every tracked finding of the given accounts (all when empty). */
  public static List<Tracked> all(InventoryStore store, java.util.Collection<String> accounts) {
    String where = accounts.isEmpty() ? "" : " WHERE account_id IN (" + Jdbc.marks(accounts.size()) + ")";
    return store.store().transaction(c -> Jdbc.query(c, "SELECT account_id, principal, rule, evidence, status,"
        + " first_seen, last_seen, resolved_at, first_run, last_run FROM inventory_finding" + where,
        List.copyOf(accounts), TrackedFindings::tracked)).stream().filter(t -> t != null).toList();
  }

  /** The tracked rows for findings judged elsewhere (a past run's), by finding id. */
  static Map<String, Tracked> byId(Connection c, List<String> ids) throws SQLException {
    var out = new HashMap<String, Tracked>();
    for (int from = 0; from < ids.size(); from += 500) {
      var chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      for (Tracked t : Jdbc.query(c, "SELECT account_id, principal, rule, evidence, status, first_seen, last_seen,"
          + " resolved_at, first_run, last_run FROM inventory_finding WHERE finding_id IN (" + Jdbc.marks(chunk.size())
          + ")", chunk, TrackedFindings::tracked)) {
        if (t != null) {
          out.put(t.finding().id(), t);
        }
      }
    }
    return out;
  }

  private static Tracked tracked(ResultSet rs) throws SQLException {
    // A rule this version no longer has (a newer store read by an older rolecall) is left out, not guessed at.
    var rule = Rule.ofId(rs.getString(3));
    if (rule.isEmpty()) {
      return null;
    }
    return new Tracked(new Finding(rs.getString(1), rs.getString(2), rule.get(), rs.getString(4)), rs.getString(5),
        Jdbc.time(rs.getString(6)), Jdbc.time(rs.getString(7)), Jdbc.time(rs.getString(8)), rs.getString(9),
        rs.getString(10));
  }
}
