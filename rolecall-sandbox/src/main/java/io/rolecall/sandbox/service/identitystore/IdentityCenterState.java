package io.rolecall.sandbox.service.identitystore;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Ids;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * One account's IAM Identity Center: its instances (what SSO Admin ListInstances lists, per region) and their
 * identity stores. An account has none until a test creates one; AWS allows one instance per account, but an
 * organization's management account can see several, so the setup API allows more to test that case.
 */
public final class IdentityCenterState {
  public static final String DEFAULT_REGION = "us-east-1";
  private static final Pattern STORE_ID = Pattern.compile("d-[0-9a-f]{10}");

  private final Account account;
  private final List<IdentityCenterInstance> instances = new CopyOnWriteArrayList<>();
  private final Map<String, IdentityStore> stores = new ConcurrentHashMap<>();

  public IdentityCenterState(Account account) {
    this.account = account;
  }

  /** The account's Identity Center state, created empty on first use. */
  public static IdentityCenterState of(Account account) {
    return account.state(IdentityCenterState.class, () -> new IdentityCenterState(account));
  }

  /** An instance in us-east-1 with a new identity store. */
  public IdentityStore createInstance() {
    return createInstance(DEFAULT_REGION);
  }

  public IdentityStore createInstance(String region) {
    return createInstance(region, "d-" + Ids.random("0123456789abcdef", 10));
  }

  /** An instance whose identity store has a fixed id (d- and 10 hex digits): its user and group ids repeat run to run. */
  public IdentityStore createInstance(String region, String identityStoreId) {
    if (!STORE_ID.matcher(identityStoreId).matches()) {
      throw new IllegalArgumentException("an identity store id is d- and 10 hex digits, got " + identityStoreId);
    }
    var store = new IdentityStore(identityStoreId, region, account.id(), account.world().clock());
    if (stores.putIfAbsent(identityStoreId, store) != null) {
      throw new IllegalArgumentException("identity store " + identityStoreId + " exists already");
    }
    // Derived from the store id, so a fixed store id gives a fixed instance ARN (and permission set ARNs after it).
    instances.add(new IdentityCenterInstance("arn:aws:sso:::instance/ssoins-"
        + Ids.stableHex(16, account.id(), identityStoreId), identityStoreId, account.id(), region, null,
        account.world().clock().now(), "ACTIVE"));
    return store;
  }

  public List<IdentityCenterInstance> instances() {
    return List.copyOf(instances);
  }

  public List<IdentityCenterInstance> instances(String region) {
    return instances.stream().filter(i -> i.region().equals(region)).toList();
  }

  /** The instance with this ARN, whatever its region. */
  public Optional<IdentityCenterInstance> instance(String instanceArn) {
    return instances.stream().filter(i -> i.instanceArn().equals(instanceArn)).findFirst();
  }

  public Optional<IdentityStore> store(String identityStoreId) {
    return Optional.ofNullable(stores.get(identityStoreId));
  }

  /** The store a request names, if it is this account's and in the request's region. */
  public Optional<IdentityStore> store(String identityStoreId, String region) {
    return store(identityStoreId).filter(s -> s.region().equals(region));
  }
}
