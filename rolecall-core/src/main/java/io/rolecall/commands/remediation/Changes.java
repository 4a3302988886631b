package io.rolecall.commands.remediation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the remediation commands show a change: one row per target, each cell "before → after" where it differs. */
final class Changes {
  static final String ARROW = " → ";

  private Changes() {}

  /** The table title, saying so when nothing was written. */
  static String title(String what, boolean dryRun) {
    return dryRun ? what + " (dry run: nothing written)" : what;
  }

  /** The last column: what happened in this target. */
  static String result(boolean dryRun, boolean changed) {
    if (!changed) {
      return "no change needed";
    }
    return dryRun ? "would update" : "updated";
  }

  /**
   * The cells for {@code fields}: the value where before and after agree, {@code before → after} where they
   * differ; a field absent on one side (no policy yet, an unset number) shows as "unset".
   */
  static List<Object> cells(List<String> fields, Map<String, Object> before, Map<String, Object> after) {
    return fields.stream().map(f -> cell(before == null ? null : before.get(f), after.get(f))).toList();
  }

  static Object cell(Object before, Object after) {
    if (java.util.Objects.equals(before, after)) {
      return after;
    }
    return shown(before) + ARROW + shown(after);
  }

  private static String shown(Object v) {
    return v == null ? "unset" : v.toString();
  }

  /** The common part of every remediation command's raw result (-o json). */
  static Map<String, Object> contents(String accountId, String region, boolean dryRun, boolean changed) {
    var m = new LinkedHashMap<String, Object>();
    m.put("AccountId", accountId);
    m.put("Region", region);
    m.put("DryRun", dryRun);
    m.put("Changed", changed);
    return m;
  }
}
