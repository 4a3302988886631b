package io.rolecall.inventory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side pacing per (account, region, service), so a sync stays under AWS's quotas instead of discovering
 * them through throttling. Quotas are per account (and per region for regional services), so buckets are too:
 * <ul>
 *   <li>CloudTrail LookupEvents: 2 requests/s per account and region, AWS's documented quota; burst 1.</li>
 *   <li>EC2 Describe*: EC2 throttles non-mutating calls with a token bucket per account and region (bucket 100,
 *       refill 20/s); we use 20/s with a burst of 20, leaving headroom for the account's other users.</li>
 *   <li>IAM: one global endpoint shared by everything in the account; its quotas are not published per call, so
 *       we stay gentle at 10/s, burst 5.</li>
 *   <li>Identity Store and SSO Admin: 20/s each, burst 20: the quota each has per Identity Center instance (the
 *       instance's owner account and region are the bucket's).</li>
 *   <li>Organizations: 2/s, burst 2 (its quotas are a few requests a second for the whole organization); STS: 10/s.</li>
 *   <li>S3 bucket configuration reads: 20/s, burst 20; RDS Describe*: 10/s, burst 5; KMS: 20/s, burst 10 (ListKeys
 *       and DescribeKey share KMS's per-account request quotas with every workload using the keys). CloudTrail's
 *       DescribeTrails and GetTrailStatus share the CloudTrail pace above.</li>
 * </ul>
 * The SDK's retries with backoff remain the safety net when others in the account spend the same quota.
 */
public final class RateLimits {
  /** A service's pace: requests a second and the burst allowed after a quiet spell. */
  public record Pace(double perSecond, double burst) {}

  public static final Map<String, Pace> DEFAULTS = Map.ofEntries(
      Map.entry("CloudTrail", new Pace(2, 1)),
      Map.entry("Ec2", new Pace(20, 20)),
      Map.entry("Iam", new Pace(10, 5)),
      Map.entry("Identitystore", new Pace(20, 20)),
      Map.entry("SsoAdmin", new Pace(20, 20)),
      Map.entry("Organizations", new Pace(2, 2)),
      Map.entry("Sts", new Pace(10, 5)),
      Map.entry("S3", new Pace(20, 20)),
      Map.entry("Rds", new Pace(10, 5)),
      Map.entry("Kms", new Pace(20, 10)));

  private final Map<String, Pace> paces;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimits() {
    this(DEFAULTS);
  }

  public RateLimits(Map<String, Pace> paces) {
    this.paces = Map.copyOf(paces);
  }

  /**
   * A scope that paces every SDK attempt made within it as this account's, from the same buckets as the syncs that
   * share this instance: the engine's commands and its jobs spend one pace per (account, region, service).
   */
  public io.rolecall.aws.CallScope pacing(String accountId) {
    return new io.rolecall.aws.CallScope() {
      @Override
      public void beforeAttempt(String service, String operation, String region) {
        acquire(accountId, service, region);
      }

      @Override
      public void afterAttempt(String service, String operation, boolean throttled) {}
    };
  }

  /** Permits taken so far from one bucket (as {@link #acquire} keys it); for tests and diagnostics. */
  public long taken(String accountId, String service, String region) {
    var bucket = buckets.get(key(accountId, service, region));
    return bucket == null ? 0 : bucket.taken();
  }

  /** Waits for a permit for a call of {@code service} (the SDK's service name) in that account and region. */
  void acquire(String accountId, String service, String region) {
    var pace = paces.get(service);
    if (pace == null) {
      return;
    }
    buckets.computeIfAbsent(key(accountId, service, region), k -> new TokenBucket(pace.perSecond(), pace.burst()))
        .acquire();
  }

  private static String key(String accountId, String service, String region) {
    // IAM, STS and Organizations quotas are account-wide whatever region the client signs for.
    String scope = service.equals("Iam") || service.equals("Sts") || service.equals("Organizations") ? "" : region;
    return accountId + "/" + scope + "/" + service;
  }
}
