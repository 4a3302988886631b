package io.rolecall.server;

import io.rolecall.audit.AuditView;
import io.rolecall.store.Store;
import java.util.Map;

/** {@code GET /v1/audit?account=&command=&actor=&limit=N}: the audit journal, newest first, as `rolecall audit -o json` prints it. */
final class AuditApi {
  private final Store store;

  AuditApi(Store store) {
    this.store = store;
  }

  Response recent(Request r) {
    int limit = InventoryApi.limit(r, 20, 10_000);
    String account = InventoryApi.text(r, "account");
    if (account != null) {
      account = io.rolecall.inventory.ReadOptions.accounts(account, "account").getFirst();
    }
    return Response.ok(Map.of("entries", AuditView.json(store.auditJournal().recent(limit, account,
        InventoryApi.text(r, "command"), InventoryApi.text(r, "actor")))));
  }
}
