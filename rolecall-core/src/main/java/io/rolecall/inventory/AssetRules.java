package io.rolecall.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.inventory.Finding.Rule;
import java.util.ArrayList;
import java.util.List;


/**
 * The asset rules of S3, RDS, CloudTrail and KMS and their fixes. Each rule reads one part's items (see {@link
 * AssetCollectors}); a finding's principal is the asset's ARN, from which alone its fix is derived:
 * <ul>
 *   <li>public-bucket: the bucket's policy lets everyone in (S3's policy status) and its public access block does
 *       not restrict it, or its ACL grants AllUsers or AuthenticatedUsers and neither the block nor
 *       BucketOwnerEnforced makes S3 ignore it. Fix: all four public access block flags on.</li>
 *   <li>bucket-without-public-access-block: no block, or a flag of it off (the account-level block of S3 Control
 *       is not read here). Fix: the same.</li>
 *   <li>rds-instance-publicly-accessible: PubliclyAccessible. Fix: publicly_accessible=false, applied now.</li>
 *   <li>rds-snapshot-public: a DB or DB cluster snapshot whose restore attribute holds "all". Fix: remove "all".</li>
 *   <li>trail-not-logging: a trail (judged in its home region) that is not logging. Fix: start it.</li>
 *   <li>no-multi-region-trail: no multi-region trail is logging in the region. Fix: make the region's own trail
 *       multi-region; with no trail of its own, none (a new trail needs a bucket whose policy lets CloudTrail
 *       write).</li>
 *   <li>kms-key-rotation-disabled: an enabled symmetric customer managed key without automatic rotation. Fix:
 *       enable it.</li>
 * </ul>
 */
final class AssetRules {
  private AssetRules() {}

  static List<Finding> evaluate(String accountId, Part part, String region, List<Item> items) {
    var out = new ArrayList<Finding>();
    switch (part) {
      case S3 -> items.stream().filter(i -> i.kind() == Kind.BUCKET).forEach(i -> bucket(accountId, i, out));
      case RDS -> items.forEach(i -> rds(accountId, i, out));
      case TRAILS -> trails(accountId, region, items, out);
      case KMS -> items.stream().filter(i -> i.kind() == Kind.KMS_KEY).forEach(i -> {
        JsonNode d = i.data();
        if ("CUSTOMER".equals(d.path("keyManager").asText()) && "SYMMETRIC_DEFAULT".equals(d.path("keySpec").asText())
            && "Enabled".equals(d.path("keyState").asText()) && !d.path("rotationEnabled").asBoolean(false)) {
          out.add(new Finding(accountId, i.id(), Rule.KMS_KEY_WITHOUT_ROTATION, "customer managed key without"
              + " automatic rotation"));
        }
      });
      default -> { }
    }
    return out;
  }

  private static void bucket(String accountId, Item i, List<Finding> out) {
    JsonNode d = i.data();
    JsonNode block = d.path("publicAccessBlock");
    boolean restrict = block.path("restrictPublicBuckets").asBoolean(false);
    boolean ignoreAcls = block.path("ignorePublicAcls").asBoolean(false)
        || "BucketOwnerEnforced".equals(d.path("objectOwnership").asText(null));
    var why = new ArrayList<String>();
    if (d.path("policyPublic").asBoolean(false) && !restrict) {
      why.add("its policy allows everyone");
    }
    var grants = new ArrayList<String>();
    d.path("publicGrants").forEach(g -> grants.add(g.asText()));
    if (!grants.isEmpty() && !ignoreAcls) {
      why.add("its ACL grants " + String.join(", ", grants));
    }
    if (!why.isEmpty()) {
      out.add(new Finding(accountId, i.id(), Rule.PUBLIC_BUCKET, String.join("; ", why)));
    }
    if (block.isMissingNode() || block.isNull()) {
      out.add(new Finding(accountId, i.id(), Rule.BUCKET_WITHOUT_PUBLIC_ACCESS_BLOCK, "no public access block"));
    } else {
      var off = new ArrayList<String>();
      for (String flag : List.of("blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets")) {
        if (!block.path(flag).asBoolean(false)) {
          off.add(flag);
        }
      }
      if (!off.isEmpty()) {
        out.add(new Finding(accountId, i.id(), Rule.BUCKET_WITHOUT_PUBLIC_ACCESS_BLOCK, "public access block off: "
            + String.join(", ", off)));
      }
    }
  }

  private static void rds(String accountId, Item i, List<Finding> out) {
    JsonNode d = i.data();
    if (i.kind() == Kind.DB_INSTANCE && d.path("publiclyAccessible").asBoolean(false)) {
      out.add(new Finding(accountId, i.id(), Rule.PUBLIC_RDS_INSTANCE, "publicly accessible ("
          + d.path("engine").asText("unknown engine") + ")"));
    }
    if (i.kind() == Kind.DB_SNAPSHOT || i.kind() == Kind.DB_CLUSTER_SNAPSHOT) {
      for (JsonNode v : d.path("restore")) {
        if ("all".equals(v.asText())) {
          out.add(new Finding(accountId, i.id(), Rule.PUBLIC_RDS_SNAPSHOT, "any AWS account may restore it"
              + " (restore attribute holds all)"));
          break;
        }
      }
    }
  }

  private static void trails(String accountId, String region, List<Item> items, List<Finding> out) {
    var trails = items.stream().filter(i -> i.kind() == Kind.TRAIL).toList();
    for (Item t : trails) {
      if (!t.data().path("shadow").asBoolean(false) && !t.data().path("isLogging").asBoolean(false)) {
        out.add(new Finding(accountId, t.id(), Rule.TRAIL_NOT_LOGGING, "not logging"
            + (t.data().path("isMultiRegionTrail").asBoolean(false) ? " (multi-region)" : "")));
      }
    }
    boolean covered = trails.stream().anyMatch(t -> t.data().path("isMultiRegionTrail").asBoolean(false)
        && t.data().path("isLogging").asBoolean(false));
    if (!covered) {
      String principal = trails.stream().filter(t -> !t.data().path("shadow").asBoolean(false)
              && !t.data().path("isMultiRegionTrail").asBoolean(false)).map(Item::id).sorted().findFirst()
          .orElse("arn:aws:cloudtrail:" + region + ":" + accountId + ":trail/*");
      out.add(new Finding(accountId, principal, Rule.NO_MULTI_REGION_TRAIL, "no multi-region trail is logging in "
          + region));
    }
  }

  /** The fix of an asset finding, from its ARN alone. */
  static Fix fix(Finding f) {
    var arn = Arn.parse(f.principal());
    if (arn == null) {
      return Fix.none("the finding does not name its asset's ARN");
    }
    return switch (f.rule()) {
      case PUBLIC_BUCKET, BUCKET_WITHOUT_PUBLIC_ACCESS_BLOCK -> Fix.run("aws-s3-public-access-block-update",
          Fixes.args(f.accountId(), "bucket", arn.resource(), "block_public_acls", "true", "ignore_public_acls", "true",
              "block_public_policy", "true", "restrict_public_buckets", "true"));
      case PUBLIC_RDS_INSTANCE -> arn.resource().startsWith("db:")
          ? Fix.run("aws-rds-db-instance-modify", Fixes.args(f.accountId(), "region", arn.region(),
              "db_instance_identifier", arn.resource().substring(3), "publicly_accessible", "false",
              "apply_immediately", "true"))
          : Fix.none("the finding does not name a DB instance");
      case PUBLIC_RDS_SNAPSHOT -> {
        if (arn.resource().startsWith("cluster-snapshot:")) {
          yield Fix.run("aws-rds-db-cluster-snapshot-attribute-modify", Fixes.args(f.accountId(), "region",
              arn.region(), "db_cluster_snapshot_identifier", arn.resource().substring("cluster-snapshot:".length()),
              "attribute_name", "restore", "values_to_remove", "all"));
        }
        if (arn.resource().startsWith("snapshot:")) {
          yield Fix.run("aws-rds-db-snapshot-attribute-modify", Fixes.args(f.accountId(), "region", arn.region(),
              "db_snapshot_identifier", arn.resource().substring("snapshot:".length()), "attribute_name", "restore",
              "values_to_remove", "all"));
        }
        yield Fix.none("the finding does not name a DB snapshot");
      }
      case TRAIL_NOT_LOGGING -> Fix.run("aws-cloudtrail-logging-start", Fixes.args(f.accountId(), "region",
          arn.region(), "name", arn.resource().substring(arn.resource().indexOf('/') + 1)));
      case NO_MULTI_REGION_TRAIL -> arn.resource().equals("trail/*")
          ? Fix.none("the region has no trail of its own to extend: a new trail needs an S3 bucket whose policy lets"
              + " CloudTrail write to it (create both, then start the trail)")
          : Fix.run("aws-cloudtrail-trail-update", Fixes.args(f.accountId(), "region", arn.region(), "name",
              arn.resource().substring(arn.resource().indexOf('/') + 1), "is_multi_region_trail", "true"));
      case KMS_KEY_WITHOUT_ROTATION -> Fix.run("aws-kms-key-rotation-enable", Fixes.args(f.accountId(), "region",
          arn.region(), "key_id", arn.resource().substring(arn.resource().indexOf('/') + 1)));
      default -> Fix.none("not an asset rule");
    };
  }

  /** arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE. */
  record Arn(String service, String region, String account, String resource) {
    static Arn parse(String text) {
      String[] p = text.split(":", 6);
      if (p.length < 6 || !p[0].equals("arn") || p[5].isEmpty()) {
        return null;
      }
      return new Arn(p[2], p[3], p[4], p[5]);
    }
  }

}
