package io.rolecall.inventory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * The organization's service control policies, each with the accounts it applies to: its targets (the root, OUs,
 * accounts) resolved through the tree, so an SCP on an OU applies to every account under it. Calls: ListRoots, per
 * root and OU ListOrganizationalUnitsForParent and ListAccountsForParent, ListPolicies (SERVICE_CONTROL_POLICY),
 * and per policy DescribePolicy and ListTargetsForPolicy — 3 + 2 x (OUs + roots) + 2 x policies, whatever the number
 * of accounts. Each policy's item also says, per account, at which levels of its path (root, OUs, the account) the
 * policy is attached, and one organization item holds every account's path: an action is allowed by SCPs only if,
 * at every level of the path, some policy attached there allows it.
 */
final class OrganizationsCollector {
  static final int PAGE = 20;

  private final OrganizationsClient org;
  private final String managementAccountId;
  private final StoreWriter writer;

  OrganizationsCollector(OrganizationsClient org, String managementAccountId, StoreWriter writer) {
    this.org = org;
    this.managementAccountId = managementAccountId;
    this.writer = writer;
  }

  void collect() {
    // Each account's path from the root: [root, ou, ..., account].
    var paths = new HashMap<String, List<String>>();
    var roots = new ArrayList<String>();
    IamCollector.call("organizations:ListRoots", () -> {
      org.listRootsPaginator(r -> r.maxResults(PAGE)).forEach(page -> page.roots().forEach(r -> roots.add(r.id())));
      return null;
    });
    var queue = new ArrayDeque<List<String>>();
    roots.forEach(r -> queue.add(List.of(r)));
    while (!queue.isEmpty()) {
      var path = queue.poll();
      String parent = path.getLast();
      IamCollector.call("organizations:ListOrganizationalUnitsForParent", () -> {
        org.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent).maxResults(PAGE))
            .forEach(page -> page.organizationalUnits().forEach(ou -> queue.add(append(path, ou.id()))));
        return null;
      });
      IamCollector.call("organizations:ListAccountsForParent", () -> {
        org.listAccountsForParentPaginator(r -> r.parentId(parent).maxResults(PAGE))
            .forEach(page -> page.accounts().forEach(a -> paths.put(a.id(), append(path, a.id()))));
        return null;
      });
    }
    var policies = new ArrayList<software.amazon.awssdk.services.organizations.model.PolicySummary>();
    IamCollector.call("organizations:ListPolicies", () -> {
      org.listPoliciesPaginator(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY).maxResults(PAGE))
          .forEach(page -> policies.addAll(page.policies()));
      return null;
    });
    var items = new ArrayList<Item>();
    for (var summary : policies) {
      var policy = IamCollector.call("organizations:DescribePolicy", () -> org.describePolicy(r -> r
          .policyId(summary.id())).policy());
      var targets = new TreeSet<String>();
      IamCollector.call("organizations:ListTargetsForPolicy", () -> {
        org.listTargetsForPolicyPaginator(r -> r.policyId(summary.id()).maxResults(PAGE))
            .forEach(page -> page.targets().forEach(t -> targets.add(t.targetId())));
        return null;
      });
      var appliesTo = new TreeSet<String>();
      var attachedAt = new java.util.TreeMap<String, List<String>>();
      paths.forEach((account, path) -> {
        var levels = path.stream().filter(targets::contains).toList();
        if (!levels.isEmpty()) {
          appliesTo.add(account);
          attachedAt.put(account, levels);
        }
      });
      items.add(new Item(Kind.SCP, managementAccountId, Item.GLOBAL, summary.id(), summary.name(), Nodes.of(
          "policyId", summary.id(), "arn", summary.arn(), "name", summary.name(), "description", summary.description(),
          "awsManaged", summary.awsManaged(), "document", Nodes.policy(policy.content()), "targets", List.copyOf(targets),
          "appliesTo", List.copyOf(appliesTo), "attachedAt", attachedAt)));
    }
    items.add(new Item(Kind.ORGANIZATION, managementAccountId, Item.GLOBAL, managementAccountId, null, Nodes.of(
        "managementAccountId", managementAccountId, "roots", roots, "paths", new java.util.TreeMap<>(paths))));
    writer.items(items);
  }

  private static List<String> append(List<String> path, String id) {
    var out = new ArrayList<>(path);
    out.add(id);
    return List.copyOf(out);
  }
}
