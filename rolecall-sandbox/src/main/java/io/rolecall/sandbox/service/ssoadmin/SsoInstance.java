package io.rolecall.sandbox.service.ssoadmin;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.service.iam.AwsManagedPolicies;
import io.rolecall.sandbox.service.identitystore.IdentityCenterInstance;
import io.rolecall.sandbox.service.identitystore.StoreGroup;
import io.rolecall.sandbox.service.identitystore.StoreUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The administration of one IAM Identity Center instance: its permission sets with every policy part, its account
 * assignments, and what is provisioned to which account (see {@link Assignments}). Its public methods are the setup API
 * tests use and what the SSO Admin wire handlers call; failures are the service's own errors. Thread-safe: one lock
 * per instance.
 * <pre>{@code
 * var sso = sb.account("111111111111").ssoAdmin().instance();
 * var admin = sso.createPermissionSet("Admin");
 * sso.attachManagedPolicy(admin.arn(), AwsManagedPolicies.arn("AdministratorAccess"));
 * sso.assign(admin, "222222222222", user);   // provisions: AWSReservedSSO_Admin_<hex> appears in 222222222222
 * }</pre>
 * Permission set ids come from a random source seeded by the instance ARN, so a fixed identity store id (hence instance
 * ARN) gives the same ARNs for the same sequence of calls.
 */
public final class SsoInstance {
  /** AWS-managed and customer-managed policies together, per permission set (Identity Center's quota). */
  static final int MAX_MANAGED_POLICIES = 20;
  /** Permission sets per instance (Identity Center's default quota). */
  static final int MAX_PERMISSION_SETS = 2000;

  private final IdentityCenterInstance instance;
  private final Random idSource;
  private final Map<String, PermissionSet> sets = new TreeMap<>(); // by ARN
  private final Map<String, String> arnByName = new HashMap<>();
  private final Assignments assignments;

  SsoInstance(IdentityCenterInstance instance, Account owner) {
    this.instance = instance;
    this.idSource = new Random(instance.instanceArn().hashCode());
    this.assignments = new Assignments(instance, owner);
  }

  public IdentityCenterInstance instance() { return instance; }

  public String arn() { return instance.instanceArn(); }

  // ---- permission sets

  public PermissionSet createPermissionSet(String name) {
    return createPermissionSet(name, null, null, null);
  }

  /** {@code sessionDuration} null means PT1H; description and relay state may be null. */
  public synchronized PermissionSet createPermissionSet(String name, String description, String sessionDuration,
                                                        String relayState) {
    if (arnByName.containsKey(name)) throw SsoErrors.conflict("PermissionSet with name " + name + " already exists.");
    if (sets.size() >= MAX_PERMISSION_SETS) {
      throw SsoErrors.quota("Instance " + arn() + " already has the most permission sets allowed, "
          + MAX_PERMISSION_SETS + ".");
    }
    String id = instance.instanceArn().substring(instance.instanceArn().lastIndexOf('/') + 1);
    String arn = "arn:aws:sso:::permissionSet/" + id + "/ps-" + hex16();
    var set = new PermissionSet(arn, name, description,
        sessionDuration == null ? PermissionSet.DEFAULT_SESSION_DURATION : sessionDuration, relayState,
        assignments.now(), List.of(), List.of(), null, null, 1);
    sets.put(arn, set);
    arnByName.put(name, arn);
    return set;
  }

  /** UpdatePermissionSet: a null member keeps its value. */
  public synchronized PermissionSet updatePermissionSet(String arn, String description, String sessionDuration,
                                                        String relayState) {
    return change(arn, s -> s.withDetails(description == null ? s.description() : description,
        sessionDuration == null ? s.sessionDuration() : sessionDuration,
        relayState == null ? s.relayState() : relayState));
  }

  public synchronized PermissionSet permissionSet(String arn) {
    var set = sets.get(arn);
    if (set == null) throw SsoErrors.noPermissionSet(arn);
    return set;
  }

  public synchronized Optional<PermissionSet> permissionSetNamed(String name) {
    return Optional.ofNullable(arnByName.get(name)).map(sets::get);
  }

  /** Every permission set, by ARN. */
  public synchronized List<PermissionSet> permissionSets() {
    return List.copyOf(sets.values());
  }

  /** Refused while the set is provisioned to any account (remove its assignments first), as Identity Center does. */
  public synchronized void deletePermissionSet(String arn) {
    var set = permissionSet(arn);
    if (!assignments.provisionedAccounts(arn, null).isEmpty()) {
      throw SsoErrors.conflict("PermissionSet " + set.id() + " is provisioned to accounts; delete its account "
          + "assignments first.");
    }
    sets.remove(arn);
    arnByName.remove(set.name());
  }

  // ---- policy parts

  /** Attaches an AWS-managed policy (the sandbox knows those of {@link AwsManagedPolicies}). */
  public synchronized PermissionSet attachManagedPolicy(String setArn, String policyArn) {
    var set = permissionSet(setArn);
    if (AwsManagedPolicies.byArn(policyArn).isEmpty()) {
      throw SsoErrors.notFound("Policy does not exist with ARN: " + policyArn);
    }
    if (set.managedPolicies().contains(policyArn)) {
      throw SsoErrors.conflict("Permission set " + set.id() + " already has managed policy " + policyArn + ".");
    }
    checkQuota(set);
    return change(setArn, s -> s.withManagedPolicies(plus(s.managedPolicies(), policyArn)));
  }

  public synchronized PermissionSet detachManagedPolicy(String setArn, String policyArn) {
    var set = permissionSet(setArn);
    if (!set.managedPolicies().contains(policyArn)) {
      throw SsoErrors.notFound("Permission set " + set.id() + " has no managed policy " + policyArn + ".");
    }
    return change(setArn, s -> s.withManagedPolicies(minus(s.managedPolicies(), policyArn)));
  }

  /** The policy need not exist anywhere yet: provisioning fails in accounts that lack it. */
  public synchronized PermissionSet attachCustomerManagedPolicy(String setArn, CustomerPolicyReference reference) {
    var set = permissionSet(setArn);
    if (set.customerPolicies().contains(reference)) {
      throw SsoErrors.conflict("Permission set " + set.id() + " already references customer managed policy "
          + reference.path() + reference.name() + ".");
    }
    checkQuota(set);
    return change(setArn, s -> s.withCustomerPolicies(plus(s.customerPolicies(), reference)));
  }

  public synchronized PermissionSet detachCustomerManagedPolicy(String setArn, CustomerPolicyReference reference) {
    var set = permissionSet(setArn);
    if (!set.customerPolicies().contains(reference)) {
      throw SsoErrors.notFound("Permission set " + set.id() + " references no customer managed policy "
          + reference.path() + reference.name() + ".");
    }
    return change(setArn, s -> s.withCustomerPolicies(minus(s.customerPolicies(), reference)));
  }

  /** Replaces the inline policy; the wire handler has checked the document. */
  public synchronized PermissionSet putInlinePolicy(String setArn, String policyJson) {
    return change(setArn, s -> s.withInlinePolicy(policyJson));
  }

  public synchronized PermissionSet deleteInlinePolicy(String setArn) {
    return change(setArn, s -> s.withInlinePolicy(null));
  }

  public synchronized PermissionSet putPermissionsBoundary(String setArn, PermissionsBoundary boundary) {
    if (boundary.managedPolicyArn() != null && AwsManagedPolicies.byArn(boundary.managedPolicyArn()).isEmpty()) {
      throw SsoErrors.notFound("Policy does not exist with ARN: " + boundary.managedPolicyArn());
    }
    return change(setArn, s -> s.withBoundary(boundary));
  }

  public synchronized PermissionSet deletePermissionsBoundary(String setArn) {
    var set = permissionSet(setArn);
    if (set.boundary() == null) {
      throw SsoErrors.notFound("Permission set " + set.id() + " has no permissions boundary.");
    }
    return change(setArn, s -> s.withBoundary(null));
  }

  // ---- provisioning and assignments (see Assignments)

  /** ProvisionPermissionSet to one account: its reserved role takes the set's current version. */
  public synchronized OperationStatus provision(String setArn, String accountId) {
    return assignments.provision(permissionSet(setArn), accountId);
  }

  /** ProvisionPermissionSet with ALL_PROVISIONED_ACCOUNTS. */
  public synchronized OperationStatus provisionEverywhere(String setArn) {
    return assignments.provisionEverywhere(permissionSet(setArn));
  }

  /** Removes the set's role from an account that has no assignment of it (setup API; AWS has no such call). */
  public synchronized void deprovision(String setArn, String accountId) {
    assignments.deprovision(permissionSet(setArn), accountId);
  }

  /** CreateAccountAssignment: provisions the set to the account if it is not yet there. */
  public synchronized OperationStatus assign(String setArn, String accountId, PrincipalType type, String principalId) {
    return assignments.create(permissionSet(setArn), accountId, type, principalId);
  }

  public OperationStatus assign(PermissionSet set, String accountId, StoreUser user) {
    return assign(set.arn(), accountId, PrincipalType.USER, user.userId());
  }

  public OperationStatus assign(PermissionSet set, String accountId, StoreGroup group) {
    return assign(set.arn(), accountId, PrincipalType.GROUP, group.groupId());
  }

  /** DeleteAccountAssignment: the account's last assignment of a set takes its reserved role away. */
  public synchronized OperationStatus unassign(String setArn, String accountId, PrincipalType type,
                                               String principalId) {
    return assignments.delete(permissionSet(setArn), accountId, type, principalId);
  }

  /** ListAccountAssignments: the assignments of one set in one account. */
  public synchronized List<Assignment> assignments(String setArn, String accountId) {
    permissionSet(setArn);
    return assignments.of(setArn, accountId);
  }

  /** ListAccountAssignmentsForPrincipal; {@code accountId} null for every account. */
  public synchronized List<Assignment> assignmentsOf(PrincipalType type, String principalId, String accountId) {
    return assignments.ofPrincipal(type, principalId, accountId);
  }

  /** ListAccountsForProvisionedPermissionSet; {@code filter} null for every account. */
  public synchronized List<String> provisionedAccounts(String setArn, ProvisioningFilter filter) {
    permissionSet(setArn);
    return assignments.provisionedAccounts(setArn, filter == null ? null : s -> filter.test(s, sets.get(setArn)));
  }

  /** ListPermissionSetsProvisionedToAccount; {@code filter} null for every set. */
  public synchronized List<String> permissionSetsProvisionedTo(String accountId, ProvisioningFilter filter) {
    var out = new ArrayList<String>();
    for (var set : sets.values()) {
      var version = assignments.provisionedVersion(set.arn(), accountId);
      if (version.isPresent() && (filter == null || filter.test(version.get(), set))) out.add(set.arn());
    }
    return out;
  }

  public synchronized OperationStatus assignmentCreationStatus(String requestId) {
    return assignments.status(Assignments.Kind.CREATION, requestId);
  }

  public synchronized OperationStatus assignmentDeletionStatus(String requestId) {
    return assignments.status(Assignments.Kind.DELETION, requestId);
  }

  public synchronized OperationStatus provisioningStatus(String requestId) {
    return assignments.status(Assignments.Kind.PROVISIONING, requestId);
  }

  /** The name of the set's reserved role in an account, whether or not it is provisioned there. */
  public String roleName(PermissionSet set, String accountId) {
    return ReservedRoleProvisioner.roleName(instance, accountId, set);
  }

  // ---- helpers

  private PermissionSet change(String arn, UnaryOperator<PermissionSet> update) {
    var changed = update.apply(permissionSet(arn));
    sets.put(arn, changed);
    return changed;
  }

  private static void checkQuota(PermissionSet set) {
    if (set.policyCount() >= MAX_MANAGED_POLICIES) {
      throw SsoErrors.quota("Permission set " + set.id() + " already has " + MAX_MANAGED_POLICIES
          + " managed policies, the most Identity Center allows.");
    }
  }

  private String hex16() {
    return String.format("%016x", idSource.nextLong());
  }

  private static <T> List<T> plus(List<T> list, T item) {
    var out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static <T> List<T> minus(List<T> list, T item) {
    var out = new ArrayList<>(list);
    out.remove(item);
    return out;
  }
}
