package io.rolecall.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.rolecall.audit.AuditEntry;
import io.rolecall.audit.AuditJournal;
import io.rolecall.render.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit journal in the store: {@code audit_journal} holds each change as intended (after_state is the state
 * asked for), {@code audit_outcome} how it came out. Both are only ever appended to.
 */
final class SqlAuditJournal implements AuditJournal {
  /** Fixed-width UTC with milliseconds: text order is time order. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final String INSERT = "INSERT INTO audit_journal (at, actor, instance, account_id, region, command,"
      + " arguments, principal, resource, before_state, after_state) VALUES (?,?,?,?,?,?,?,?,?,?,?)";

  private final Store store;

  SqlAuditJournal(Store store) {
    this.store = store;
  }

  @Override
  public void checkWritable() {
    store.transaction(c -> {
      try (var ps = c.prepareStatement(INSERT)) {
        bind(ps, new AuditEntry(0, Instant.EPOCH, "(write check)", null, null, null, "(write check)", Map.of(), null,
            null, null, null, null));
        ps.executeUpdate();
      } finally {
        c.rollback();
      }
      return null;
    });
  }

  @Override
  public AuditEntry intend(AuditEntry e) {
    long id = store.transaction(c -> {
      try (var ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
        bind(ps, e);
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          return keys.next() ? keys.getLong(1) : 0L;
        }
      }
    });
    return e.withId(id);
  }

  @Override
  public void complete(long id, AuditEntry.Outcome o) {
    store.transaction(c -> {
      try (var ps = c.prepareStatement(
          "INSERT INTO audit_outcome (entry_id, at, outcome, after_state, detail) VALUES (?,?,?,?,?)")) {
        ps.setLong(1, id);
        ps.setString(2, TIME.format(o.time()));
        ps.setString(3, o.status().name().toLowerCase(java.util.Locale.ROOT));
        ps.setString(4, o.after());
        ps.setString(5, o.detail());
        return ps.executeUpdate();
      }
    });
  }

  private static void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
    ps.setString(1, TIME.format(e.time()));
    ps.setString(2, e.actor());
    ps.setString(3, e.instance());
    ps.setString(4, e.accountId());
    ps.setString(5, e.region());
    ps.setString(6, e.command());
    ps.setString(7, Json.write(e.arguments()));
    ps.setString(8, e.principal());
    ps.setString(9, e.resource());
    ps.setString(10, e.before());
    ps.setString(11, e.requested());
  }

  @Override
  public List<AuditEntry> recent(int limit) {
    return store.transaction(c -> read(c, limit));
  }

  /** Filtered in SQL: only the page of matching entries is read. */
  @Override
  public List<AuditEntry> recent(int limit, String account, String command, String actor) {
    return store.transaction(c -> read(c, limit, account, command, actor));
  }

  private static List<AuditEntry> read(Connection c, int limit) throws SQLException {
    return read(c, limit, null, null, null);
  }

  private static List<AuditEntry> read(Connection c, int limit, String account, String command, String actor)
      throws SQLException {
    var where = new ArrayList<String>();
    var params = new ArrayList<String>();
    if (account != null) {
      where.add("j.account_id = ?");
      params.add(account);
    }
    if (command != null) {
      where.add("j.command = ?");
      params.add(command);
    }
    if (actor != null) {
      where.add("LOWER(j.actor) LIKE ? ESCAPE '!'");
      params.add("%" + actor.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
          .replace("_", "!_") + "%");
    }
    try (var ps = c.prepareStatement("SELECT j.id, j.at, j.actor, j.instance, j.account_id, j.region, j.command,"
        + " j.arguments, j.principal, j.resource, j.before_state, j.after_state, o.at AS done_at, o.outcome,"
        + " o.after_state AS read_back, o.detail FROM audit_journal j LEFT JOIN audit_outcome o ON o.entry_id = j.id"
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY j.id DESC LIMIT ?")) {
      int n = 1;
      for (String p : params) {
        ps.setString(n++, p);
      }
      ps.setInt(n, limit);
      try (ResultSet rs = ps.executeQuery()) {
        var entries = new ArrayList<AuditEntry>();
        while (rs.next()) {
          entries.add(read(rs));
        }
        return entries;
      }
    }
  }

  private static AuditEntry read(ResultSet rs) throws SQLException {
    Map<String, String> args;
    try {
      args = Json.mapper().readValue(rs.getString("arguments"), new TypeReference<Map<String, String>>() { });
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("audit entry " + rs.getLong("id") + " has unreadable arguments", e);
    }
    String status = rs.getString("outcome");
    AuditEntry.Outcome outcome = status == null ? null : new AuditEntry.Outcome(
        AuditEntry.Outcome.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT)),
        Instant.from(TIME.parse(rs.getString("done_at"))), rs.getString("read_back"), rs.getString("detail"));
    return new AuditEntry(rs.getLong("id"), Instant.from(TIME.parse(rs.getString("at"))), rs.getString("actor"),
        rs.getString("instance"), rs.getString("account_id"), rs.getString("region"), rs.getString("command"), args,
        rs.getString("principal"), rs.getString("resource"), rs.getString("before_state"), rs.getString("after_state"),
        outcome);
  }
}
