package io.rolecall.sandbox.service.cloudtrail;

import io.rolecall.sandbox.Account;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One account's CloudTrail: its trails, and per region its event history: {@code CloudTrail.of(account).region("us-east-1").record(...)}. */
public final class CloudTrail {
  private final String accountId;
  private final Map<String, RegionTrail> regions = new ConcurrentHashMap<>();
  private final Map<String, Trail> trails = new java.util.concurrent.ConcurrentSkipListMap<>();

  private CloudTrail(String accountId) {
    this.accountId = accountId;
  }

  public static CloudTrail of(Account account) {
    return account.state(CloudTrail.class, () -> new CloudTrail(account.id()));
  }

  public RegionTrail region(String region) {
    return regions.computeIfAbsent(region, r -> new RegionTrail(accountId, r));
  }

  /** A trail in {@code homeRegion} delivering to {@code bucket}, not logging until started. */
  public Trail createTrail(String name, String homeRegion, String bucket, boolean multiRegion) {
    var trail = new Trail(name, accountId, homeRegion, bucket, null, null, true, multiRegion, false, null, null, null,
        false);
    trails.put(name, trail);
    return trail;
  }

  /** Every trail of the account, by name. */
  public java.util.List<Trail> trails() {
    return java.util.List.copyOf(trails.values());
  }

  public java.util.Optional<Trail> trail(String name) {
    return java.util.Optional.ofNullable(trails.get(name));
  }

  /** Replaces a trail (by name) with a changed copy. */
  public void update(Trail trail) {
    trails.put(trail.name(), trail);
  }
}
