package io.rolecall.sandbox.service.rds;

import java.time.Instant;
import java.util.List;

/**
 * A manual DB snapshot or DB cluster snapshot, with its "restore" attribute: the accounts (or "all", which makes
 * it public) that may restore it. Immutable.
 */
public record DbSnapshot(String identifier, String sourceIdentifier, boolean cluster, String accountId, String region,
                         Instant created, List<String> restore) {
  public DbSnapshot {
    restore = List.copyOf(restore);
  }

  public String arn() {
    return "arn:aws:rds:" + region + ":" + accountId + (cluster ? ":cluster-snapshot:" : ":snapshot:") + identifier;
  }

  public DbSnapshot withRestore(List<String> values) {
    return new DbSnapshot(identifier, sourceIdentifier, cluster, accountId, region, created, values);
  }
}
