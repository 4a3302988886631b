package io.rolecall.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.inventory.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inventory items the graph is made from, read into small records as they stream in (the items themselves
 * are not kept). Fields are read defensively: AWS data is hostile, so a missing or mistyped field is absent, never
 * an exception. Policy documents are parsed here, once per distinct text.
 */
final class Collected {
  record User(String accountId, String arn, String name, List<String> groups, List<String> attached,
              List<Policy> inline, String boundary, Boolean mfaActive, Boolean passwordEnabled) {}

  record Group(String accountId, String arn, String name, List<String> attached, List<Policy> inline) {}

  /** {@code instanceProfiles} null when the inventory did not say. */
  record Role(String accountId, String arn, String name, String path, Document trust, List<String> attached,
              List<Policy> inline, String boundary, List<String> instanceProfiles) {}

  record Instance(String accountId, String region, String id, String profileArn, String state) {}

  record IdcInstance(String instanceArn, String storeId, String ownerAccountId, String region) {}

  record IdcUser(String accountId, String storeId, String userId, String userName) {}

  record IdcGroup(String accountId, String storeId, String groupId, String displayName, List<String> members) {}

  record CustomerRef(String name, String path) {
    String arn(String partition, String accountId) {
      String p = path == null || path.isEmpty() ? "/" : path;
      return "arn:" + partition + ":iam::" + accountId + ":policy" + p + name;
    }

    @Override
    public String toString() {
      return (path == null ? "/" : path) + name;
    }
  }

  /** Exactly one of the two is set. */
  record SetBoundary(String managedArn, CustomerRef customer) {}

  record PermissionSet(String instanceArn, String arn, String name, List<String> awsManaged,
                       List<CustomerRef> customer, Document inline, SetBoundary boundary) {}

  record Assignment(String instanceArn, String permissionSetArn, String accountId, String principalType,
                    String principalId) {}

  /** {@code targets}: the root, OUs and accounts it is attached to (empty when the inventory did not say). */
  record Scp(String managementAccountId, String arn, String name, Document document, List<String> appliesTo,
             List<String> targets) {}

  final Documents documents = new Documents();
  final List<User> users = new ArrayList<>();
  final Map<String, Map<String, Group>> groups = new HashMap<>(); // account -> name -> group
  final List<Role> roles = new ArrayList<>();
  final Map<String, Map<String, Document>> managed = new HashMap<>(); // account -> policy ARN -> document
  final Map<String, Document> awsManagedAnywhere = new HashMap<>();
  final List<Instance> instances = new ArrayList<>();
  final Map<String, IdcInstance> idcInstances = new LinkedHashMap<>();
  final List<IdcUser> idcUsers = new ArrayList<>();
  final List<IdcGroup> idcGroups = new ArrayList<>();
  final Map<String, PermissionSet> permissionSets = new LinkedHashMap<>();
  final List<Assignment> assignments = new ArrayList<>();
  final List<Scp> scps = new ArrayList<>();
  /** Each account's path in the organization, root first, the account last (from the organization item). */
  final Map<String, List<String>> orgPaths = new HashMap<>();

  void add(Item item) {
    JsonNode d = item.data();
    if (d == null || item.kind() == null || item.accountId() == null) {
      return;
    }
    String acct = documents.intern(item.accountId());
    switch (item.kind()) {
      case USER -> {
        String arn = text(d, "arn");
        String name = text(d, "userName");
        if (arn != null && name != null) {
          users.add(new User(acct, arn, name, strings(d.get("groups")), attachedArns(d), inline(arn, d),
              text(d, "permissionsBoundary"), bool(d, "mfaActive"), bool(d, "passwordEnabled")));
        }
      }
      case GROUP -> {
        String arn = text(d, "arn");
        String name = text(d, "groupName");
        if (arn != null && name != null) {
          groups.computeIfAbsent(acct, a -> new HashMap<>()).put(name, new Group(acct, arn, name, attachedArns(d),
              inline(arn, d)));
        }
      }
      case ROLE -> {
        String arn = text(d, "arn");
        String name = text(d, "roleName");
        if (arn != null && name != null) {
          roles.add(new Role(acct, arn, name, text(d, "path"), documents.parse(d.get("trustPolicy")),
              attachedArns(d), inline(arn, d), text(d, "permissionsBoundary"),
              d.has("instanceProfiles") ? strings(d.get("instanceProfiles")) : null));
        }
      }
      case LOCAL_POLICY, AWS_POLICY -> {
        String arn = text(d, "arn") != null ? text(d, "arn") : item.id();
        Document doc = documents.parse(d.get("document"));
        if (arn != null && doc != null) {
          managed.computeIfAbsent(acct, a -> new HashMap<>()).put(documents.intern(arn), doc);
          if (item.kind() == io.rolecall.inventory.Kind.AWS_POLICY) {
            awsManagedAnywhere.putIfAbsent(documents.intern(arn), doc);
          }
        }
      }
      case INSTANCE -> {
        String id = text(d, "instanceId") != null ? text(d, "instanceId") : item.id();
        if (id != null) {
          instances.add(new Instance(acct, item.region(), id, text(d, "iamInstanceProfile"), text(d, "state")));
        }
      }
      case IDC_INSTANCE -> {
        String arn = text(d, "instanceArn");
        if (arn != null) {
          idcInstances.put(arn, new IdcInstance(arn, text(d, "identityStoreId"),
              text(d, "ownerAccountId") != null ? text(d, "ownerAccountId") : acct,
              text(d, "region") != null ? text(d, "region") : item.region()));
        }
      }
      case IDC_USER -> {
        String store = text(d, "identityStoreId");
        String id = text(d, "userId");
        String name = text(d, "userName");
        if (store != null && id != null && name != null) {
          idcUsers.add(new IdcUser(acct, store, id, name));
        }
      }
      case IDC_GROUP -> {
        String store = text(d, "identityStoreId");
        String id = text(d, "groupId");
        if (store != null && id != null) {
          String display = text(d, "displayName") != null ? text(d, "displayName") : id;
          idcGroups.add(new IdcGroup(acct, store, id, display, strings(d.get("members"))));
        }
      }
      case PERMISSION_SET -> permissionSet(d);
      case ACCOUNT_ASSIGNMENT -> {
        String set = text(d, "permissionSetArn");
        String account = text(d, "accountId");
        String type = text(d, "principalType");
        String principal = text(d, "principalId");
        if (set != null && account != null && principal != null && ("USER".equals(type) || "GROUP".equals(type))) {
          assignments.add(new Assignment(text(d, "instanceArn"), set, documents.intern(account), type, principal));
        }
      }
      case SCP -> {
        Document doc = documents.parse(d.get("document"));
        if (doc != null) {
          String arn = text(d, "arn") != null ? text(d, "arn") : item.id();
          scps.add(new Scp(acct, arn, text(d, "name"), doc, strings(d.get("appliesTo")), strings(d.get("targets"))));
        }
      }
      case ORGANIZATION -> {
        var paths = d.get("paths");
        if (paths != null && paths.isObject()) {
          paths.properties().forEach(e -> orgPaths.put(documents.intern(e.getKey()), strings(e.getValue())));
        }
      }
      default -> { }
    }
  }

  private void permissionSet(JsonNode d) {
    String arn = text(d, "permissionSetArn");
    String name = text(d, "name");
    if (arn == null || name == null) {
      return;
    }
    var customer = new ArrayList<CustomerRef>();
    for (JsonNode c : array(d.get("customerManagedPolicies"))) {
      if (text(c, "name") != null) {
        customer.add(new CustomerRef(text(c, "name"), text(c, "path")));
      }
    }
    SetBoundary boundary = null;
    JsonNode b = d.get("permissionsBoundary");
    if (b != null && b.isObject()) {
      JsonNode ref = b.get("customerManagedPolicyReference");
      if (text(b, "managedPolicyArn") != null) {
        boundary = new SetBoundary(text(b, "managedPolicyArn"), null);
      } else if (ref != null && text(ref, "name") != null) {
        boundary = new SetBoundary(null, new CustomerRef(text(ref, "name"), text(ref, "path")));
      }
    }
    JsonNode inline = d.get("inlinePolicy");
    Document doc = inline != null && inline.isTextual() ? Document.UNREADABLE : documents.parse(inline);
    permissionSets.put(arn, new PermissionSet(text(d, "instanceArn"), arn, name, strings(d.get("awsManagedPolicies")),
        List.copyOf(customer), doc, boundary));
  }

  private List<String> attachedArns(JsonNode d) {
    var out = new ArrayList<String>();
    for (JsonNode p : array(d.get("attachedPolicies"))) {
      String arn = text(p, "policyArn");
      if (arn != null) {
        out.add(documents.intern(arn));
      }
    }
    return List.copyOf(out);
  }

  private List<Policy> inline(String owner, JsonNode d) {
    var out = new ArrayList<Policy>();
    for (JsonNode p : array(d.get("inlinePolicies"))) {
      Document doc = documents.parse(p.get("document"));
      String name = text(p, "policyName");
      out.add(new Policy(owner + " inline '" + (name == null ? "?" : name) + "'", doc == null ? Document.UNREADABLE : doc));
    }
    return List.copyOf(out);
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static Boolean bool(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isBoolean() ? v.asBoolean() : null;
  }

  private static Iterable<JsonNode> array(JsonNode node) {
    return node != null && node.isArray() ? node : List.of();
  }

  private List<String> strings(JsonNode node) {
    return Documents.values(node).stream().map(documents::intern).toList();
  }
}
