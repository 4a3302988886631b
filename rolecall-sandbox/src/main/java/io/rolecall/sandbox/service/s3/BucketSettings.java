package io.rolecall.sandbox.service.s3;

import java.util.List;

/**
 * A bucket's configuration beyond its public access block: policy (the JSON text as put, null for none), ACL
 * grants, object ownership (null: no ownership controls), versioning (null: never enabled; Enabled, Suspended),
 * MFA delete (Enabled, Disabled, null), server access logging (target bucket null: off) and object lock (set at
 * creation only). Immutable: changes replace the record.
 */
public record BucketSettings(String policy, List<Grant> grants, String ownership, String versioning,
                             String mfaDelete, String logTarget, String logPrefix, boolean objectLock) {

  public BucketSettings {
    grants = List.copyOf(grants);
  }

  static BucketSettings initial(String ownerId) {
    return new BucketSettings(null, Grant.canned("private", ownerId), null, null, null, null, null, false);
  }

  public BucketSettings withPolicy(String p) {
    return new BucketSettings(p, grants, ownership, versioning, mfaDelete, logTarget, logPrefix, objectLock);
  }

  public BucketSettings withGrants(List<Grant> g) {
    return new BucketSettings(policy, g, ownership, versioning, mfaDelete, logTarget, logPrefix, objectLock);
  }

  public BucketSettings withOwnership(String o) {
    return new BucketSettings(policy, grants, o, versioning, mfaDelete, logTarget, logPrefix, objectLock);
  }

  public BucketSettings withVersioning(String status, String mfa) {
    return new BucketSettings(policy, grants, ownership, status, mfa, logTarget, logPrefix, objectLock);
  }

  public BucketSettings withLogging(String target, String prefix) {
    return new BucketSettings(policy, grants, ownership, versioning, mfaDelete, target, prefix, objectLock);
  }

  /** Object lock can only be turned on at creation, and it turns versioning on for good. */
  public BucketSettings withObjectLock() {
    return new BucketSettings(policy, grants, ownership, "Enabled", mfaDelete, logTarget, logPrefix, true);
  }
}
