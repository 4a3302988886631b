package io.rolecall.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Risks in one account's assets (buckets, security groups, instances, snapshots, databases, trails, keys), judged
 * per (account, part, region) like the IAM rules in {@link Findings}: one evaluator per part, each given only that
 * part's current items. A finding's principal is the asset's ARN, so its fix can name the region.
 */
public final class AssetFindings {
  private AssetFindings() {}

  public static List<Finding> evaluate(String accountId, Part part, String region, List<Item> items, Instant now) {
    return switch (part) {
      case EC2 -> Ec2Findings.ec2(accountId, region, items);
      case SNAPSHOTS -> Ec2Findings.snapshots(accountId, region, items);
      case S3, RDS, TRAILS, KMS -> AssetRules.evaluate(accountId, part, region, items);
      default -> List.of();
    };
  }
}
