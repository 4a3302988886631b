package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.sandbox.service.cloudtrail.CloudTrail;
import io.rolecall.sandbox.service.kms.KmsState;
import io.rolecall.sandbox.service.rds.RdsState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RDS, CloudTrail and KMS remediations through the SDK against the sandbox: change, dry run, refusals. */
class RdsTrailKmsCommandsTest {
  static final String ACCOUNT = "222222222222";
  static final String REGION = "eu-west-1";

  @TempDir
  Path dir;
  Target target;

  @AfterEach
  void close() {
    target.close();
  }

  Target target() {
    target = new Target(dir, ACCOUNT);
    return target;
  }

  static Map<String, String> args(String... pairs) {
    var m = new java.util.LinkedHashMap<String, String>(Map.of("account_id", ACCOUNT, "region", REGION));
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void aPublicInstanceIsMadePrivateAndADryRunChangesNothing() {
    var t = target();
    var rds = RdsState.of(t.sb.account(ACCOUNT));
    rds.createInstance(REGION, "orders", true);
    var dry = t.run("aws-rds-db-instance-modify", args("db_instance_identifier", "orders", "publicly_accessible", "false",
        "dry_run", "true"));
    assertThat(dry.exitCode()).as(String.valueOf(dry.failures())).isZero();
    assertThat(dry.table().rows().getFirst()).contains("true → false", "would update");
    assertThat(rds.instance(REGION, "orders").orElseThrow().publiclyAccessible()).isTrue();
    assertThat(t.sb.calls().count(ACCOUNT, "rds", "ModifyDBInstance")).isZero();

    var e = t.run("aws-rds-db-instance-modify", args("db_instance_identifier", "orders", "publicly_accessible", "false",
        "apply_immediately", "true"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(rds.instance(REGION, "orders").orElseThrow().publiclyAccessible()).isFalse();
    @SuppressWarnings("unchecked")
    var entry = (Map<String, Object>) e.context().get("AWS.RDS.DBInstance");
    assertThat(entry).containsEntry("PubliclyAccessible", false).containsEntry("Region", REGION);
    assertThat(t.journal()).singleElement().satisfies(j -> {
      assertThat(j.resource()).isEqualTo("arn:aws:rds:" + REGION + ":" + ACCOUNT + ":db:orders");
      assertThat(j.outcomeText()).isEqualTo("applied");
    });
  }

  @Test
  void aChangeWaitingForTheMaintenanceWindowIsAWarning() {
    var t = target();
    RdsState.of(t.sb.account(ACCOUNT)).createInstance(REGION, "orders", false);
    var e = t.run("aws-rds-db-instance-modify", args("db_instance_identifier", "orders", "multi_az", "true"));
    assertThat(e.exitCode()).isZero();
    assertThat(e.warnings()).anyMatch(w -> w.contains("pending until the maintenance window"));
  }

  @Test
  void badIdentifiersAndTurningBackupsOffAreRefusedBeforeAnyCall() {
    var t = target();
    for (String bad : List.of("1orders", "orders-", "or--ders", "orders_db")) {
      assertThatThrownBy(() -> t.run("aws-rds-db-instance-modify", args("db_instance_identifier", bad,
          "publicly_accessible", "false"))).as(bad).isInstanceOf(UsageException.class)
          .hasMessageContaining("argument 'db_instance_identifier'");
    }
    assertThatThrownBy(() -> t.run("aws-rds-db-instance-modify", args("db_instance_identifier", "orders",
        "backup_retention_period", "0"))).isInstanceOf(UsageException.class).hasMessageContaining("confirm=true");
    assertThatThrownBy(() -> t.run("aws-rds-db-snapshot-attribute-modify", args("db_snapshot_identifier", "s1",
        "attribute_name", "restore", "values_to_add", "12345"))).isInstanceOf(UsageException.class);
    assertThat(t.sb.calls().count(ACCOUNT, "rds", "DescribeDBInstances")).isZero();
    var missing = t.run("aws-rds-db-instance-modify", args("db_instance_identifier", "nosuch", "publicly_accessible",
        "false"));
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.failures().getFirst().error()).contains("DBInstanceNotFound");
  }

  @Test
  void publicSnapshotsAreMadePrivate() {
    var t = target();
    var rds = RdsState.of(t.sb.account(ACCOUNT));
    rds.createSnapshot(REGION, "orders-snap", "orders", false, List.of("all", "999988887777"));
    rds.createSnapshot(REGION, "ledger-snap", "ledger", true, List.of("all"));
    var dry = t.run("aws-rds-db-snapshot-attribute-modify", args("db_snapshot_identifier", "orders-snap",
        "attribute_name", "restore", "values_to_remove", "all", "dry_run", "true"));
    assertThat(dry.exitCode()).as(String.valueOf(dry.failures())).isZero();
    assertThat(rds.snapshot(REGION, "orders-snap", false).orElseThrow().restore()).contains("all");
    var e = t.run("aws-rds-db-snapshot-attribute-modify", args("db_snapshot_identifier", "orders-snap",
        "attribute_name", "restore", "values_to_remove", "all"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(rds.snapshot(REGION, "orders-snap", false).orElseThrow().restore()).containsExactly("999988887777");
    var c = t.run("aws-rds-db-cluster-snapshot-attribute-modify", args("db_cluster_snapshot_identifier", "ledger-snap",
        "attribute_name", "restore", "values_to_remove", "all", "values_to_add", "111122223333"));
    assertThat(c.exitCode()).as(String.valueOf(c.failures())).isZero();
    assertThat(rds.snapshot(REGION, "ledger-snap", true).orElseThrow().restore()).containsExactly("111122223333");
    assertThat(t.journal()).hasSize(2);
  }

  @Test
  void aTrailIsStartedAndUpdatedInItsHomeRegion() {
    var t = target();
    var trails = CloudTrail.of(t.sb.account(ACCOUNT));
    trails.createTrail("audit", REGION, "logs-1", false);
    var dry = t.run("aws-cloudtrail-logging-start", args("name", "audit", "dry_run", "true"));
    assertThat(dry.exitCode()).as(String.valueOf(dry.failures())).isZero();
    assertThat(trails.trail("audit").orElseThrow().logging()).isFalse();
    var e = t.run("aws-cloudtrail-logging-start", args("name", "audit"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(trails.trail("audit").orElseThrow().logging()).isTrue();

    var u = t.run("aws-cloudtrail-trail-update", args("name", "audit", "is_multi_region_trail", "true",
        "enable_log_file_validation", "true"));
    assertThat(u.exitCode()).as(String.valueOf(u.failures())).isZero();
    assertThat(trails.trail("audit").orElseThrow().multiRegion()).isTrue();
    @SuppressWarnings("unchecked")
    var entry = (Map<String, Object>) u.context().get("AWS.CloudTrail.Trail");
    assertThat(entry).containsEntry("IsMultiRegionTrail", true).containsEntry("LogFileValidationEnabled", true)
        .containsEntry("HomeRegion", REGION).containsEntry("TrailARN", "arn:aws:cloudtrail:" + REGION + ":" + ACCOUNT
            + ":trail/audit");
    var elsewhere = t.run("aws-cloudtrail-trail-update", Map.of("account_id", ACCOUNT, "region", "us-east-1",
        "name", "audit", "enable_log_file_validation", "false"));
    assertThat(elsewhere.exitCode()).isEqualTo(1);
    assertThat(elsewhere.failures().getFirst().error()).contains("InvalidHomeRegionException");
    assertThatThrownBy(() -> t.run("aws-cloudtrail-logging-start", args("name", "a"))).isInstanceOf(UsageException.class);
  }

  @Test
  void aCommaListOfAccountsStartsEachAccountsTrailAndOneFailureLeavesTheOtherDone() {
    target = new Target(dir, ACCOUNT, "333333333333", "444444444444");
    var t = target;
    for (String a : List.of(ACCOUNT, "333333333333")) {
      CloudTrail.of(t.sb.account(a)).createTrail("audit", REGION, "logs-" + a, false);
    }
    var e = t.run("aws-cloudtrail-logging-start", Map.of("account_id", ACCOUNT + ",333333333333,444444444444",
        "region", REGION, "name", "audit"));
    assertThat(e.exitCode()).as("the account without the trail fails").isEqualTo(1);
    assertThat(e.failures()).singleElement().satisfies(f -> {
      assertThat(f.accountId()).isEqualTo("444444444444");
      assertThat(f.error()).contains("TrailNotFoundException");
    });
    for (String a : List.of(ACCOUNT, "333333333333")) {
      assertThat(CloudTrail.of(t.sb.account(a)).trail("audit").orElseThrow().logging()).as(a).isTrue();
    }
    assertThat(t.journal()).extracting(j -> j.accountId()).containsExactlyInAnyOrder(ACCOUNT, "333333333333");
  }

  @Test
  void keyRotationIsEnabledAndAwsManagedKeysAreRefusedByKms() {
    var t = target();
    var kms = KmsState.of(t.sb.account(ACCOUNT));
    var key = kms.createKey(REGION, "orders");
    var dry = t.run("aws-kms-key-rotation-enable", args("key_id", key.keyId(), "dry_run", "true"));
    assertThat(dry.exitCode()).as(String.valueOf(dry.failures())).isZero();
    assertThat(kms.require(REGION, key.keyId()).rotation()).isFalse();
    var e = t.run("aws-kms-key-rotation-enable", args("key_id", key.arn(), "rotation_period_in_days", "180"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(kms.require(REGION, key.keyId()).rotation()).isTrue();
    assertThat(kms.require(REGION, key.keyId()).rotationPeriodDays()).isEqualTo(180);
    var aws = kms.createAwsManagedKey(REGION, "aws/s3");
    var refused = t.run("aws-kms-key-rotation-enable", args("key_id", aws.keyId(), "rotation_period_in_days", "90"));
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.failures().getFirst().error()).contains("AccessDeniedException");
    assertThatThrownBy(() -> t.run("aws-kms-key-rotation-enable", args("key_id", "alias/orders")))
        .isInstanceOf(UsageException.class).hasMessageContaining("argument 'key_id'");
  }
}
