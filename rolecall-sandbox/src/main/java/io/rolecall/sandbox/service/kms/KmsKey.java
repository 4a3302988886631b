package io.rolecall.sandbox.service.kms;

import java.time.Instant;

/**
 * One KMS key in one account and region. {@code manager} is CUSTOMER or AWS (an AWS managed key, whose rotation
 * AWS owns: every year, and nobody may change it). {@code keySpec} SYMMETRIC_DEFAULT is the only spec whose rotation
 * can be turned on. Immutable: changes replace the record.
 */
public record KmsKey(String keyId, String accountId, String region, String manager, String keySpec,
                     String description, boolean enabled, boolean rotation, int rotationPeriodDays,
                     Instant creationDate) {

  public String arn() {
    return "arn:aws:kms:" + region + ":" + accountId + ":key/" + keyId;
  }

  public boolean customerManaged() {
    return manager.equals("CUSTOMER");
  }

  public KmsKey withRotation(boolean on, int periodDays) {
    return new KmsKey(keyId, accountId, region, manager, keySpec, description, enabled, on, periodDays, creationDate);
  }
}
