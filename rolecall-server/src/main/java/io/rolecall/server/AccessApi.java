package io.rolecall.server;

import io.rolecall.access.AccessGraph;
import io.rolecall.access.AccessInput;
import io.rolecall.access.Level;
import io.rolecall.access.StoreGraph;
import io.rolecall.inventory.FindingsReport;
import io.rolecall.inventory.InventoryStore;
import java.time.Clock;

/**
 * `rolecall access` over HTTP. The graph of the current state is kept and built again only when the state changed
 * (a digest of the current-state pointers, which one cheap query reads): at a thousand accounts a build takes
 * seconds, a query milliseconds.
 */
final class AccessApi {
  private final InventoryStore inventory;
  private final Clock clock;
  private String builtFor;
  private AccessGraph graph;

  AccessApi(InventoryStore inventory, Clock clock) {
    this.inventory = inventory;
    this.clock = clock;
  }

  Response who(Request r) {
    var q = r.query();
    String account = AccessInput.account("account", q.get("account"));
    Level min = q.get("level") == null ? Level.ADMIN : AccessInput.level("level", q.get("level"));
    return Response.ok(graph().who(account, min).json());
  }

  Response reach(Request r) {
    return Response.ok(graph().reach(AccessInput.principal("principal", r.query().get("principal"))).json());
  }

  Response path(Request r) {
    var q = r.query();
    var from = AccessInput.principal("from", q.get("from"));
    String to = AccessInput.role("to", q.get("to"));
    return Response.ok(graph().path(from, to).json());
  }

  /** The graph of the current state (built again only after a sync changed it); 404 before the first sync. */
  synchronized AccessGraph graph() {
    if (inventory.latestRun().isEmpty()) {
      throw new ApiException(404, "access: no finished sync in the store; start one with POST /v1/inventory/jobs");
    }
    String state = inventory.currentDigest();
    if (graph == null || !state.equals(builtFor)) {
      graph = StoreGraph.current(inventory, clock.instant(), FindingsReport.DEFAULT_MAX_AGE);
      builtFor = state;
    }
    return graph;
  }
}
