package io.rolecall.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Findings judged over the whole current state at once, not one part's data (the access graph's: who reaches
 * admin, from where, how). Found through {@link java.util.ServiceLoader}, so the inventory does not depend on
 * whoever judges. {@link TrackedFindings} asks a judge again only when the current state changed since it last did.
 */
public interface Judge {
  /** The name its findings are tracked under (their "part" in the findings table), e.g. "access". */
  String scope();

  /** The findings in the current state; {@code now} is the judgement's time. */
  List<Finding> judge(InventoryStore store, Instant now);
}
