package io.rolecall.inventory;

import io.rolecall.aws.CallScope;
import io.rolecall.render.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;

/**
 * One IAM Identity Center instance: its permission sets with every policy part (AWS-managed policies,
 * customer-managed references, the inline policy, the permissions boundary), the accounts each set is provisioned
 * to and the assignments there, and the identity store's users, groups and memberships. The call plan is the
 * fewest that answer "who is assigned what, where": per set DescribePermissionSet, its four policy-part calls and
 * ListAccountsForProvisionedPermissionSet, then ListAccountAssignments per (set, account it is provisioned to) —
 * never per (account x set) for sets not provisioned there; ListUsers and ListGroups, and ListGroupMemberships per
 * group. SSO Admin and the Identity Store each pace at their shared 20 requests/s ({@link RateLimits}).
 */
final class IdentityCenterCollector {
  /** The largest pages SSO Admin and the Identity Store give. */
  static final int PAGE = 100;
  /** Permission sets, and groups, worked on at once; the rate limit paces them anyway. */
  static final int AT_ONCE = 4;

  private final SsoAdminClient sso;
  private final IdentitystoreClient store;
  private final InstanceMetadata instance;
  private final String ownerAccountId;
  private final String region;
  private final StoreWriter writer;
  private final CallScope scope;

  IdentityCenterCollector(SsoAdminClient sso, IdentitystoreClient store, InstanceMetadata instance,
      String ownerAccountId, String region, StoreWriter writer, CallScope scope) {
    this.sso = sso;
    this.store = store;
    this.instance = instance;
    this.ownerAccountId = ownerAccountId;
    this.region = region;
    this.writer = writer;
    this.scope = scope;
  }

  void collect() {
    String arn = instance.instanceArn();
    String storeId = instance.identityStoreId();
    writer.items(List.of(item(Kind.IDC_INSTANCE, arn, instance.name(), Nodes.of("instanceArn", arn,
        "identityStoreId", storeId, "ownerAccountId", instance.ownerAccountId() != null ? instance.ownerAccountId()
            : ownerAccountId, "region", region, "name", instance.name(), "status", instance.statusAsString()))));
    var sets = IamCollector.call("sso:ListPermissionSets", () -> sso.listPermissionSetsPaginator(r -> r.instanceArn(arn)
        .maxResults(PAGE)).permissionSets().stream().toList());
    Parallel.run(scope, AT_ONCE, sets.stream().map(set -> (Runnable) () -> permissionSet(arn, set)).toList());
    users(storeId);
    var groups = IamCollector.call("identitystore:ListGroups", () -> store.listGroupsPaginator(r -> r
        .identityStoreId(storeId).maxResults(PAGE)).groups().stream().toList());
    Parallel.run(scope, AT_ONCE, groups.stream().map(g -> (Runnable) () -> group(storeId, g)).toList());
  }

  private void permissionSet(String instanceArn, String setArn) {
    PermissionSet set = IamCollector.call("sso:DescribePermissionSet", () -> sso.describePermissionSet(r -> r
        .instanceArn(instanceArn).permissionSetArn(setArn)).permissionSet());
    var managed = IamCollector.call("sso:ListManagedPoliciesInPermissionSet", () -> sso
        .listManagedPoliciesInPermissionSetPaginator(r -> r.instanceArn(instanceArn).permissionSetArn(setArn)
            .maxResults(PAGE)).attachedManagedPolicies().stream().map(p -> p.arn()).toList());
    var customer = Json.mapper().createArrayNode();
    IamCollector.call("sso:ListCustomerManagedPolicyReferencesInPermissionSet", () -> {
      sso.listCustomerManagedPolicyReferencesInPermissionSetPaginator(r -> r.instanceArn(instanceArn)
          .permissionSetArn(setArn).maxResults(PAGE)).customerManagedPolicyReferences()
          .forEach(ref -> customer.add(Nodes.of("name", ref.name(), "path", ref.path())));
      return null;
    });
    String inline = IamCollector.call("sso:GetInlinePolicyForPermissionSet", () -> sso.getInlinePolicyForPermissionSet(
        r -> r.instanceArn(instanceArn).permissionSetArn(setArn)).inlinePolicy());
    var boundary = IamCollector.call("sso:GetPermissionsBoundaryForPermissionSet", () -> {
      try {
        var b = sso.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instanceArn).permissionSetArn(setArn))
            .permissionsBoundary();
        if (b == null) {
          return null;
        }
        return b.managedPolicyArn() != null ? Nodes.of("managedPolicyArn", b.managedPolicyArn())
            : Nodes.of("customerManagedPolicyReference", Nodes.of("name", b.customerManagedPolicyReference().name(),
                "path", b.customerManagedPolicyReference().path()));
      } catch (ResourceNotFoundException none) {
        return null; // SSO Admin's answer for a set without a boundary
      }
    });
    var accounts = IamCollector.call("sso:ListAccountsForProvisionedPermissionSet", () -> sso
        .listAccountsForProvisionedPermissionSetPaginator(r -> r.instanceArn(instanceArn).permissionSetArn(setArn)
            .maxResults(PAGE)).accountIds().stream().toList());
    writer.items(List.of(item(Kind.PERMISSION_SET, setArn, set.name(), Nodes.of("instanceArn", instanceArn,
        "permissionSetArn", setArn, "name", set.name(), "description", set.description(),
        "sessionDuration", set.sessionDuration(), "createdDate", set.createdDate(), "awsManagedPolicies", managed,
        "customerManagedPolicies", customer, "inlinePolicy", inline == null || inline.isBlank() ? null
            : Nodes.policy(inline), "permissionsBoundary", boundary, "provisionedAccounts", accounts))));
    for (String account : accounts) {
      var items = new ArrayList<Item>();
      IamCollector.call("sso:ListAccountAssignments", () -> {
        for (var page : sso.listAccountAssignmentsPaginator(r -> r.instanceArn(instanceArn).accountId(account)
            .permissionSetArn(setArn).maxResults(PAGE))) {
          for (AccountAssignment a : page.accountAssignments()) {
            items.add(item(Kind.ACCOUNT_ASSIGNMENT, setArn + "|" + a.accountId() + "|" + a.principalTypeAsString() + "|"
                + a.principalId(), null, Nodes.of("instanceArn", instanceArn, "permissionSetArn", setArn,
                "accountId", a.accountId(), "principalType", a.principalTypeAsString(), "principalId", a.principalId())));
          }
        }
        return null;
      });
      writer.items(items);
    }
  }

  private void users(String storeId) {
    IamCollector.call("identitystore:ListUsers", () -> {
      for (var page : store.listUsersPaginator(r -> r.identityStoreId(storeId).maxResults(PAGE))) {
        var items = new ArrayList<Item>();
        for (User u : page.users()) {
          items.add(item(Kind.IDC_USER, storeId + "/" + u.userId(), u.userName(), Nodes.of("identityStoreId", storeId,
              "userId", u.userId(), "userName", u.userName(), "displayName", u.displayName(),
              "givenName", u.name() == null ? null : u.name().givenName(),
              "familyName", u.name() == null ? null : u.name().familyName(),
              "emails", u.emails().stream().map(e -> e.value()).toList())));
        }
        writer.items(items);
      }
      return null;
    });
  }

  private void group(String storeId, Group g) {
    var members = IamCollector.call("identitystore:ListGroupMemberships", () -> store.listGroupMembershipsPaginator(
        r -> r.identityStoreId(storeId).groupId(g.groupId()).maxResults(PAGE)).groupMemberships().stream()
        .filter(m -> m.memberId() != null && m.memberId().userId() != null).map(m -> m.memberId().userId()).toList());
    writer.items(List.of(item(Kind.IDC_GROUP, storeId + "/" + g.groupId(), g.displayName(), Nodes.of(
        "identityStoreId", storeId, "groupId", g.groupId(), "displayName", g.displayName(),
        "description", g.description(), "members", members))));
  }

  private Item item(Kind kind, String id, String name, com.fasterxml.jackson.databind.node.ObjectNode data) {
    return new Item(kind, ownerAccountId, region, id, name, data);
  }
}
