package io.rolecall.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * `inventory history`: the runs, newest first, with when, which instance, what they collected and how every account
 * fared ({@code {"runs": [{"runId", "startedAt", "finishedAt", "instance", "regions", "services", "accounts",
 * "ok", "partial", "error", "pruned", "accountStatuses": [{"accountId", "status", "error"}]}]}}).
 */
public final class History {
  public static final int DEFAULT_LIMIT = 20;

  private History() {}

  public static Map<String, Object> of(InventoryStore store, int limit, String accountId) {
    var runs = new ArrayList<Map<String, Object>>();
    for (var run : store.runs(limit, accountId)) {
      var statuses = store.accounts(run.runId()).stream()
          .filter(a -> accountId == null || a.accountId().equals(accountId)).toList();
      var parts = store.parts(run.runId());
      var m = new LinkedHashMap<String, Object>();
      m.put("runId", run.runId());
      m.put("startedAt", run.startedAt().toString());
      m.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
      m.put("instance", run.instance());
      m.put("regions", run.regions());
      m.put("services", run.parts());
      m.put("accounts", run.accounts());
      for (String s : List.of(InventoryStore.AccountStatus.OK, InventoryStore.AccountStatus.PARTIAL,
          InventoryStore.AccountStatus.ERROR)) {
        m.put(s, statuses.stream().filter(a -> a.status().equals(s)).count());
      }
      m.put("pruned", !parts.isEmpty() && parts.stream().filter(InventoryStore.PartOutcome::ok)
          .allMatch(InventoryStore.PartOutcome::pruned) && parts.stream().anyMatch(InventoryStore.PartOutcome::ok));
      m.put("accountStatuses", statuses.stream().map(a -> {
        var s = new LinkedHashMap<String, Object>();
        s.put("accountId", a.accountId());
        s.put("status", a.status());
        s.put("error", a.error());
        return s;
      }).toList());
      runs.add(m);
    }
    return Map.of("runs", runs);
  }
}
