package io.rolecall.sandbox.service.rds;

/**
 * An RDS DB instance and the settings ModifyDBInstance changes. {@code pendingMultiAz} and {@code
 * pendingBackupRetention} hold changes waiting for the maintenance window (null: none). Immutable.
 */
public record DbInstance(String identifier, String accountId, String region, String instanceClass, String engine,
                         boolean publiclyAccessible, boolean multiAz, boolean deletionProtection,
                         int backupRetentionPeriod, boolean copyTagsToSnapshot, boolean iamAuth,
                         boolean autoMinorVersionUpgrade, Boolean pendingMultiAz, Integer pendingBackupRetention) {

  public String arn() {
    return "arn:aws:rds:" + region + ":" + accountId + ":db:" + identifier;
  }

  public static DbInstance of(String identifier, String accountId, String region, boolean publiclyAccessible) {
    return new DbInstance(identifier, accountId, region, "db.t3.micro", "postgres", publiclyAccessible, false, false, 7,
        false, false, true, null, null);
  }
}
