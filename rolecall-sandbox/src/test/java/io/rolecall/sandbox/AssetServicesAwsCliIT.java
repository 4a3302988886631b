package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.seed.EstateSpec;
import io.rolecall.sandbox.seed.Seeder;
import io.rolecall.sandbox.service.kms.KmsState;
import io.rolecall.sandbox.service.rds.RdsState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The S3 bucket sub-resources, RDS, CloudTrail trails and KMS of the sandbox read and changed by the AWS CLI
 * (botocore: a client nobody here wrote), on the risky estate the seed option builds; paging with the CLI's own
 * paginators. Skipped, saying so, when {@code aws} is not on PATH.
 */
class AssetServicesAwsCliIT {
  static final String ACCOUNT = "111111111111";
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account(ACCOUNT).iam().createUserWithAccessKey("ops");
  final AwsCli cli = new AwsCli(sb);

  @BeforeAll
  static void requireCli() {
    if (!AwsCli.installed()) System.err.println("AssetServicesAwsCliIT skipped: the AWS CLI ('aws') is not on PATH");
    Assumptions.assumeTrue(AwsCli.installed(), "the AWS CLI ('aws') is not on PATH");
  }

  @AfterEach
  void close() {
    sb.close();
  }

  AwsCli.Result ok(String... args) throws Exception {
    var r = cli.run(ops, args);
    assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r;
  }

  @Test
  void theRiskyBucketsAsS3ShowsThem() throws Exception {
    Seeder.seed(sb.account(ACCOUNT), EstateSpec.empty().withRiskyAssets());
    String bucket = "public-" + ACCOUNT;
    assertThat(ok("s3api", "get-bucket-policy-status", "--bucket", bucket).json().at("/PolicyStatus/IsPublic")
        .asBoolean()).isTrue();
    assertThat(ok("s3api", "get-bucket-policy", "--bucket", bucket).json().path("Policy").asText()).contains("\"*\"");
    assertThat(ok("s3api", "get-bucket-acl", "--bucket", bucket).json().path("Grants").toString())
        .contains("http://acs.amazonaws.com/groups/global/AllUsers");
    var noPolicy = cli.run(ops, "s3api", "get-bucket-policy", "--bucket", "open-" + ACCOUNT);
    assertThat(noPolicy.err()).contains("(NoSuchBucketPolicy)");
    var noControls = cli.run(ops, "s3api", "get-bucket-ownership-controls", "--bucket", bucket);
    assertThat(noControls.err()).contains("(OwnershipControlsNotFoundError)");
    ok("s3api", "put-bucket-acl", "--bucket", bucket, "--acl", "private");
    ok("s3api", "put-bucket-ownership-controls", "--bucket", bucket, "--ownership-controls",
        "Rules=[{ObjectOwnership=BucketOwnerEnforced}]");
    var refused = cli.run(ops, "s3api", "put-bucket-acl", "--bucket", bucket, "--acl", "public-read");
    assertThat(refused.err()).contains("(AccessControlListNotSupported)");
    ok("s3api", "delete-bucket-policy", "--bucket", bucket);
    ok("s3api", "put-bucket-versioning", "--bucket", bucket, "--versioning-configuration", "Status=Enabled");
    assertThat(ok("s3api", "get-bucket-versioning", "--bucket", bucket).json().path("Status").asText())
        .isEqualTo("Enabled");
    ok("s3api", "put-bucket-logging", "--bucket", bucket, "--bucket-logging-status",
        "{\"LoggingEnabled\":{\"TargetBucket\":\"logs-" + ACCOUNT + "\",\"TargetPrefix\":\"p/\"}}");
    assertThat(ok("s3api", "get-bucket-logging", "--bucket", bucket).json().at("/LoggingEnabled/TargetPrefix").asText())
        .isEqualTo("p/");
    var malformed = cli.run(ops, "s3api", "put-bucket-policy", "--bucket", bucket, "--policy", "{\"Version\":1}");
    assertThat(malformed.err()).contains("(MalformedPolicy)");
  }

  @Test
  void rdsInstancesAndSnapshotsWithMarkerPaging() throws Exception {
    var rds = RdsState.of(sb.account(ACCOUNT));
    for (int i = 0; i < 45; i++) {
      rds.createInstance("us-east-1", String.format("db-%02d", i), i % 2 == 0);
    }
    rds.createSnapshot("us-east-1", "snap-1", "db-00", false, List.of("all"));
    rds.createSnapshot("us-east-1", "csnap-1", "ledger", true, List.of("all"));
    // The CLI pages on its own (Marker) at the page size asked for.
    var all = ok("rds", "describe-db-instances", "--page-size", "20").json().path("DBInstances");
    var ids = new ArrayList<String>();
    all.forEach(d -> ids.add(d.path("DBInstanceIdentifier").asText()));
    assertThat(ids).hasSize(45).doesNotHaveDuplicates();
    assertThat(all.get(0).path("PubliclyAccessible").asBoolean()).isTrue();
    var modified = ok("rds", "modify-db-instance", "--db-instance-identifier", "db-00", "--no-publicly-accessible",
        "--apply-immediately").json();
    assertThat(modified.at("/DBInstance/PubliclyAccessible").asBoolean(true)).isFalse();
    assertThat(cli.run(ops, "rds", "describe-db-instances", "--db-instance-identifier", "nosuch").err())
        .contains("(DBInstanceNotFound)");
    assertThat(ok("rds", "describe-db-snapshot-attributes", "--db-snapshot-identifier", "snap-1").json()
        .at("/DBSnapshotAttributesResult/DBSnapshotAttributes/0/AttributeValues/0").asText()).isEqualTo("all");
    ok("rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier", "snap-1", "--attribute-name", "restore",
        "--values-to-remove", "all");
    assertThat(rds.snapshot("us-east-1", "snap-1", false).orElseThrow().restore()).isEmpty();
    assertThat(ok("rds", "describe-db-cluster-snapshots").json().at("/DBClusterSnapshots/0/DBClusterSnapshotIdentifier")
        .asText()).isEqualTo("csnap-1");
    ok("rds", "modify-db-cluster-snapshot-attribute", "--db-cluster-snapshot-identifier", "csnap-1",
        "--attribute-name", "restore", "--values-to-remove", "all", "--values-to-add", "222222222222");
    assertThat(rds.snapshot("us-east-1", "csnap-1", true).orElseThrow().restore()).containsExactly("222222222222");
  }

  @Test
  void trailsAndKeysWithMarkerPaging() throws Exception {
    Seeder.seed(sb.account(ACCOUNT), EstateSpec.empty().withRiskyAssets());
    var trails = ok("cloudtrail", "describe-trails").json().path("trailList");
    assertThat(trails).hasSize(1);
    assertThat(trails.get(0).path("Name").asText()).isEqualTo("audit");
    assertThat(ok("cloudtrail", "get-trail-status", "--name", "audit").json().path("IsLogging").asBoolean()).isFalse();
    ok("cloudtrail", "start-logging", "--name", "audit");
    ok("cloudtrail", "update-trail", "--name", "audit", "--is-multi-region-trail");
    assertThat(cli.run(ops, "--region", "eu-west-1", "cloudtrail", "describe-trails").json().at("/trailList/0/HomeRegion")
        .asText()).as("a multi-region trail is seen from every region").isEqualTo("us-east-1");
    assertThat(cli.run(ops, "cloudtrail", "get-trail-status", "--name", "nosuch").err())
        .contains("(TrailNotFoundException)");

    var kms = KmsState.of(sb.account(ACCOUNT));
    for (int i = 0; i < 25; i++) {
      kms.createKey("us-east-1", "key " + i);
    }
    var keys = ok("kms", "list-keys", "--page-size", "10").json().path("Keys");
    assertThat(keys).hasSize(27);
    String id = kms.keys("us-east-1").stream().filter(k -> k.customerManaged() && !k.rotation()).findFirst()
        .orElseThrow().keyId();
    assertThat(ok("kms", "describe-key", "--key-id", id).json().at("/KeyMetadata/KeyManager").asText())
        .isEqualTo("CUSTOMER");
    ok("kms", "enable-key-rotation", "--key-id", id);
    assertThat(ok("kms", "get-key-rotation-status", "--key-id", id).json().path("KeyRotationEnabled").asBoolean())
        .isTrue();
    assertThat(cli.run(ops, "kms", "describe-key", "--key-id", "1234abcd-12ab-34cd-56ef-1234567890ab").err())
        .contains("(NotFoundException)");
  }
}
