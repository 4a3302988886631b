package io.rolecall.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.UsageException;
import io.rolecall.render.Json;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Pages of items and events read in SQL, for the engine's list endpoints and the dashboard: at most {@code limit}
 * rows a page, the next page continuing after the last row's key (keyset paging: no OFFSET, so page N costs what
 * page 1 costs), and the total of the whole listing counted in the store. Nothing reads a whole table.
 *
 * <p>The {@code nextToken} is the last row's key, as base64url JSON. It is opaque to callers and checked when it
 * comes back: anything but a token of this listing is a one-line usage error naming {@code nextToken}.
 */
public final class ItemPages {
  /** One page: the rows (as the list endpoints show them), the token of the next page (null at the end), the total. */
  public record Page(List<ObjectNode> items, String nextToken, long total) {}

  private ItemPages() {}

  /** Items of {@code kinds} in the view (the given accounts, or all), ordered by account, kind, region and id. */
  public static Page items(InventoryStore inventory, View view, Collection<Kind> kinds, Collection<String> accounts,
      int limit, String nextToken) {
    return items(inventory, view, kinds, accounts, null, limit, nextToken);
  }

  /**
   * As {@link #items(InventoryStore, View, Collection, Collection, int, String)}, only the items whose name, id (an
   * ARN for IAM) or account contains {@code q} (case-insensitive; null or empty: all), filtered in SQL so the total and
   * the pages count the matching rows only.
   */
  public static Page items(InventoryStore inventory, View view, Collection<Kind> kinds, Collection<String> accounts,
      String q, int limit, String nextToken) {
    String join = " FROM (" + view.pointers() + ") v JOIN inventory_item i ON i.run_id = v.run_id"
        + " AND i.account_id = v.account_id AND i.part = v.part AND i.region = v.region";
    var where = new StringBuilder(" WHERE i.kind IN (" + Jdbc.marks(kinds.size()) + ")");
    var params = new ArrayList<Object>(view.params());
    kinds.forEach(k -> params.add(k.id()));
    if (!accounts.isEmpty()) {
      where.append(" AND v.account_id IN (").append(Jdbc.marks(accounts.size())).append(")");
      params.addAll(accounts);
    }
    if (q != null && !q.isEmpty()) {
      where.append(" AND (LOWER(i.name) LIKE ? ESCAPE '!' OR LOWER(i.item_id) LIKE ? ESCAPE '!'"
          + " OR i.account_id LIKE ? ESCAPE '!')");
      String like = like(q);
      params.addAll(List.of(like, like, like));
    }
    var pageParams = new ArrayList<Object>(params);
    String after = "";
    List<String> key = parse(nextToken, 4);
    if (key != null) {
      after = " AND (i.account_id, i.kind, i.region, i.item_id) > (?, ?, ?, ?)";
      pageParams.addAll(key);
    }
    // The JSON is joined for the page's rows only; the count needs none of it.
    String pageSql = "SELECT i.kind, i.account_id, i.region, i.item_id, i.name, d.data, i.run_id, v.collected_at"
        + join + " JOIN inventory_data d ON d.hash = i.data_hash" + where + after
        + " ORDER BY i.account_id, i.kind, i.region, i.item_id LIMIT " + (limit + 1);
    String countSql = "SELECT COUNT(*)" + join + where;
    return inventory.store().transaction(c -> {
      var rows = Jdbc.query(c, pageSql, pageParams, rs -> new Object[] {key(rs), item(rs)});
      long total = Jdbc.query(c, countSql, params, rs -> rs.getLong(1)).getFirst();
      return page(rows, limit, total);
    });
  }

  /** Stored CloudTrail events (the given accounts, or all), newest first. */
  public static Page events(InventoryStore inventory, Collection<String> accounts, int limit, String nextToken) {
    return events(inventory, accounts, null, limit, nextToken);
  }

  /** Stored events whose name, source, user name, id or account contains {@code q} (case-insensitive), newest first. */
  public static Page events(InventoryStore inventory, Collection<String> accounts, String q, int limit,
      String nextToken) {
    String where = accounts.isEmpty() ? "" : " WHERE account_id IN (" + Jdbc.marks(accounts.size()) + ")";
    var params = new ArrayList<Object>(accounts);
    if (q != null && !q.isEmpty()) {
      where += (where.isEmpty() ? " WHERE " : " AND ") + "(LOWER(event_name) LIKE ? ESCAPE '!' OR LOWER(event_source)"
          + " LIKE ? ESCAPE '!' OR LOWER(username) LIKE ? ESCAPE '!' OR LOWER(event_id) LIKE ? ESCAPE '!'"
          + " OR account_id LIKE ? ESCAPE '!')";
      String like = like(q);
      params.addAll(List.of(like, like, like, like, like));
    }
    var pageParams = new ArrayList<Object>(params);
    String after = "";
    List<String> key = parse(nextToken, 4);
    if (key != null) {
      // Newest first: the next page is older, or as old and later in (account, region, id).
      after = (where.isEmpty() ? " WHERE " : " AND ") + "(event_time < ? OR (event_time = ? AND (account_id, region,"
          + " event_id) > (?, ?, ?)))";
      pageParams.addAll(List.of(key.get(0), key.get(0), key.get(1), key.get(2), key.get(3)));
    }
    String sql = "SELECT account_id, region, event_id, event_time, event_name, event_source, username, read_only,"
        + " access_key_id, cloudtrail_event FROM inventory_event" + where + after
        + " ORDER BY event_time DESC, account_id, region, event_id LIMIT " + (limit + 1);
    String countSql = "SELECT COUNT(*) FROM inventory_event" + where;
    return inventory.store().transaction(c -> {
      var rows = Jdbc.query(c, sql, pageParams, rs -> {
        int ro = rs.getInt(8);
        Boolean readOnly = rs.wasNull() ? null : ro == 1;
        var e = new TrailEvent(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.time(rs.getString(4)),
            rs.getString(5), rs.getString(6), rs.getString(7), readOnly, rs.getString(9), rs.getString(10));
        return new Object[] {List.of(rs.getString(4), rs.getString(1), rs.getString(2), rs.getString(3)), e.json()};
      });
      long total = Jdbc.query(c, countSql, params, rs -> rs.getLong(1)).getFirst();
      return page(rows, limit, total);
    });
  }

  /** A LIKE pattern for "contains q", lower-cased, with LIKE's own characters escaped by '!'. */
  static String like(String q) {
    String lower = q.toLowerCase(java.util.Locale.ROOT);
    return "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  /**
   * The view's items of {@code kinds} in {@code account} whose id is one of {@code ids} or whose name is one of
   * {@code names} (either may be empty): a principal's policies, groups, keys and devices, read by key.
   */
  public static List<ObjectNode> find(InventoryStore inventory, View view, Collection<Kind> kinds, String account,
      Collection<String> ids, Collection<String> names) {
    if (kinds.isEmpty() || (ids.isEmpty() && names.isEmpty())) {
      return List.of();
    }
    var params = new ArrayList<Object>(view.params());
    kinds.forEach(k -> params.add(k.id()));
    var match = new ArrayList<String>();
    if (!ids.isEmpty()) {
      match.add("i.item_id IN (" + Jdbc.marks(ids.size()) + ")");
      params.addAll(ids);
    }
    if (!names.isEmpty()) {
      match.add("i.name IN (" + Jdbc.marks(names.size()) + ")");
      params.addAll(names);
    }
    String accountClause = "";
    if (account != null) {
      accountClause = " AND v.account_id = ?";
      params.add(account);
    }
    String sql = "SELECT i.kind, i.account_id, i.region, i.item_id, i.name, d.data, i.run_id, v.collected_at FROM ("
        + view.pointers() + ") v JOIN inventory_item i ON i.run_id = v.run_id AND i.account_id = v.account_id"
        + " AND i.part = v.part AND i.region = v.region JOIN inventory_data d ON d.hash = i.data_hash"
        + " WHERE i.kind IN (" + Jdbc.marks(kinds.size()) + ") AND (" + String.join(" OR ", match) + ")"
        + accountClause + " ORDER BY i.account_id, i.kind, i.region, i.item_id LIMIT " + (MAX_FOUND + 1);
    return inventory.store().transaction(c -> Jdbc.query(c, sql, params, ItemPages::item));
  }

  /** At most this many rows a {@link #find} answers (a principal has far fewer policies, keys or groups). */
  static final int MAX_FOUND = 1000;

  @SuppressWarnings("unchecked")
  private static Page page(List<Object[]> rows, int limit, long total) {
    boolean more = rows.size() > limit;
    var kept = more ? rows.subList(0, limit) : rows;
    var items = new ArrayList<ObjectNode>(kept.size());
    kept.forEach(r -> items.add((ObjectNode) r[1]));
    String next = more ? token((List<String>) kept.getLast()[0]) : null;
    return new Page(items, next, total);
  }

  private static List<String> key(ResultSet rs) throws java.sql.SQLException {
    return List.of(rs.getString(2), rs.getString(1), rs.getString(3), rs.getString(4));
  }

  private static ObjectNode item(ResultSet rs) throws java.sql.SQLException {
    return new InventoryStore.Stored(new Item(Kind.ofId(rs.getString(1)), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), InventoryStore.parse(rs.getString(6))), rs.getString(7),
        Jdbc.time(rs.getString(8))).json();
  }

  static String token(List<String> key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(key).getBytes(StandardCharsets.UTF_8));
  }

  /** The key a token carries, or null for no token; anything else is a usage error. */
  static List<String> parse(String token, int size) {
    if (token == null || token.isEmpty()) {
      return null;
    }
    try {
      var node = Json.mapper().readTree(Base64.getUrlDecoder().decode(token));
      if (node != null && node.isArray() && node.size() == size) {
        var key = new ArrayList<String>(size);
        for (var e : node) {
          if (!e.isTextual()) {
            throw new IllegalArgumentException();
          }
          key.add(e.asText());
        }
        return key;
      }
    } catch (IllegalArgumentException | java.io.IOException e) {
      // reported below
    }
    throw new UsageException("nextToken: expected the nextToken of a previous page of this listing");
  }
}
