package io.rolecall.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.aws.AwsErrors;
import io.rolecall.aws.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The collectors of the assets the S3, RDS, CloudTrail and KMS remediations act on, one method per part. Each
 * reads what its findings judge (see {@link AssetRules}) and hands the items to the store a page at a time. AWS's
 * "there is none" answers (no public access block, no policy, no ownership controls) are recorded as absent, not
 * as failures; any other failure fails the part, naming the call.
 */
final class AssetCollectors {
  static final int RDS_PAGE = 100;
  static final int KMS_PAGE = 1000;

  private AssetCollectors() {}

  /** Buckets: ListBuckets, then per bucket (in its region) its public access block, policy status, ACL, ownership, versioning and logging. */
  static void s3(Session session, String accountId, StoreWriter writer) {
    var buckets = IamCollector.call("s3:ListBuckets", () -> session.s3().listBuckets().buckets());
    var items = new ArrayList<Item>();
    for (var b : buckets) {
      String name = b.name();
      String region = b.bucketRegion() == null || b.bucketRegion().isEmpty() ? session.region() : b.bucketRegion();
      var s3 = session.inRegion(region).s3();
      var pab = absentIf("s3:GetPublicAccessBlock of " + name, "NoSuchPublicAccessBlockConfiguration",
          () -> s3.getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration());
      var status = absentIf("s3:GetBucketPolicyStatus of " + name, "NoSuchBucketPolicy",
          () -> s3.getBucketPolicyStatus(r -> r.bucket(name)).policyStatus());
      var acl = absentIf("s3:GetBucketAcl of " + name, null, () -> s3.getBucketAcl(r -> r.bucket(name)));
      var ownership = absentIf("s3:GetBucketOwnershipControls of " + name, "OwnershipControlsNotFoundError",
          () -> s3.getBucketOwnershipControls(r -> r.bucket(name)).ownershipControls());
      var versioning = absentIf("s3:GetBucketVersioning of " + name, null,
          () -> s3.getBucketVersioning(r -> r.bucket(name)));
      var logging = absentIf("s3:GetBucketLogging of " + name, null,
          () -> s3.getBucketLogging(r -> r.bucket(name)).loggingEnabled());
      String owner = acl.owner() == null ? null : acl.owner().id();
      var publicGrants = acl.grants().stream().filter(g -> g.grantee() != null && g.grantee().uri() != null
              && (g.grantee().uri().endsWith("/AllUsers") || g.grantee().uri().endsWith("/AuthenticatedUsers")))
          .map(g -> g.grantee().uri().substring(g.grantee().uri().lastIndexOf('/') + 1) + ":" + g.permissionAsString())
          .toList();
      ObjectNode block = pab == null ? null : Nodes.of("blockPublicAcls", Boolean.TRUE.equals(pab.blockPublicAcls()),
          "ignorePublicAcls", Boolean.TRUE.equals(pab.ignorePublicAcls()),
          "blockPublicPolicy", Boolean.TRUE.equals(pab.blockPublicPolicy()),
          "restrictPublicBuckets", Boolean.TRUE.equals(pab.restrictPublicBuckets()));
      items.add(new Item(Kind.BUCKET, accountId, Item.GLOBAL, "arn:aws:s3:::" + name, name, Nodes.of(
          "bucket", name, "bucketRegion", region, "creationDate", b.creationDate(), "publicAccessBlock", block,
          "hasPolicy", status != null, "policyPublic", status != null && Boolean.TRUE.equals(status.isPublic()),
          "publicGrants", publicGrants, "ownerId", owner,
          "objectOwnership", ownership == null || ownership.rules().isEmpty() ? null
              : ownership.rules().getFirst().objectOwnershipAsString(),
          "versioning", versioning.statusAsString(), "mfaDelete", versioning.mfaDeleteAsString(),
          "loggingTarget", logging == null ? null : logging.targetBucket())));
      if (items.size() == 100) {
        writer.items(List.copyOf(items));
        items.clear();
      }
    }
    writer.items(items);
  }

  /** DB instances, manual DB snapshots and DB cluster snapshots, each snapshot with its restore attribute. */
  static void rds(Session regional, String accountId, String region, StoreWriter writer) {
    var rds = regional.rds();
    IamCollector.call("rds:DescribeDBInstances in " + region, () -> {
      for (var page : rds.describeDBInstancesPaginator(r -> r.maxRecords(RDS_PAGE))) {
        writer.items(page.dbInstances().stream().map(d -> new Item(Kind.DB_INSTANCE, accountId, region,
            d.dbInstanceArn(), d.dbInstanceIdentifier(), Nodes.of("dbInstanceIdentifier", d.dbInstanceIdentifier(),
                "arn", d.dbInstanceArn(), "engine", d.engine(), "instanceClass", d.dbInstanceClass(),
                "status", d.dbInstanceStatus(), "publiclyAccessible", d.publiclyAccessible(), "multiAZ", d.multiAZ(),
                "deletionProtection", d.deletionProtection(), "backupRetentionPeriod", d.backupRetentionPeriod(),
                "storageEncrypted", d.storageEncrypted()))).toList());
      }
      return null;
    });
    IamCollector.call("rds:DescribeDBSnapshots in " + region, () -> {
      for (var page : rds.describeDBSnapshotsPaginator(r -> r.maxRecords(RDS_PAGE))) {
        var items = new ArrayList<Item>();
        for (var s : page.dbSnapshots()) {
          var result = IamCollector.call("rds:DescribeDBSnapshotAttributes of " + s.dbSnapshotIdentifier(),
              () -> rds.describeDBSnapshotAttributes(r -> r.dbSnapshotIdentifier(s.dbSnapshotIdentifier()))
                  .dbSnapshotAttributesResult());
          var restore = result == null ? List.<String>of() : result.dbSnapshotAttributes().stream()
              .filter(a -> "restore".equals(a.attributeName())).flatMap(a -> a.attributeValues().stream()).toList();
          items.add(new Item(Kind.DB_SNAPSHOT, accountId, region, s.dbSnapshotArn(), s.dbSnapshotIdentifier(),
              Nodes.of("dbSnapshotIdentifier", s.dbSnapshotIdentifier(), "arn", s.dbSnapshotArn(),
                  "dbInstanceIdentifier", s.dbInstanceIdentifier(), "snapshotType", s.snapshotType(),
                  "encrypted", s.encrypted(), "restore", restore)));
        }
        writer.items(items);
      }
      return null;
    });
    IamCollector.call("rds:DescribeDBClusterSnapshots in " + region, () -> {
      for (var page : rds.describeDBClusterSnapshotsPaginator(r -> r.maxRecords(RDS_PAGE))) {
        var items = new ArrayList<Item>();
        for (var s : page.dbClusterSnapshots()) {
          var result = IamCollector.call("rds:DescribeDBClusterSnapshotAttributes of " + s.dbClusterSnapshotIdentifier(),
              () -> rds.describeDBClusterSnapshotAttributes(r -> r.dbClusterSnapshotIdentifier(
                  s.dbClusterSnapshotIdentifier())).dbClusterSnapshotAttributesResult());
          var restore = result == null ? List.<String>of() : result.dbClusterSnapshotAttributes().stream()
              .filter(a -> "restore".equals(a.attributeName())).flatMap(a -> a.attributeValues().stream()).toList();
          items.add(new Item(Kind.DB_CLUSTER_SNAPSHOT, accountId, region, s.dbClusterSnapshotArn(),
              s.dbClusterSnapshotIdentifier(), Nodes.of("dbClusterSnapshotIdentifier", s.dbClusterSnapshotIdentifier(),
                  "arn", s.dbClusterSnapshotArn(), "dbClusterIdentifier", s.dbClusterIdentifier(),
                  "snapshotType", s.snapshotType(), "restore", restore)));
        }
        writer.items(items);
      }
      return null;
    });
  }

  /** The trails this region sees (shadow trails of multi-region trails included), each with GetTrailStatus. */
  static void trails(Session regional, String accountId, String region, StoreWriter writer) {
    var ct = regional.cloudTrail();
    var trails = IamCollector.call("cloudtrail:DescribeTrails in " + region,
        () -> ct.describeTrails(r -> r.includeShadowTrails(true)).trailList());
    var items = new ArrayList<Item>();
    for (var t : trails) {
      var status = IamCollector.call("cloudtrail:GetTrailStatus of " + t.name() + " in " + region,
          () -> ct.getTrailStatus(r -> r.name(t.trailARN())));
      items.add(new Item(Kind.TRAIL, accountId, region, t.trailARN(), t.name(), Nodes.of("name", t.name(),
          "arn", t.trailARN(), "homeRegion", t.homeRegion(), "isMultiRegionTrail", t.isMultiRegionTrail(),
          "isLogging", status.isLogging(), "logFileValidationEnabled", t.logFileValidationEnabled(),
          "s3BucketName", t.s3BucketName(), "isOrganizationTrail", t.isOrganizationTrail(),
          "shadow", !region.equals(t.homeRegion()))));
    }
    writer.items(items);
  }

  /** KMS keys: ListKeys, then per key DescribeKey and, for enabled symmetric customer managed keys, rotation. */
  static void kms(Session regional, String accountId, String region, StoreWriter writer) {
    var kms = regional.kms();
    IamCollector.call("kms:ListKeys in " + region, () -> {
      for (var page : kms.listKeysPaginator(r -> r.limit(KMS_PAGE))) {
        var items = new ArrayList<Item>();
        for (var k : page.keys()) {
          var meta = IamCollector.call("kms:DescribeKey of " + k.keyId(),
              () -> kms.describeKey(r -> r.keyId(k.keyId())).keyMetadata());
          boolean rotatable = "CUSTOMER".equals(meta.keyManagerAsString())
              && "SYMMETRIC_DEFAULT".equals(meta.keySpecAsString()) && "Enabled".equals(meta.keyStateAsString());
          var rotation = rotatable ? IamCollector.call("kms:GetKeyRotationStatus of " + k.keyId(),
              () -> kms.getKeyRotationStatus(r -> r.keyId(k.keyId()))) : null;
          items.add(new Item(Kind.KMS_KEY, accountId, region, meta.arn(), meta.description(), Nodes.of(
              "keyId", meta.keyId(), "arn", meta.arn(), "keyManager", meta.keyManagerAsString(),
              "keySpec", meta.keySpecAsString(), "keyState", meta.keyStateAsString(),
              "rotationEnabled", rotation == null ? null : rotation.keyRotationEnabled(),
              "rotationPeriodInDays", rotation == null ? null : rotation.rotationPeriodInDays())));
        }
        writer.items(items);
      }
      return null;
    });
  }

  /** The call's answer; null when AWS says there is none ({@code absentCode}); any other failure names the call. */
  private static <T> T absentIf(String what, String absentCode, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      if (absentCode != null && e.awsErrorDetails() != null && absentCode.equals(e.awsErrorDetails().errorCode())) {
        return null;
      }
      throw AwsErrors.callFailed(what, e);
    } catch (SdkException e) {
      throw AwsErrors.callFailed(what, e);
    }
  }
}
