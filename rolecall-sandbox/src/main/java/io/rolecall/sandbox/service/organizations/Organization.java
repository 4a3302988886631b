package io.rolecall.sandbox.service.organizations;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Ids;
import io.rolecall.sandbox.World;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An AWS Organization: a management account and its members. The setup API:
 * <pre>{@code
 * sb.organization("111111111111")                        // created with its management account, ACTIVE
 *     .addAccount("222222222222", "prod", "prod@example.com", AccountState.ACTIVE)
 *     .addAccount("333333333333", "old", "old@example.com", AccountState.SUSPENDED);
 * }</pre>
 * Accounts join under the root; {@link #structure()} adds OUs and moves accounts, {@link #policies()} holds the
 * service control policies (FullAWSAccess on everything by default).
 * Thread-safe.
 */
public final class Organization {
  private final World world;
  private final String id = "o-" + Ids.random("abcdefghijklmnopqrstuvwxyz0123456789", 10);
  private final String managementAccountId;
  private final Map<String, OrgAccount> accounts = new ConcurrentSkipListMap<>();
  private final OrgPolicies policies;
  private final OrgTree structure;

  private Organization(World world, String managementAccountId) {
    this.world = world;
    this.managementAccountId = managementAccountId;
    this.policies = new OrgPolicies(id, managementAccountId);
    this.structure = new OrgTree(id, managementAccountId, policies);
  }

  /** The organization {@code managementAccountId} manages, created on first use. */
  public static Organization managedBy(World world, String managementAccountId) {
    var management = world.account(managementAccountId);
    var membership = membership(management);
    synchronized (Organization.class) {
      var existing = membership.organization;
      if (existing != null) {
        if (!existing.managementAccountId.equals(managementAccountId)) {
          throw new IllegalStateException(managementAccountId + " is a member of " + existing.id + ", not its manager");
        }
        return existing;
      }
      var org = new Organization(world, managementAccountId);
      org.join(management, "management-" + managementAccountId, "aws+" + managementAccountId + "@example.com",
          AccountState.ACTIVE, "CREATED");
      return org;
    }
  }

  /** The organization an account belongs to, if any. */
  public static Optional<Organization> of(Account account) {
    return Optional.ofNullable(membership(account).organization);
  }

  /** Adds a member account (created in the sandbox if new) as INVITED, or replaces its name, email and state. */
  public Organization addAccount(String accountId, String name, String email, AccountState state) {
    var account = world.account(accountId);
    synchronized (Organization.class) {
      var other = membership(account).organization;
      if (other != null && other != this) {
        throw new IllegalStateException(accountId + " already belongs to organization " + other.id);
      }
      join(account, name, email, state, accountId.equals(managementAccountId) ? "CREATED" : "INVITED");
    }
    return this;
  }

  /** An ACTIVE member named after its id. */
  public Organization addAccount(String accountId) {
    return addAccount(accountId, "account-" + accountId, "aws+" + accountId + "@example.com", AccountState.ACTIVE);
  }

  /** Moves a member to another state (suspended, closed...). */
  public Organization setState(String accountId, AccountState state) {
    accounts.computeIfPresent(accountId, (k, a) -> a.withState(state));
    return this;
  }

  private void join(Account account, String name, String email, AccountState state, String method) {
    accounts.put(account.id(), new OrgAccount(account.id(), "arn:aws:organizations::" + managementAccountId
        + ":account/" + id + "/" + account.id(), email, name, state, method, world.clock().now()));
    membership(account).organization = this;
    structure.place(account.id());
  }

  public String id() {
    return id;
  }

  public String arn() {
    return "arn:aws:organizations::" + managementAccountId + ":organization/" + id;
  }

  public String managementAccountId() {
    return managementAccountId;
  }

  /** The root, organizational units and where each account sits. */
  public OrgTree structure() {
    return structure;
  }

  /** Service control policies and their attachments. */
  public OrgPolicies policies() {
    return policies;
  }

  /** Every account, management included, by id. */
  public List<OrgAccount> accounts() {
    return List.copyOf(accounts.values());
  }

  public Optional<OrgAccount> account(String accountId) {
    return Optional.ofNullable(accounts.get(accountId));
  }

  private static Membership membership(Account account) {
    return account.state(Membership.class, Membership::new);
  }
}
