package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.access.AwsCliJson;
import io.rolecall.auth.AuthSettings;
import io.rolecall.command.CommandExecutor;
import io.rolecall.command.Execution;
import io.rolecall.sandbox.external.MotoServer;
import io.rolecall.store.Store;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3, RDS, CloudTrail and KMS remediations against moto_server, an emulator nobody here wrote, the state set up
 * and read back with the AWS CLI v1 (never with rolecall's own code). Skipped, saying why, without moto_server or
 * the AWS CLI on PATH.
 */
class MotoAssetRemediationIT {
  static final String KEY = MotoCommands.KEY;
  static final String SECRET = MotoCommands.SECRET;
  static MotoServer moto;

  @TempDir
  Path dir;
  MotoCommands rig;
  Store store;
  CommandExecutor executor;
  AuthSettings settings;

  @BeforeAll
  static void startMoto() {
    moto = MotoCommands.startOrSkip(MotoAssetRemediationIT.class, true);
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void engine() {
    rig = new MotoCommands(moto, dir);
    store = rig.store;
    executor = rig.executor;
    settings = rig.settings().build();
  }

  @AfterEach
  void close() {
    rig.close();
  }

  Execution run(String command, Map<String, String> args) {
    var e = executor.execute(settings, command, args);
    assertThat(e.exitCode()).as(command + " " + e.failures()).isZero();
    return e;
  }

  static JsonNode aws(String... command) throws Exception {
    return AwsCliJson.run(moto.endpoint(), MotoCommands.KEY, MotoCommands.SECRET, command);
  }

  @Test
  void bucketPolicyAclOwnershipVersioningAndLoggingAsTheCliReadsThem() throws Exception {
    aws("s3api", "create-bucket", "--bucket", "moto-data");
    aws("s3api", "create-bucket", "--bucket", "moto-logs");
    aws("s3api", "put-bucket-acl", "--bucket", "moto-logs", "--acl", "log-delivery-write");
    String policy = io.rolecall.sandbox.seed.RiskyAssets.publicReadPolicy("moto-data");
    run("aws-s3-bucket-policy-put", Map.of("bucket", "moto-data", "policy", policy));
    assertThat(aws("s3api", "get-bucket-policy", "--bucket", "moto-data").path("Policy").asText()).contains("PublicRead");
    run("aws-s3-bucket-policy-delete", Map.of("bucket", "moto-data"));
    run("aws-s3-bucket-acl-put", Map.of("bucket", "moto-data", "acl", "public-read"));
    assertThat(aws("s3api", "get-bucket-acl", "--bucket", "moto-data").path("Grants").toString()).contains("AllUsers");
    run("aws-s3-bucket-acl-put", Map.of("bucket", "moto-data", "acl", "private"));
    assertThat(aws("s3api", "get-bucket-acl", "--bucket", "moto-data").path("Grants").toString())
        .doesNotContain("AllUsers");
    run("aws-s3-bucket-ownership-controls-put", Map.of("bucket", "moto-data", "object_ownership", "BucketOwnerEnforced"));
    assertThat(aws("s3api", "get-bucket-ownership-controls", "--bucket", "moto-data")
        .at("/OwnershipControls/Rules/0/ObjectOwnership").asText()).isEqualTo("BucketOwnerEnforced");
    run("aws-s3-bucket-versioning-put", Map.of("bucket", "moto-data", "status", "Enabled"));
    assertThat(aws("s3api", "get-bucket-versioning", "--bucket", "moto-data").path("Status").asText())
        .isEqualTo("Enabled");
    run("aws-s3-bucket-logging-put", Map.of("bucket", "moto-data", "target_bucket", "moto-logs", "target_prefix", "d/"));
    assertThat(aws("s3api", "get-bucket-logging", "--bucket", "moto-data").at("/LoggingEnabled/TargetBucket").asText())
        .isEqualTo("moto-logs");
    assertThat(store.auditJournal().recent(20)).hasSize(7);
  }

  @Test
  void rdsInstanceAndSnapshotsAsTheCliReadsThem() throws Exception {
    aws("rds", "create-db-instance", "--db-instance-identifier", "orders", "--db-instance-class", "db.t3.micro",
        "--engine", "postgres", "--master-username", "admin", "--master-user-password", "not-a-real-pass-1",
        "--allocated-storage", "20", "--publicly-accessible");
    aws("rds", "create-db-snapshot", "--db-instance-identifier", "orders", "--db-snapshot-identifier", "orders-snap");
    aws("rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier", "orders-snap", "--attribute-name",
        "restore", "--values-to-add", "all");
    run("aws-rds-db-instance-modify", Map.of("db_instance_identifier", "orders", "publicly_accessible", "false",
        "apply_immediately", "true"));
    assertThat(aws("rds", "describe-db-instances", "--db-instance-identifier", "orders")
        .at("/DBInstances/0/PubliclyAccessible").asBoolean(true)).isFalse();
    run("aws-rds-db-snapshot-attribute-modify", Map.of("db_snapshot_identifier", "orders-snap", "attribute_name",
        "restore", "values_to_remove", "all"));
    assertThat(aws("rds", "describe-db-snapshot-attributes", "--db-snapshot-identifier", "orders-snap")
        .at("/DBSnapshotAttributesResult/DBSnapshotAttributes").toString()).doesNotContain("\"all\"");
  }

  @Test
  void rdsClusterSnapshotAsTheCliReadsIt() throws Exception {
    aws("rds", "create-db-cluster", "--db-cluster-identifier", "ledger", "--engine", "aurora-postgresql",
        "--master-username", "admin", "--master-user-password", "not-a-real-pass-1");
    aws("rds", "create-db-cluster-snapshot", "--db-cluster-identifier", "ledger", "--db-cluster-snapshot-identifier",
        "ledger-snap");
    aws("rds", "modify-db-cluster-snapshot-attribute", "--db-cluster-snapshot-identifier", "ledger-snap",
        "--attribute-name", "restore", "--values-to-add", "all");
    run("aws-rds-db-cluster-snapshot-attribute-modify", Map.of("db_cluster_snapshot_identifier", "ledger-snap",
        "attribute_name", "restore", "values_to_remove", "all"));
    assertThat(aws("rds", "describe-db-cluster-snapshot-attributes", "--db-cluster-snapshot-identifier", "ledger-snap")
        .at("/DBClusterSnapshotAttributesResult/DBClusterSnapshotAttributes").toString()).doesNotContain("\"all\"");
  }

  @Test
  void trailStartedAndUpdatedAsTheCliReadsIt() throws Exception {
    aws("s3api", "create-bucket", "--bucket", "moto-trail-logs");
    aws("cloudtrail", "create-trail", "--name", "audit", "--s3-bucket-name", "moto-trail-logs");
    run("aws-cloudtrail-logging-start", Map.of("name", "audit"));
    assertThat(aws("cloudtrail", "get-trail-status", "--name", "audit").path("IsLogging").asBoolean()).isTrue();
    run("aws-cloudtrail-trail-update", Map.of("name", "audit", "is_multi_region_trail", "true",
        "enable_log_file_validation", "true"));
    var trail = aws("cloudtrail", "describe-trails", "--trail-name-list", "audit").at("/trailList/0");
    assertThat(trail.path("IsMultiRegionTrail").asBoolean()).isTrue();
    assertThat(trail.path("LogFileValidationEnabled").asBoolean()).isTrue();
  }

  @Test
  void keyRotationEnabledAsTheCliReadsIt() throws Exception {
    String keyId = aws("kms", "create-key", "--description", "orders").at("/KeyMetadata/KeyId").asText();
    run("aws-kms-key-rotation-enable", Map.of("key_id", keyId));
    assertThat(aws("kms", "get-key-rotation-status", "--key-id", keyId).path("KeyRotationEnabled").asBoolean()).isTrue();
  }
}
