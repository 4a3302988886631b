package io.rolecall.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.inventory.Item;
import io.rolecall.inventory.Kind;
import io.rolecall.render.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an estate as inventory items in the shapes the collectors store (IamCollector for IAM and EC2 instances;
 * the Identity Center and SCP shapes the graph reads, see docs/access.md). Methods return the item's data so a
 * test can add to it: {@code attach(user("222222222222", "ann"), ADMIN_ARN)}.
 */
final class EstateItems {
  static final String ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";
  static final String READ_ONLY_ARN = "arn:aws:iam::aws:policy/ReadOnlyAccess";

  final List<Item> items = new ArrayList<>();
  private final Set<String> awsPolicies = new HashSet<>();
  private final java.util.function.Function<String, ObjectNode> awsDocuments;

  /** AdministratorAccess and ReadOnlyAccess as {@link PolicyJson} writes them; other AWS-managed documents unknown. */
  EstateItems() {
    this(arn -> arn.equals(ADMIN_ARN) ? PolicyJson.ADMIN : arn.equals(READ_ONLY_ARN) ? PolicyJson.READ_ONLY : null);
  }

  /** {@code awsDocuments}: an AWS-managed policy's document by ARN (null: unknown). */
  EstateItems(java.util.function.Function<String, ObjectNode> awsDocuments) {
    this.awsDocuments = awsDocuments;
  }

  ObjectNode user(String account, String name) {
    String arn = "arn:aws:iam::" + account + ":user/" + name;
    var d = Json.mapper().createObjectNode().put("arn", arn).put("userName", name).put("userId", "AIDA" + name)
        .put("path", "/").put("createDate", "2025-01-01T00:00:00Z");
    d.putArray("groups");
    d.putArray("attachedPolicies");
    d.putArray("inlinePolicies");
    d.put("passwordEnabled", false).put("mfaActive", true);
    items.add(new Item(Kind.USER, account, Item.GLOBAL, arn, name, d));
    return d;
  }

  ObjectNode group(String account, String name) {
    String arn = "arn:aws:iam::" + account + ":group/" + name;
    var d = Json.mapper().createObjectNode().put("arn", arn).put("groupName", name).put("groupId", "AGPA" + name)
        .put("path", "/").put("createDate", "2025-01-01T00:00:00Z");
    d.putArray("attachedPolicies");
    d.putArray("inlinePolicies");
    items.add(new Item(Kind.GROUP, account, Item.GLOBAL, arn, name, d));
    return d;
  }

  ObjectNode role(String account, String name, ObjectNode... trust) {
    return role(account, "/", name, trust);
  }

  ObjectNode role(String account, String path, String name, ObjectNode... trust) {
    String arn = "arn:aws:iam::" + account + ":role" + path + name;
    var d = Json.mapper().createObjectNode().put("arn", arn).put("roleName", name).put("roleId", "AROA" + name)
        .put("path", path).put("createDate", "2025-01-01T00:00:00Z");
    d.set("trustPolicy", PolicyJson.doc(trust));
    d.putArray("attachedPolicies");
    d.putArray("inlinePolicies");
    items.add(new Item(Kind.ROLE, account, Item.GLOBAL, arn, name, d));
    return d;
  }

  /** A customer-managed policy; returns its ARN. */
  String localPolicy(String account, String name, ObjectNode document) {
    String arn = "arn:aws:iam::" + account + ":policy/" + name;
    items.add(new Item(Kind.LOCAL_POLICY, account, Item.GLOBAL, arn, name, managed(arn, name, document)));
    return arn;
  }

  /** Attaches a managed policy; an AWS-managed one enters the account's inventory on its first attachment. */
  ObjectNode attach(ObjectNode principal, String arn) {
    String account = principal.get("arn").asText().split(":")[4];
    if (arn.contains(":iam::aws:policy/") && awsPolicies.add(account + arn)) {
      String name = arn.substring(arn.lastIndexOf('/') + 1);
      var doc = awsDocuments.apply(arn);
      items.add(new Item(Kind.AWS_POLICY, account, Item.GLOBAL, arn, name, managed(arn, name, doc)));
    }
    ((com.fasterxml.jackson.databind.node.ArrayNode) principal.get("attachedPolicies")).addObject()
        .put("policyName", arn.substring(arn.lastIndexOf('/') + 1)).put("policyArn", arn);
    return principal;
  }

  ObjectNode inline(ObjectNode principal, String name, ObjectNode document) {
    var p = ((com.fasterxml.jackson.databind.node.ArrayNode) principal.get("inlinePolicies")).addObject();
    p.put("policyName", name).set("document", document);
    return principal;
  }

  ObjectNode member(ObjectNode user, String group) {
    ((com.fasterxml.jackson.databind.node.ArrayNode) user.get("groups")).add(group);
    return user;
  }

  ObjectNode boundary(ObjectNode principal, String arn) {
    return principal.put("permissionsBoundary", arn);
  }

  ObjectNode instanceProfile(ObjectNode role) {
    String arn = role.get("arn").asText().replaceFirst(":role/.*", ":instance-profile/" + role.get("roleName").asText());
    role.putArray("instanceProfiles").add(arn);
    return role;
  }

  void instance(String account, String region, String id, String profileArn, String state) {
    var d = Json.mapper().createObjectNode().put("instanceId", id).put("instanceType", "t3.micro").put("state", state)
        .put("iamInstanceProfile", profileArn);
    items.add(new Item(Kind.INSTANCE, account, region, id, id, d));
  }

  void idcInstance(String owner, String region, String instanceArn, String storeId) {
    var d = Json.mapper().createObjectNode().put("instanceArn", instanceArn).put("identityStoreId", storeId)
        .put("ownerAccountId", owner).put("region", region);
    items.add(new Item(Kind.IDC_INSTANCE, owner, region, instanceArn, instanceArn, d));
  }

  void idcUser(String owner, String region, String storeId, String userId, String userName) {
    var d = Json.mapper().createObjectNode().put("identityStoreId", storeId).put("userId", userId)
        .put("userName", userName).put("displayName", userName);
    d.putArray("emails").add(userName + "@example.com");
    items.add(new Item(Kind.IDC_USER, owner, region, storeId + "/" + userId, userName, d));
  }

  void idcGroup(String owner, String region, String storeId, String groupId, String name, String... members) {
    var d = Json.mapper().createObjectNode().put("identityStoreId", storeId).put("groupId", groupId)
        .put("displayName", name);
    var m = d.putArray("members");
    for (String u : members) {
      m.add(u);
    }
    items.add(new Item(Kind.IDC_GROUP, owner, region, storeId + "/" + groupId, name, d));
  }

  ObjectNode permissionSet(String owner, String region, String instanceArn, String arn, String name,
      List<String> awsManaged, List<String> provisioned) {
    var d = Json.mapper().createObjectNode().put("instanceArn", instanceArn).put("permissionSetArn", arn)
        .put("name", name).put("description", name).put("sessionDuration", "PT1H");
    var a = d.putArray("awsManagedPolicies");
    awsManaged.forEach(a::add);
    d.putArray("customerManagedPolicies");
    d.putNull("inlinePolicy");
    d.putNull("permissionsBoundary");
    var p = d.putArray("provisionedAccounts");
    provisioned.forEach(p::add);
    items.add(new Item(Kind.PERMISSION_SET, owner, region, arn, name, d));
    return d;
  }

  void assignment(String owner, String region, String instanceArn, String setArn, String account, String type,
      String principalId) {
    var d = Json.mapper().createObjectNode().put("instanceArn", instanceArn).put("permissionSetArn", setArn)
        .put("accountId", account).put("principalType", type).put("principalId", principalId);
    String id = setArn + "|" + account + "|" + type + "|" + principalId;
    items.add(new Item(Kind.ACCOUNT_ASSIGNMENT, owner, region, id, id, d));
  }

  void scp(String management, String policyId, String name, ObjectNode document, String... appliesTo) {
    var d = Json.mapper().createObjectNode().put("policyId", policyId)
        .put("arn", "arn:aws:organizations::" + management + ":policy/o-example/service_control_policy/" + policyId)
        .put("name", name);
    d.set("document", document);
    var a = d.putArray("appliesTo");
    for (String x : appliesTo) {
      a.add(x);
    }
    items.add(new Item(Kind.SCP, management, Item.GLOBAL, policyId, name, d));
  }

  /** An SCP attached to {@code targets} (the root, OUs, accounts), as the collector stores it with appliesTo. */
  void scpAt(String management, String policyId, String name, ObjectNode document, java.util.List<String> targets,
      String... appliesTo) {
    scp(management, policyId, name, document, appliesTo);
    var d = items.getLast().data();
    var t = d.putArray("targets");
    targets.forEach(t::add);
  }

  /** The organization's tree: each account's path, root first. */
  void organization(String management, java.util.Map<String, java.util.List<String>> paths) {
    var d = Json.mapper().createObjectNode().put("managementAccountId", management);
    var p = d.putObject("paths");
    paths.forEach((account, path) -> {
      var a = p.putArray(account);
      path.forEach(a::add);
    });
    items.add(new Item(Kind.ORGANIZATION, management, Item.GLOBAL, management, null, d));
  }

  private static ObjectNode managed(String arn, String name, ObjectNode document) {
    var d = Json.mapper().createObjectNode().put("arn", arn).put("policyName", name).put("policyId", "ANPA" + name)
        .put("path", "/").put("attachmentCount", 1).put("defaultVersionId", "v1");
    if (document == null) {
      d.putNull("document");
    } else {
      d.set("document", document);
    }
    return d;
  }
}
