package io.rolecall.sandbox.service.organizations;

import io.rolecall.sandbox.Ids;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An organization's structure: one root, organizational units under it, and where each account sits. New accounts
 * and OUs get FullAWSAccess, as AWS attaches it when service control policies are enabled. Thread-safe.
 * <pre>{@code
 * var prod = org.structure().createOrganizationalUnit(org.structure().rootId(), "Prod");
 * org.structure().moveAccount("222222222222", prod.id());
 * }</pre>
 */
public final class OrgTree {
  private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final String orgId;
  private final String managementAccountId;
  private final String rootId = "r-" + Ids.random(LOWER_ALNUM, 4);
  private final Map<String, OrgUnit> units = new TreeMap<>();
  private final Map<String, String> parentOf = new HashMap<>(); // account or OU id -> root or OU id
  private final OrgPolicies policies;

  OrgTree(String orgId, String managementAccountId, OrgPolicies policies) {
    this.orgId = orgId;
    this.managementAccountId = managementAccountId;
    this.policies = policies;
    policies.attachDefault(rootId);
  }

  public String rootId() {
    return rootId;
  }

  public String rootArn() {
    return "arn:aws:organizations::" + managementAccountId + ":root/" + orgId + "/" + rootId;
  }

  public synchronized OrgUnit createOrganizationalUnit(String parentId, String name) {
    requireParent(parentId);
    String id = "ou-" + rootId.substring(2) + "-" + Ids.random(LOWER_ALNUM, 8);
    var unit = new OrgUnit(id, "arn:aws:organizations::" + managementAccountId + ":ou/" + orgId + "/" + id, name,
        parentId);
    units.put(id, unit);
    parentOf.put(id, parentId);
    policies.attachDefault(id);
    return unit;
  }

  /** MoveAccount: the account leaves its parent for {@code destinationParentId}. */
  public synchronized void moveAccount(String accountId, String destinationParentId) {
    if (!parentOf.containsKey(accountId) || units.containsKey(accountId)) {
      throw new IllegalArgumentException("account " + accountId + " is not in organization " + orgId);
    }
    requireParent(destinationParentId);
    parentOf.put(accountId, destinationParentId);
  }

  public synchronized Optional<OrgUnit> unit(String ouId) {
    return Optional.ofNullable(units.get(ouId));
  }

  /** The root or OU that holds an account or OU. */
  public synchronized Optional<String> parentOf(String childId) {
    return Optional.ofNullable(parentOf.get(childId));
  }

  public synchronized boolean isParent(String id) {
    return id.equals(rootId) || units.containsKey(id);
  }

  /** The OUs directly under a root or OU, by id. */
  public synchronized List<OrgUnit> unitsUnder(String parentId) {
    return units.values().stream().filter(u -> u.parentId().equals(parentId)).toList();
  }

  /** Ids of the accounts directly under a root or OU, sorted. */
  public synchronized List<String> accountsUnder(String parentId) {
    return parentOf.entrySet().stream().filter(e -> e.getValue().equals(parentId) && !units.containsKey(e.getKey()))
        .map(Map.Entry::getKey).sorted().toList();
  }

  /** A new account starts under the root with FullAWSAccess; one already placed stays where it is. */
  synchronized void place(String accountId) {
    if (parentOf.putIfAbsent(accountId, rootId) == null) policies.attachDefault(accountId);
  }

  private void requireParent(String parentId) {
    if (!isParent(parentId)) throw new IllegalArgumentException("no root or OU " + parentId + " in " + orgId);
  }
}
