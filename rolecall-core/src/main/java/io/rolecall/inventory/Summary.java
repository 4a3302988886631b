package io.rolecall.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest run at a glance, in exactly SPEC §2.3's shape: {@code {"runId", "accounts": [{"accountId", "status",
 * "error", "users", "groups", "roles", "localPolicies", "awsPolicies", "accessKeys", "instances", "vpcs",
 * "subnets", "securityGroups", "networkInterfaces", "events", "apiCalls", "throttled"}]}}.
 */
public final class Summary {
  /** The counted kinds, in the order the summary lists them. */
  static final List<Kind> COUNTED = List.of(Kind.USER, Kind.GROUP, Kind.ROLE, Kind.LOCAL_POLICY, Kind.AWS_POLICY,
      Kind.ACCESS_KEY, Kind.INSTANCE, Kind.VPC, Kind.SUBNET, Kind.SECURITY_GROUP, Kind.NETWORK_INTERFACE);

  private Summary() {}

  /** The latest finished run's summary, or empty when no sync has finished yet. */
  public static Optional<Map<String, Object>> latest(InventoryStore store) {
    return store.latestRun().map(run -> of(store, run.runId()));
  }

  public static Map<String, Object> of(InventoryStore store, String runId) {
    var counts = store.counts(runId);
    var accounts = new ArrayList<Map<String, Object>>();
    for (var a : store.accounts(runId)) {
      var row = new LinkedHashMap<String, Object>();
      row.put("accountId", a.accountId());
      row.put("status", a.ok() ? "ok" : "error");
      row.put("error", a.error());
      var kinds = counts.getOrDefault(a.accountId(), Map.of());
      for (Kind k : COUNTED) {
        row.put(k.summaryField(), kinds.getOrDefault(k, 0L));
      }
      row.put("events", a.events());
      row.put("apiCalls", a.apiCalls());
      row.put("throttled", a.throttled());
      accounts.add(row);
    }
    var out = new LinkedHashMap<String, Object>();
    out.put("runId", runId);
    out.put("accounts", accounts);
    return out;
  }
}
