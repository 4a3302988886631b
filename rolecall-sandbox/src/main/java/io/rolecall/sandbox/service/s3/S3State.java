package io.rolecall.sandbox.service.s3;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.protocol.AwsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One account's S3: the buckets it owns (with their public access blocks) and the account-level public access
 * block of S3 Control. Bucket names are global, as in S3: a name owned by another account cannot be created again.
 * The public methods are the setup API tests use and what the wire handlers call. Thread-safe.
 */
public final class S3State {
  private final Account account;
  private final Map<String, Bucket> buckets = new ConcurrentSkipListMap<>();
  private final Map<String, BucketSettings> settings = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile PublicAccessBlock accountPublicAccessBlock;

  public S3State(Account account) {
    this.account = account;
  }

  /** A bucket in us-east-1. */
  public Bucket createBucket(String name) {
    return createBucket(name, "us-east-1");
  }

  /** Creates a bucket with S3's errors: InvalidBucketName, BucketAlreadyOwnedByYou, BucketAlreadyExists. */
  public Bucket createBucket(String name, String region) {
    BucketNames.require(name);
    // Names are global: check every account and claim the name under one lock, so two creators never both win.
    synchronized (S3State.class) {
      if (buckets.containsKey(name)) {
        throw AwsException.conflict("BucketAlreadyOwnedByYou",
            "Your previous request to create the named bucket succeeded and you already own it.");
      }
      if (owner(name).isPresent()) {
        throw AwsException.conflict("BucketAlreadyExists", "The requested bucket name is not available. The bucket"
            + " namespace is shared by all users of the system. Please select a different name and try again.");
      }
      var bucket = new Bucket(name, account.id(), region, account.world().clock().now(), null);
      buckets.put(name, bucket);
      return bucket;
    }
  }

  public Optional<Bucket> bucket(String name) {
    return Optional.ofNullable(buckets.get(name));
  }

  /** The buckets this account owns, by name. */
  public List<Bucket> buckets() {
    return List.copyOf(buckets.values());
  }

  public void deleteBucket(String name) {
    if (buckets.remove(name) == null) throw noSuchBucket();
    settings.remove(name);
  }

  /** The bucket's policy, ACL, ownership, versioning and logging; NoSuchBucket when this account owns none such. */
  public BucketSettings settings(String bucket) {
    requireOwn(bucket);
    return settings.computeIfAbsent(bucket, b -> BucketSettings.initial(S3Service.canonicalId(account.id())));
  }

  /** Changes the bucket's settings with {@code change} (atomically per bucket). */
  public BucketSettings change(String bucket, java.util.function.UnaryOperator<BucketSettings> change) {
    settings(bucket);
    return settings.compute(bucket, (b, s) -> change.apply(s));
  }

  /** The canonical user id S3 shows for this account (the owner of its buckets and the grantee of their ACLs). */
  public String canonicalId() {
    return S3Service.canonicalId(account.id());
  }

  /** The bucket's block, empty when it has none; NoSuchBucket when this account owns no such bucket. */
  public Optional<PublicAccessBlock> publicAccessBlock(String bucket) {
    return Optional.ofNullable(requireOwn(bucket).publicAccessBlock());
  }

  /** Sets (or, with null, removes) the bucket's block. */
  public void setPublicAccessBlock(String bucket, PublicAccessBlock block) {
    buckets.compute(bucket, (name, b) -> {
      if (b == null) throw noSuchBucket();
      return b.withPublicAccessBlock(block);
    });
  }

  public Optional<PublicAccessBlock> accountPublicAccessBlock() {
    return Optional.ofNullable(accountPublicAccessBlock);
  }

  /** Sets (or, with null, removes) the account-level block of S3 Control. */
  public void setAccountPublicAccessBlock(PublicAccessBlock block) {
    accountPublicAccessBlock = block;
  }

  Bucket requireOwn(String name) {
    var b = buckets.get(name);
    if (b == null) throw noSuchBucket();
    return b;
  }

  /** The account owning a bucket of this name, anywhere in the sandbox. */
  Optional<Account> owner(String name) {
    return account.world().accounts().stream()
        .filter(a -> a.state(S3State.class, () -> new S3State(a)).buckets.containsKey(name))
        .findFirst();
  }

  static AwsException noSuchBucket() {
    return AwsException.notFound("NoSuchBucket", "The specified bucket does not exist");
  }
}
