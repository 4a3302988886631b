package io.rolecall.sandbox.seed;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.service.cloudtrail.CloudTrail;
import io.rolecall.sandbox.service.kms.KmsState;
import io.rolecall.sandbox.service.rds.RdsState;
import io.rolecall.sandbox.service.s3.Grant;
import io.rolecall.sandbox.service.s3.PublicAccessBlock;
import java.util.List;

/**
 * One of each risky asset the roll call flags, beside a clean one of each kind, in one account:
 * <ul>
 *   <li>bucket {@code public-ACCOUNT}: a policy letting everyone read, a public-read ACL, no public access block;</li>
 *   <li>bucket {@code open-ACCOUNT}: private, but without a public access block;</li>
 *   <li>bucket {@code logs-ACCOUNT}: every public access flag on, the log delivery group's grants (clean; the
 *       logging target);</li>
 *   <li>RDS instance {@code orders} publicly accessible, {@code billing} private; snapshot {@code orders-snap} and
 *       cluster snapshot {@code ledger-snap} restorable by all, {@code billing-snap} shared with one account;</li>
 *   <li>trail {@code audit} not logging, single-region;</li>
 *   <li>a customer managed KMS key without rotation, an AWS managed key (rotated by AWS).</li>
 * </ul>
 */
public final class RiskyAssets {
  private RiskyAssets() {}

  public static void seed(Account account, String region) {
    String id = account.id();
    var s3 = account.s3();
    s3.createBucket("public-" + id, region);
    s3.change("public-" + id, b -> b.withPolicy(publicReadPolicy("public-" + id))
        .withGrants(Grant.canned("public-read", s3.canonicalId())));
    s3.createBucket("open-" + id, region);
    s3.createBucket("logs-" + id, region);
    s3.setPublicAccessBlock("logs-" + id, PublicAccessBlock.ALL_TRUE);
    s3.change("logs-" + id, b -> b.withGrants(Grant.canned("log-delivery-write", s3.canonicalId())));
    var rds = RdsState.of(account);
    rds.createInstance(region, "orders", true);
    rds.createInstance(region, "billing", false);
    rds.createSnapshot(region, "orders-snap", "orders", false, List.of("all"));
    rds.createSnapshot(region, "billing-snap", "billing", false, List.of("999988887777"));
    rds.createSnapshot(region, "ledger-snap", "ledger", true, List.of("all"));
    CloudTrail.of(account).createTrail("audit", region, "logs-" + id, false);
    KmsState.of(account).createKey(region, "orders data key");
    KmsState.of(account).createAwsManagedKey(region, "Default key that protects my S3 objects");
  }

  public static String publicReadPolicy(String bucket) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
  }
}
