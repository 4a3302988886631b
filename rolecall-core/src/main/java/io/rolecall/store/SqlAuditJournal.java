package io.rolecall.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.rolecall.audit.AuditEntry;
import io.rolecall.audit.AuditJournal;
import io.rolecall.render.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit journal in the store's {@code audit_journal} table. */
final class SqlAuditJournal implements AuditJournal {
  /** Fixed-width UTC with milliseconds: text order is time order. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Store store;

  SqlAuditJournal(Store store) {
    this.store = store;
  }

  @Override
  public AuditEntry append(AuditEntry e) {
    long id = store.transaction(c -> {
      try (var ps = c.prepareStatement("INSERT INTO audit_journal (at, actor, instance, account_id, region, command,"
          + " arguments, principal, resource, before_state, after_state) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
          Statement.RETURN_GENERATED_KEYS)) {
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
        ps.setString(11, e.after());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          return keys.next() ? keys.getLong(1) : 0L;
        }
      }
    });
    return e.withId(id);
  }

  @Override
  public List<AuditEntry> recent(int limit) {
    return store.transaction(c -> {
      try (var ps = c.prepareStatement("SELECT id, at, actor, instance, account_id, region, command, arguments,"
          + " principal, resource, before_state, after_state FROM audit_journal ORDER BY id DESC LIMIT ?")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          var entries = new ArrayList<AuditEntry>();
          while (rs.next()) {
            entries.add(read(rs));
          }
          return entries;
        }
      }
    });
  }

  private static AuditEntry read(ResultSet rs) throws SQLException {
    Map<String, String> args;
    try {
      args = Json.mapper().readValue(rs.getString("arguments"), new TypeReference<Map<String, String>>() { });
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("audit entry " + rs.getLong("id") + " has unreadable arguments", e);
    }
    return new AuditEntry(rs.getLong("id"), Instant.from(TIME.parse(rs.getString("at"))), rs.getString("actor"),
        rs.getString("instance"), rs.getString("account_id"), rs.getString("region"), rs.getString("command"), args,
        rs.getString("principal"), rs.getString("resource"), rs.getString("before_state"), rs.getString("after_state"));
  }
}
