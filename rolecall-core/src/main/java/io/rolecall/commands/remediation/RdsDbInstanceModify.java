package io.rolecall.commands.remediation;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.Arguments;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * aws-rds-db-instance-modify: changes the flags given of a DB instance (publicly_accessible=false takes it off the
 * internet). RDS applies PubliclyAccessible and the flags at once; MultiAZ and BackupRetentionPeriod wait for the
 * maintenance window unless apply_immediately=true: then the read back still shows the old value, as a warning
 * naming the pending change. backup_retention_period=0 turns automated backups off and deletes the existing ones,
 * so it needs confirm=true.
 */
public final class RdsDbInstanceModify implements Command {
  static final String CONTEXT = "AWS.RDS.DBInstance";
  /** RDS instance identifiers: a letter, then letters, digits and single hyphens, 1 to 63, not ending in '-'. */
  static final String IDENTIFIER = "[A-Za-z](?!.*--)[A-Za-z0-9-]{0,62}(?<!-)";
  /** Argument to the field of DescribeDBInstances it sets, in upstream's order. */
  static final Map<String, String> FLAGS = flags();

  private static Map<String, String> flags() {
    var m = new LinkedHashMap<String, String>();
    m.put("publicly_accessible", "PubliclyAccessible");
    m.put("copy_tags_to_snapshot", "CopyTagsToSnapshot");
    m.put("backup_retention_period", "BackupRetentionPeriod");
    m.put("enable_iam_database_authentication", "IAMDatabaseAuthenticationEnabled");
    m.put("deletion_protection", "DeletionProtection");
    m.put("auto_minor_version_upgrade", "AutoMinorVersionUpgrade");
    m.put("multi_az", "MultiAZ");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static final CommandSpec SPEC = CommandSpec.builder("aws-rds-db-instance-modify")
      .description("Modify an RDS DB instance: only the settings given change (publicly_accessible=false takes it"
          + " off the internet at once). multi_az and backup_retention_period wait for the maintenance window unless"
          + " apply_immediately=true. backup_retention_period=0 deletes the automated backups: needs confirm=true.")
      .arg(ArgSpec.matching("db_instance_identifier", IDENTIFIER, "an RDS DB instance identifier (1 to 63 letters,"
          + " digits and hyphens, starting with a letter, no two hyphens in a row, not ending in a hyphen)",
          "The identifier of the DB instance to modify.").mandatory())
      .arg(ArgSpec.bool("publicly_accessible", "Whether the DB instance is publicly accessible."))
      .arg(ArgSpec.bool("apply_immediately", "Apply the changes now rather than in the next maintenance window."))
      .arg(ArgSpec.bool("copy_tags_to_snapshot", "Whether the instance's tags are copied to its snapshots."))
      .arg(ArgSpec.integer("backup_retention_period", 0, 35, "Days to keep automated backups; 0 turns them off."))
      .arg(ArgSpec.bool("enable_iam_database_authentication", "Whether IAM database authentication is enabled."))
      .arg(ArgSpec.bool("deletion_protection", "Whether the instance has deletion protection."))
      .arg(ArgSpec.bool("auto_minor_version_upgrade", "Whether minor engine upgrades are applied automatically."))
      .arg(ArgSpec.bool("multi_az", "Whether the instance is a Multi-AZ deployment."))
      .arg(ArgSpec.bool("confirm", "Turn automated backups off (backup_retention_period=0)."))
      .changes(FLAGS.keySet().toArray(String[]::new))
      .output(CONTEXT + ".DBInstanceIdentifier", "string", "The DB instance.")
      .output(CONTEXT + ".AccountId", "string", "The account of the DB instance.")
      .output(CONTEXT + ".Region", "string", "The region of the DB instance.")
      .output(CONTEXT + ".PubliclyAccessible", "boolean", "Whether it is publicly accessible, as read back.")
      .output(CONTEXT + ".MultiAZ", "boolean", "Whether it is Multi-AZ, as read back.")
      .output(CONTEXT + ".BackupRetentionPeriod", "number", "Backup retention in days, as read back.")
      .output(CONTEXT + ".DeletionProtection", "boolean", "Deletion protection, as read back.")
      .output(CONTEXT + ".Before", "object", "The settings before the change.")
      .permissions("rds:DescribeDBInstances", "rds:ModifyDBInstance")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public void validate(Arguments args) {
    if (args.has("backup_retention_period") && args.integer("backup_retention_period") == 0) {
      AssetChange.requireConfirm(args, "backup_retention_period=0 turns automated backups off and deletes the"
          + " instance's existing automated backups");
    }
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String id = args.string("db_instance_identifier");
    var rds = ctx.session().rds();
    var db = describe(ctx, rds, id);
    var before = settings(db);
    var requested = new LinkedHashMap<>(before);
    FLAGS.forEach((arg, field) -> {
      if (args.has(arg)) {
        requested.put(field, arg.equals("backup_retention_period") ? (Object) args.integer(arg).intValue()
            : args.bool(arg));
      }
    });
    boolean now = Boolean.TRUE.equals(args.has("apply_immediately") ? args.bool("apply_immediately") : null);
    var o = AssetChange.apply(ctx, db.dbInstanceArn(), before, requested,
        () -> AssetChange.call("rds:ModifyDBInstance on " + id, ctx, () -> rds.modifyDBInstance(r -> {
          r.dbInstanceIdentifier(id).applyImmediately(now);
          if (args.has("publicly_accessible")) r.publiclyAccessible(args.bool("publicly_accessible"));
          if (args.has("copy_tags_to_snapshot")) r.copyTagsToSnapshot(args.bool("copy_tags_to_snapshot"));
          if (args.has("backup_retention_period")) {
            r.backupRetentionPeriod(args.integer("backup_retention_period").intValue());
          }
          if (args.has("enable_iam_database_authentication")) {
            r.enableIAMDatabaseAuthentication(args.bool("enable_iam_database_authentication"));
          }
          if (args.has("deletion_protection")) r.deletionProtection(args.bool("deletion_protection"));
          if (args.has("auto_minor_version_upgrade")) r.autoMinorVersionUpgrade(args.bool("auto_minor_version_upgrade"));
          if (args.has("multi_az")) r.multiAZ(args.bool("multi_az"));
        })),
        () -> settings(describe(ctx, rds, id)));
    var warnings = new java.util.ArrayList<>(o.warnings());
    if (o.changed() && !ctx.dryRun()) {
      var pending = describe(ctx, rds, id).pendingModifiedValues();
      if (pending != null && (pending.multiAZ() != null || pending.backupRetentionPeriod() != null)) {
        warnings.add("pending until the maintenance window (apply_immediately=true applies it now):"
            + (pending.multiAZ() != null ? " MultiAZ=" + pending.multiAZ() : "")
            + (pending.backupRetentionPeriod() != null ? " BackupRetentionPeriod=" + pending.backupRetentionPeriod() : ""));
      }
    }
    var outcome = new AssetChange.Outcome(o.before(), o.after(), o.changed(), warnings);
    return AssetChange.result(ctx, "AWS RDS DB instance", CONTEXT, S3Buckets.map("DBInstanceIdentifier", id), outcome,
        List.copyOf(FLAGS.values()));
  }

  static DBInstance describe(CommandContext ctx, RdsClient rds, String id) {
    var list = AssetChange.call("rds:DescribeDBInstances of " + id, ctx,
        () -> rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances());
    if (list.isEmpty()) {
      throw new io.rolecall.CommandFailedException("rds:DescribeDBInstances of " + id + " in account "
          + ctx.accountId() + ": no such DB instance");
    }
    return list.getFirst();
  }

  static Map<String, Object> settings(DBInstance d) {
    return S3Buckets.map("PubliclyAccessible", d.publiclyAccessible(), "CopyTagsToSnapshot", d.copyTagsToSnapshot(),
        "BackupRetentionPeriod", d.backupRetentionPeriod(),
        "IAMDatabaseAuthenticationEnabled", d.iamDatabaseAuthenticationEnabled(),
        "DeletionProtection", d.deletionProtection(), "AutoMinorVersionUpgrade", d.autoMinorVersionUpgrade(),
        "MultiAZ", d.multiAZ());
  }
}
