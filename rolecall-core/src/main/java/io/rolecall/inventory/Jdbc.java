package io.rolecall.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC shapes the inventory's queries share: bind a list of parameters, map rows, time as text. */
final class Jdbc {
  /** SQL NULL as a parameter (List.of refuses Java nulls). */
  static final Object NULL = new Object() {
    @Override public String toString() {
      return "NULL";
    }
  };

  private Jdbc() {}

  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  static <T> List<T> query(Connection c, String sql, List<?> params, Row<T> row) throws SQLException {
    try (var ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        var out = new ArrayList<T>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    }
  }

  static int update(Connection c, String sql, List<?> params) throws SQLException {
    try (var ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  static void bind(PreparedStatement ps, List<?> params) throws SQLException {
    int n = 1;
    for (Object p : params) {
      if (p == NULL) {
        ps.setString(n++, null);
        continue;
      }
      switch (p) {
        case null -> ps.setString(n++, null);
        case Instant t -> ps.setString(n++, InventoryStore.TIME.format(t));
        case Integer i -> ps.setInt(n++, i);
        case Long l -> ps.setLong(n++, l);
        default -> ps.setString(n++, p.toString());
      }
    }
  }

  static Instant time(String text) {
    return text == null ? null : Instant.from(InventoryStore.TIME.parse(text));
  }

  /** "?,?,?" for n parameters. */
  static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }
}
