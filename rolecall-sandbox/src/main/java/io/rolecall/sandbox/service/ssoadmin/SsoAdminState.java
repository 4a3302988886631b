package io.rolecall.sandbox.service.ssoadmin;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.service.identitystore.IdentityCenterInstance;
import io.rolecall.sandbox.service.identitystore.IdentityCenterState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One account's SSO Admin: the administration of each Identity Center instance it owns (created with
 * {@code account.identityCenter().createInstance()}), made on first use.
 */
public final class SsoAdminState {
  private final Account account;
  private final Map<String, SsoInstance> byArn = new ConcurrentHashMap<>();

  private SsoAdminState(Account account) {
    this.account = account;
  }

  public static SsoAdminState of(Account account) {
    return account.state(SsoAdminState.class, () -> new SsoAdminState(account));
  }

  /** The account's only instance; an account with none or several must name one. */
  public SsoInstance instance() {
    var instances = IdentityCenterState.of(account).instances();
    if (instances.size() != 1) {
      throw new IllegalStateException("account " + account.id() + " has " + instances.size()
          + " Identity Center instances: name one with instance(arn)");
    }
    return admin(instances.getFirst());
  }

  /** The instance with this ARN, if this account owns it. */
  public Optional<SsoInstance> instance(String instanceArn) {
    return IdentityCenterState.of(account).instance(instanceArn).map(this::admin);
  }

  private SsoInstance admin(IdentityCenterInstance instance) {
    return byArn.computeIfAbsent(instance.instanceArn(), arn -> new SsoInstance(instance, account));
  }
}
