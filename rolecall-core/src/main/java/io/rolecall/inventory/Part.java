package io.rolecall.inventory;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a sync collects, as a unit of current state: IAM once per account ({@link Item#GLOBAL}), EC2 and CloudTrail
 * once per account and region; and once per organization, Identity Center (under the account that owns the
 * instance, in the instance's region) and the service control policies (under the management account). The latest
 * successful collection of an (account, part, region) is its current state; a failed one leaves the previous state
 * in place and says why.
 */
public enum Part {
  IAM(false, false),
  EC2(true, false),
  CLOUDTRAIL(true, false),
  IDENTITYCENTER(true, true),
  ORGANIZATIONS(false, true),
  /** EBS snapshots and AMIs the account owns, with who may use them (public or not): regional. */
  SNAPSHOTS(true, false),
  // The assets the S3, RDS, CloudTrail and KMS remediations act on (issue 15); S3's buckets are listed once per
  // account, each bucket's region in its data.
  S3(false, false),
  RDS(true, false),
  TRAILS(true, false),
  KMS(true, false);

  private final boolean regional;
  private final boolean organizational;

  Part(boolean regional, boolean organizational) {
    this.regional = regional;
    this.organizational = organizational;
  }

  /** Collected once per organization (not per account): by the run's organization step. */
  public boolean organizational() {
    return organizational;
  }

  /** The name the store, the JSON and `--services` use. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean regional() {
    return regional;
  }

  public static Part ofId(String id) {
    return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown part " + id));
  }
}
