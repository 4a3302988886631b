package io.rolecall.server;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.inventory.FindingsReport;
import io.rolecall.render.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The findings endpoint's search, sort and paging over a report's findings: {@code q} a case-insensitive substring of
 * the rule, principal, resource, account or detail (evidence); {@code sort=FIELD} or {@code -FIELD} (descending) over
 * one of the finding's fields; {@code limit} with a {@code nextToken} (the offset into the sorted, filtered list, so
 * only valid for the same q and sort). The groups count the filtered set by rule. Findings are few (one per rule,
 * account and principal) and already read whole by the report, which applies suppressions and staleness from the
 * config: this pages what it answers.
 */
record FindingsPage(List<Map<String, Object>> findings, long total, String nextToken, List<Map<String, Object>> groups) {
  static final List<String> SORTABLE = List.of("severity", "rule", "accountId", "principal", "status", "firstSeen",
      "lastSeen", "resolvedAt", "evidence", "id", "stale");

  static FindingsPage of(List<FindingsReport.Entry> entries, String q, String sort, Integer limit, String nextToken) {
    var rows = new ArrayList<Map<String, Object>>();
    String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
    for (var e : entries) {
      var m = e.json();
      if (needle == null || matches(m, needle)) {
        rows.add(m);
      }
    }
    if (sort != null && !sort.isBlank()) {
      rows.sort(comparator(sort.strip()));
    }
    var counts = new LinkedHashMap<String, Object[]>();
    for (var m : rows) {
      counts.computeIfAbsent((String) m.get("rule"), k -> new Object[] {m.get("severity"), 0L});
      var c = counts.get((String) m.get("rule"));
      c[1] = (Long) c[1] + 1;
    }
    var groups = new ArrayList<Map<String, Object>>();
    counts.forEach((rule, c) -> {
      var g = new LinkedHashMap<String, Object>();
      g.put("rule", rule);
      g.put("severity", c[0]);
      g.put("count", c[1]);
      groups.add(g);
    });
    groups.sort(Comparator.comparing((Map<String, Object> g) -> severityRank((String) g.get("severity")))
        .thenComparing(g -> -(Long) g.get("count")).thenComparing(g -> (String) g.get("rule")));
    int total = rows.size();
    if (limit == null && (nextToken == null || nextToken.isEmpty())) {
      return new FindingsPage(rows, total, null, groups);
    }
    int from = offset(nextToken, total);
    int size = limit == null ? 100 : limit;
    int to = Math.min(total, from + size);
    String next = to < total ? token(to) : null;
    return new FindingsPage(List.copyOf(rows.subList(from, to)), total, next, groups);
  }

  private static boolean matches(Map<String, Object> m, String needle) {
    for (String field : List.of("rule", "principal", "accountId", "evidence", "severity", "id")) {
      Object v = m.get(field);
      if (v != null && v.toString().toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private static Comparator<Map<String, Object>> comparator(String sort) {
    boolean descending = sort.startsWith("-");
    String field = descending ? sort.substring(1) : sort;
    if (!SORTABLE.contains(field)) {
      throw new UsageException("sort: expected one of " + String.join(", ", SORTABLE) + " (-FIELD for descending),"
          + " got " + Shown.quoted(sort));
    }
    Comparator<Map<String, Object>> c = field.equals("severity")
        ? Comparator.comparing(m -> severityRank((String) m.get("severity")))
        : Comparator.comparing(m -> m.get(field) == null ? null : m.get(field).toString(),
            Comparator.nullsLast(Comparator.naturalOrder()));
    if (descending) {
      c = c.reversed();
    }
    // Ties keep the report's order (by severity, account, rule, principal): List.sort is stable.
    return c;
  }

  private static int severityRank(String severity) {
    return io.rolecall.inventory.Finding.Severity.valueOf(severity.toUpperCase(Locale.ROOT)).ordinal();
  }

  private static String token(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(List.of("findings", offset))
        .getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token, int total) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      var node = Json.mapper().readTree(Base64.getUrlDecoder().decode(token));
      if (node != null && node.isArray() && node.size() == 2 && "findings".equals(node.get(0).asText())
          && node.get(1).isInt() && node.get(1).asInt() >= 0) {
        return Math.min(total, node.get(1).asInt());
      }
    } catch (IllegalArgumentException | java.io.IOException e) {
      // reported below
    }
    throw new UsageException("nextToken: expected the nextToken of a previous page of this listing");
  }
}
