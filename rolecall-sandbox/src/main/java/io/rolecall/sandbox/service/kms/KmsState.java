package io.rolecall.sandbox.service.kms;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.protocol.AwsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** One account's KMS keys, per region: the setup API tests and the seeder use, and what the handler calls. */
public final class KmsState {
  private final Account account;
  private final Map<String, Map<String, KmsKey>> regions = new ConcurrentHashMap<>();

  public KmsState(Account account) {
    this.account = account;
  }

  public static KmsState of(Account account) {
    return account.state(KmsState.class, () -> new KmsState(account));
  }

  /** A symmetric customer managed key without rotation. */
  public KmsKey createKey(String region, String description) {
    return put(region, "CUSTOMER", "SYMMETRIC_DEFAULT", description);
  }

  /** An AWS managed key (as alias/aws/s3 is): rotated by AWS every year. */
  public KmsKey createAwsManagedKey(String region, String description) {
    var key = put(region, "AWS", "SYMMETRIC_DEFAULT", description);
    return replace(key.withRotation(true, 365));
  }

  /** A customer managed key of another spec (RSA_2048, ...): rotation cannot be turned on. */
  public KmsKey createKey(String region, String description, String keySpec) {
    return put(region, "CUSTOMER", keySpec, description);
  }

  private KmsKey put(String region, String manager, String spec, String description) {
    var key = new KmsKey(UUID.randomUUID().toString(), account.id(), region, manager, spec, description, true, false,
        0, account.world().clock().now());
    map(region).put(key.keyId(), key);
    return key;
  }

  /** The region's keys, by id. */
  public List<KmsKey> keys(String region) {
    return List.copyOf(map(region).values());
  }

  /** The key an id or ARN names in that region; NotFoundException otherwise. */
  public KmsKey require(String region, String keyIdOrArn) {
    return find(region, keyIdOrArn).orElseThrow(() -> AwsException.badRequest("NotFoundException",
        "Key '" + keyIdOrArn + "' does not exist"));
  }

  public Optional<KmsKey> find(String region, String keyIdOrArn) {
    String id = keyIdOrArn;
    if (keyIdOrArn.startsWith("arn:")) {
      String prefix = "arn:aws:kms:" + region + ":" + account.id() + ":key/";
      if (!keyIdOrArn.startsWith(prefix)) return Optional.empty();
      id = keyIdOrArn.substring(prefix.length());
    }
    return Optional.ofNullable(map(region).get(id));
  }

  /** Replaces a key (by id) with a changed copy. */
  public KmsKey replace(KmsKey key) {
    map(key.region()).put(key.keyId(), key);
    return key;
  }

  private Map<String, KmsKey> map(String region) {
    return regions.computeIfAbsent(region, r -> new ConcurrentSkipListMap<>());
  }
}
