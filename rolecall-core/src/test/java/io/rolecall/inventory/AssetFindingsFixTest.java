package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.command.CommandExecutor;
import io.rolecall.commands.Commands;
import io.rolecall.inventory.Finding.Rule;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.seed.EstateSpec;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each S3, RDS, CloudTrail and KMS asset rule closed end to end: a sandbox account seeded with the risky assets,
 * synced; the finding is there with its fix; the fix's command line runs through the normal command path (the
 * registry and the executor, as the CLI runs it: a dry run first, which changes nothing); the next sync shows the
 * finding resolved, and the audit journal holds the change.
 */
class AssetFindingsFixTest {
  static final String ACCOUNT = "222222222222";
  static final String REMEDIATION = "RolecallRemediation";
  static final EstateSpec SPEC = EstateSpec.empty().withRiskyAssets().inRegions(Estate.SPEC.regions());
  static final EnumSet<Part> PARTS = EnumSet.of(Part.S3, Part.RDS, Part.TRAILS, Part.KMS);

  Estate estate;
  InventoryStore store;

  @BeforeEach
  void seed() {
    estate = new Estate();
    estate.seeded(ACCOUNT, SPEC);
    estate.sb.account(ACCOUNT).iam().createRole(REMEDIATION,
        TrustPolicy.trustingAccount(Estate.MANAGEMENT).withExternalId(Estate.EXTERNAL_ID));
    store = estate.sqlite("assets.db");
  }

  @AfterEach
  void close() {
    store.close();
    estate.close();
  }

  @Test
  void aPublicBucketIsClosedByItsPublicAccessBlock() {
    closes(Rule.PUBLIC_BUCKET, "arn:aws:s3:::public-" + ACCOUNT, "rolecall aws-s3-public-access-block-update"
        + " account_id=" + ACCOUNT + " bucket=public-" + ACCOUNT + " block_public_acls=true ignore_public_acls=true"
        + " block_public_policy=true restrict_public_buckets=true");
  }

  @Test
  void aBucketWithoutABlockGetsOne() {
    closes(Rule.BUCKET_WITHOUT_PUBLIC_ACCESS_BLOCK, "arn:aws:s3:::open-" + ACCOUNT, null);
  }

  @Test
  void aPubliclyAccessibleDbInstanceIsTakenOffTheInternet() {
    closes(Rule.PUBLIC_RDS_INSTANCE, "arn:aws:rds:us-east-1:" + ACCOUNT + ":db:orders", "rolecall"
        + " aws-rds-db-instance-modify account_id=" + ACCOUNT + " region=us-east-1 db_instance_identifier=orders"
        + " publicly_accessible=false apply_immediately=true");
  }

  @Test
  void publicDbSnapshotsAndClusterSnapshotsAreMadePrivate() {
    closes(Rule.PUBLIC_RDS_SNAPSHOT, "arn:aws:rds:us-east-1:" + ACCOUNT + ":snapshot:orders-snap", "rolecall"
        + " aws-rds-db-snapshot-attribute-modify account_id=" + ACCOUNT + " region=us-east-1"
        + " db_snapshot_identifier=orders-snap attribute_name=restore values_to_remove=all");
    closes(Rule.PUBLIC_RDS_SNAPSHOT, "arn:aws:rds:us-east-1:" + ACCOUNT + ":cluster-snapshot:ledger-snap", null);
  }

  @Test
  void aTrailNotLoggingIsStarted() {
    closes(Rule.TRAIL_NOT_LOGGING, "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/audit", "rolecall"
        + " aws-cloudtrail-logging-start account_id=" + ACCOUNT + " region=us-east-1 name=audit");
  }

  @Test
  void aSingleRegionTrailIsMadeMultiRegionAndLoggingCoversEveryRegion() {
    var first = sync();
    var other = findings(Rule.NO_MULTI_REGION_TRAIL).stream()
        .filter(f -> f.principal().equals("arn:aws:cloudtrail:eu-west-1:" + ACCOUNT + ":trail/*")).findFirst();
    assertThat(other).as("eu-west-1 has no trail of its own").isPresent();
    assertThat(other.get().fix().automatic()).isFalse();
    assertThat(first).isNotNull();
    closes(Rule.NO_MULTI_REGION_TRAIL, "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/audit", "rolecall"
        + " aws-cloudtrail-trail-update account_id=" + ACCOUNT + " region=us-east-1 name=audit"
        + " is_multi_region_trail=true");
    closes(Rule.TRAIL_NOT_LOGGING, "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/audit", null);
    assertThat(status(other.get())).as("the multi-region trail now logs eu-west-1 too").isEqualTo("resolved");
  }

  @Test
  void aCustomerKeyWithoutRotationGetsItAndAwsManagedKeysAreNotFlagged() {
    sync();
    var keys = findings(Rule.KMS_KEY_WITHOUT_ROTATION);
    assertThat(keys).singleElement().satisfies(f -> assertThat(f.evidence()).contains("customer managed"));
    String arn = keys.getFirst().principal();
    closes(Rule.KMS_KEY_WITHOUT_ROTATION, arn, "rolecall aws-kms-key-rotation-enable account_id=" + ACCOUNT
        + " region=us-east-1 key_id=" + arn.substring(arn.indexOf('/') + 1));
  }

  @Test
  void cleanAssetsAreNotFlagged() {
    sync();
    var principals = findingsOf(ACCOUNT).stream().map(Finding::principal).toList();
    assertThat(principals).doesNotContain("arn:aws:s3:::logs-" + ACCOUNT,
        "arn:aws:rds:us-east-1:" + ACCOUNT + ":db:billing",
        "arn:aws:rds:us-east-1:" + ACCOUNT + ":snapshot:billing-snap");
    assertThat(Estate.items(store, store.latestRun().orElseThrow().runId(), ACCOUNT)).extracting(Item::kind)
        .contains(Kind.BUCKET, Kind.DB_INSTANCE, Kind.DB_SNAPSHOT, Kind.DB_CLUSTER_SNAPSHOT, Kind.TRAIL, Kind.KMS_KEY);
  }

  /**
   * Syncs, finds the open finding of {@code rule} on {@code principal} (with this command line, unless null), runs
   * its fix dry and then for real through the executor, syncs again: resolved, and journaled.
   */
  private void closes(Rule rule, String principal, String commandLine) {
    sync();
    var finding = findings(rule).stream().filter(f -> f.principal().equals(principal)).findFirst();
    assertThat(finding).as(rule.id() + " on " + principal + " in " + findingsOf(ACCOUNT)).isPresent();
    var fix = finding.get().fix();
    assertThat(fix.automatic()).as(fix.commandLine()).isTrue();
    if (commandLine != null) {
      assertThat(fix.commandLine()).isEqualTo(commandLine);
    }
    int journaled = store.store().auditJournal().recent(1000).size();
    try (var sessions = new Sessions()) {
      var executor = new CommandExecutor(Commands.registry(), sessions, store.store()::auditJournal, "tester", 4,
          Clock.systemUTC());
      var dry = new HashMap<>(fix.arguments());
      dry.put("dry_run", "true");
      var dryRun = executor.execute(settings(), fix.command(), dry);
      assertThat(dryRun.exitCode()).as(String.valueOf(dryRun.failures())).isZero();
      assertThat(store.store().auditJournal().recent(1000)).hasSize(journaled);
      var run = executor.execute(settings(), fix.command(), fix.arguments());
      assertThat(run.exitCode()).as(String.valueOf(run.failures())).isZero();
    }
    var journal = store.store().auditJournal().recent(1000);
    assertThat(journal).hasSize(journaled + 1);
    assertThat(journal.getFirst().command()).isEqualTo(fix.command());
    assertThat(journal.getFirst().outcomeText()).isEqualTo("applied");
    sync();
    assertThat(status(finding.get())).as(rule.id() + " after its fix").isEqualTo("resolved");
  }

  private AuthSettings settings() {
    var op = estate.operator;
    return AuthSettings.builder().region("us-east-1").accessKey(op.accessKeyId())
        .secretKey(Secret.of(op.secretAccessKey())).roleName(REMEDIATION).externalId(Estate.EXTERNAL_ID)
        .endpointUrl(estate.sb.endpoint()).retries(3).build();
  }

  private InventorySync.Result sync() {
    var result = estate.sync(store, List.of(ACCOUNT), PARTS);
    assertThat(store.latestRun()).isPresent();
    return result;
  }

  private List<Finding> findings(Rule rule) {
    return findingsOf(ACCOUNT).stream().filter(f -> f.rule() == rule).toList();
  }

  private List<Finding> findingsOf(String account) {
    return TrackedFindings.all(store, List.of(account)).stream().filter(TrackedFindings.Tracked::open)
        .map(TrackedFindings.Tracked::finding).toList();
  }

  private String status(Finding f) {
    return TrackedFindings.all(store, List.of(ACCOUNT)).stream().filter(t -> t.finding().id().equals(f.id()))
        .map(TrackedFindings.Tracked::status).findFirst().orElse("absent");
  }
}
