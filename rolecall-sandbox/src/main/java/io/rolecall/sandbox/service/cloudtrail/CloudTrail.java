package io.rolecall.sandbox.service.cloudtrail;

import io.rolecall.sandbox.Account;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One account's CloudTrail, per region: {@code CloudTrail.of(account).region("us-east-1").record(...)}. */
public final class CloudTrail {
  private final String accountId;
  private final Map<String, RegionTrail> regions = new ConcurrentHashMap<>();

  private CloudTrail(String accountId) {
    this.accountId = accountId;
  }

  public static CloudTrail of(Account account) {
    return account.state(CloudTrail.class, () -> new CloudTrail(account.id()));
  }

  public RegionTrail region(String region) {
    return regions.computeIfAbsent(region, r -> new RegionTrail(accountId, r));
  }
}
