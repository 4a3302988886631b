package io.rolecall.sandbox.service.ssoadmin;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.service.identitystore.IdentityCenterInstance;
import io.rolecall.sandbox.service.identitystore.IdentityCenterState;
import io.rolecall.sandbox.service.organizations.Organization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * An instance's account assignments and provisioning: which version of each permission set each account holds, and the
 * outcome of every create, delete and provision request. Not thread-safe on its own: {@link SsoInstance} calls it
 * under its lock.
 *
 * <p>Targets are the accounts of the owner's organization (any account of the sandbox when the owner has none);
 * principals must exist in the instance's identity store. A change applies at once; a provisioning failure (a
 * customer-managed policy the account lacks) writes nothing and is reported in the operation's status.
 */
final class Assignments {
  enum Kind { CREATION, DELETION, PROVISIONING }

  private final IdentityCenterInstance instance;
  private final Account owner;
  private final Map<String, Assignment> byKey = new TreeMap<>();
  private final Map<String, Map<String, Assignment>> byTarget = new HashMap<>(); // set ARN + account
  private final Map<String, Map<String, Assignment>> byPrincipal = new HashMap<>(); // type + id
  private final Map<String, Map<String, Integer>> provisioned = new HashMap<>(); // set ARN -> account -> version
  private final Map<Kind, Map<String, OperationStatus>> statuses = new EnumMap<>(Kind.class);

  Assignments(IdentityCenterInstance instance, Account owner) {
    this.instance = instance;
    this.owner = owner;
    for (Kind k : Kind.values()) statuses.put(k, new HashMap<>());
  }

  Instant now() {
    return owner.world().clock().now();
  }

  // ---- provisioning

  OperationStatus provision(PermissionSet set, String accountId) {
    var failure = provisionTo(set, target(accountId));
    return record(Kind.PROVISIONING, accountId, set.arn(), null, failure.orElse(null));
  }

  OperationStatus provisionEverywhere(PermissionSet set) {
    String failure = null;
    for (String accountId : provisionedAccounts(set.arn(), null)) {
      var reason = provisionTo(set, target(accountId));
      if (failure == null && reason.isPresent()) failure = reason.get();
    }
    return record(Kind.PROVISIONING, null, set.arn(), null, failure);
  }

  void deprovision(PermissionSet set, String accountId) {
    if (!of(set.arn(), accountId).isEmpty()) {
      throw SsoErrors.conflict("PermissionSet " + set.id() + " has account assignments in " + accountId
          + "; delete them first.");
    }
    removeFrom(set, accountId);
  }

  Optional<Integer> provisionedVersion(String setArn, String accountId) {
    return Optional.ofNullable(provisioned.getOrDefault(setArn, Map.of()).get(accountId));
  }

  /** Accounts the set is provisioned to, sorted; {@code versionFilter} null for all. */
  List<String> provisionedAccounts(String setArn, IntPredicate versionFilter) {
    var out = new ArrayList<String>();
    new TreeMap<>(provisioned.getOrDefault(setArn, Map.of())).forEach((account, version) -> {
      if (versionFilter == null || versionFilter.test(version)) out.add(account);
    });
    return out;
  }

  private Optional<String> provisionTo(PermissionSet set, Account account) {
    var failure = ReservedRoleProvisioner.provision(instance, set, account);
    if (failure.isEmpty()) provisioned.computeIfAbsent(set.arn(), k -> new HashMap<>()).put(account.id(), set.version());
    return failure;
  }

  private void removeFrom(PermissionSet set, String accountId) {
    var accounts = provisioned.get(set.arn());
    if (accounts == null || accounts.remove(accountId) == null) return;
    if (accounts.isEmpty()) provisioned.remove(set.arn());
    owner.world().findAccount(accountId).ifPresent(a -> ReservedRoleProvisioner.deprovision(instance, set, a));
  }

  // ---- assignments

  OperationStatus create(PermissionSet set, String accountId, PrincipalType type, String principalId) {
    var account = target(accountId);
    requirePrincipal(type, principalId);
    var assignment = new Assignment(accountId, set.arn(), type, principalId);
    String failure = null;
    if (!byKey.containsKey(assignment.key())) {
      if (provisionedVersion(set.arn(), accountId).isEmpty()) failure = provisionTo(set, account).orElse(null);
      if (failure == null) index(assignment);
    }
    return record(Kind.CREATION, accountId, set.arn(), assignment, failure);
  }

  OperationStatus delete(PermissionSet set, String accountId, PrincipalType type, String principalId) {
    var assignment = new Assignment(accountId, set.arn(), type, principalId);
    if (byKey.remove(assignment.key()) == null) {
      throw SsoErrors.notFound("Could not find the account assignment of " + type + " " + principalId + " to "
          + accountId + " with PermissionSet " + set.id() + ".");
    }
    unindex(byTarget, set.arn() + "/" + accountId, assignment);
    unindex(byPrincipal, type + "/" + principalId, assignment);
    if (of(set.arn(), accountId).isEmpty()) removeFrom(set, accountId);
    return record(Kind.DELETION, accountId, set.arn(), assignment, null);
  }

  List<Assignment> of(String setArn, String accountId) {
    return List.copyOf(byTarget.getOrDefault(setArn + "/" + accountId, Map.of()).values());
  }

  List<Assignment> ofPrincipal(PrincipalType type, String principalId, String accountId) {
    return byPrincipal.getOrDefault(type + "/" + principalId, Map.of()).values().stream()
        .filter(a -> accountId == null || a.accountId().equals(accountId)).toList();
  }

  private void index(Assignment a) {
    byKey.put(a.key(), a);
    byTarget.computeIfAbsent(a.permissionSetArn() + "/" + a.accountId(), k -> new TreeMap<>()).put(a.key(), a);
    byPrincipal.computeIfAbsent(a.principalType() + "/" + a.principalId(), k -> new TreeMap<>()).put(a.key(), a);
  }

  private static void unindex(Map<String, Map<String, Assignment>> index, String key, Assignment a) {
    var entries = index.get(key);
    if (entries != null && entries.remove(a.key()) != null && entries.isEmpty()) index.remove(key);
  }

  // ---- statuses

  OperationStatus status(Kind kind, String requestId) {
    var status = statuses.get(kind).get(requestId);
    if (status == null) {
      throw SsoErrors.notFound("Could not find the " + switch (kind) {
        case CREATION -> "account assignment creation";
        case DELETION -> "account assignment deletion";
        case PROVISIONING -> "permission set provisioning";
      } + " request " + requestId + ".");
    }
    return status;
  }

  private OperationStatus record(Kind kind, String accountId, String setArn, Assignment assignment, String failure) {
    var status = new OperationStatus(UUID.randomUUID().toString(),
        failure == null ? OperationStatus.SUCCEEDED : OperationStatus.FAILED, failure, accountId, setArn, assignment,
        now());
    statuses.get(kind).put(status.requestId(), status);
    return status;
  }

  // ---- checks

  /** An account of the owner's organization, or of the sandbox when the owner belongs to none. */
  private Account target(String accountId) {
    var org = Organization.of(owner);
    if (org.isPresent()) {
      if (org.get().account(accountId).isEmpty()) {
        throw SsoErrors.validation("The target account " + accountId + " is not a member of organization "
            + org.get().id() + ".");
      }
      return owner.world().account(accountId);
    }
    return owner.world().findAccount(accountId).orElseThrow(() -> SsoErrors.validation("The target account "
        + accountId + " does not exist."));
  }

  private void requirePrincipal(PrincipalType type, String principalId) {
    var store = IdentityCenterState.of(owner).store(instance.identityStoreId()).orElseThrow();
    boolean exists = type == PrincipalType.USER ? store.user(principalId).isPresent()
        : store.group(principalId).isPresent();
    if (!exists) {
      throw SsoErrors.notFound(type + " " + principalId + " does not exist in identity store " + store.id() + ".");
    }
  }
}
