package io.rolecall.access;

import io.rolecall.inventory.Finding;
import io.rolecall.inventory.FindingsReport;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.Judge;
import java.time.Instant;
import java.util.List;

/** The access graph's findings join the roll call's: judged on the current state whenever it changes. */
public final class GraphJudge implements Judge {
  public static final String SCOPE = "access";

  @Override
  public String scope() {
    return SCOPE;
  }

  @Override
  public List<Finding> judge(InventoryStore store, Instant now) {
    var graph = StoreGraph.current(store, now, FindingsReport.DEFAULT_MAX_AGE);
    return GraphFindings.of(graph, GraphFindings.Thresholds.DEFAULTS);
  }
}
