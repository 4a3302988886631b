package io.rolecall.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Identity Center in the graph: its users and groups, group memberships, and each account assignment as an
 * edge to the permission set's reserved role in the member account. The role is matched exactly: name
 * {@code AWSReservedSSO_<permission set name>_<16 hex>} under a path starting
 * {@code /aws-reserved/sso.amazonaws.com/}. When the member account's IAM was not collected (or holds no such
 * role), the role is made from the permission set's own policies and says so.
 */
final class IdentityCenterLinks {
  static final String RESERVED_PATH = "/aws-reserved/sso.amazonaws.com/";
  static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
  private static final java.util.regex.Pattern RESERVED = java.util.regex.Pattern.compile(
      "AWSReservedSSO_(.+)_[0-9a-f]{16}");

  /** A permission set that grants admin, assigned directly to an Identity Center user in these accounts. */
  record DirectAdmin(Node user, String permissionSet, String evidence, String ownerAccountId, List<String> accounts) {}

  private final Assembly a;
  private final Map<String, Map<String, Node>> usersByStore = new TreeMap<>();
  private final Map<String, Node> userById = new HashMap<>();
  private final Map<String, Node> groupById = new HashMap<>();
  private final Map<String, Node> reserved = new HashMap<>();
  private final Map<String, Node> derived = new HashMap<>();
  private final Map<String, String> adminSets = new HashMap<>();
  private final Map<String, DirectAdmin> direct = new LinkedHashMap<>();

  IdentityCenterLinks(Assembly a) {
    this.a = a;
  }

  /** Identity Center users by identity store id, then user name. */
  Map<String, Map<String, Node>> users() {
    return usersByStore;
  }

  List<DirectAdmin> findings() {
    return List.copyOf(direct.values());
  }

  void link() {
    for (var u : a.c.idcUsers) {
      Node n = a.add(new Node(NodeKind.IDC_USER, "idc:" + u.storeId() + "/" + u.userName(), u.userName(), u.accountId()));
      userById.put(u.storeId() + "/" + u.userId(), n);
      usersByStore.computeIfAbsent(u.storeId(), s -> new TreeMap<>()).put(u.userName(), n);
    }
    for (var g : a.c.idcGroups) {
      String id = "idc-group:" + g.storeId() + "/" + g.displayName();
      if (a.byId.containsKey(id)) {
        id = id + "#" + g.groupId(); // display names are unique in a store; this is for damaged data
      }
      Node n = a.add(new Node(NodeKind.IDC_GROUP, id, g.displayName(), g.accountId()));
      groupById.put(g.storeId() + "/" + g.groupId(), n);
      for (String member : g.members()) {
        Node user = userById.get(g.storeId() + "/" + member);
        if (user != null) {
          user.link(n, EdgeType.MEMBER_OF, "Identity Center group membership", List.of());
        }
      }
    }
    for (Node role : a.roles.keySet()) {
      var r = a.roles.get(role);
      var m = RESERVED.matcher(r.name());
      if (m.matches() && r.path() != null && r.path().startsWith(RESERVED_PATH)) {
        reserved.put(r.accountId() + "|" + m.group(1), role);
      }
    }
    for (var as : a.c.assignments) {
      var ps = a.c.permissionSets.get(as.permissionSetArn());
      Node principal = principal(as, ps);
      if (ps == null || principal == null) {
        continue;
      }
      Node role = role(ps, as.accountId());
      String who = as.principalType().equals("USER") ? "user" : "group";
      principal.link(role, EdgeType.ASSIGNED, "permission set " + ps.name() + " (" + ps.arn() + ") assigned to the "
          + who + " in " + as.accountId(), List.of());
      String admin = adminSet(ps);
      if (admin != null && who.equals("user")) {
        direct.computeIfAbsent(ps.arn() + "|" + principal.id, k -> new DirectAdmin(principal, ps.name() + " ("
            + ps.arn() + ")", admin, owner(ps), new ArrayList<>())).accounts().add(as.accountId());
      }
    }
  }

  private Node principal(Collected.Assignment as, Collected.PermissionSet ps) {
    String instance = as.instanceArn() != null ? as.instanceArn() : ps == null ? null : ps.instanceArn();
    var inst = instance == null ? null : a.c.idcInstances.get(instance);
    var index = as.principalType().equals("USER") ? userById : groupById;
    if (inst != null && inst.storeId() != null) {
      return index.get(inst.storeId() + "/" + as.principalId());
    }
    return index.entrySet().stream().filter(e -> e.getKey().endsWith("/" + as.principalId())).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  private String owner(Collected.PermissionSet ps) {
    var inst = ps.instanceArn() == null ? null : a.c.idcInstances.get(ps.instanceArn());
    return inst == null ? null : inst.ownerAccountId();
  }

  private Node role(Collected.PermissionSet ps, String accountId) {
    Node matched = reserved.get(accountId + "|" + ps.name());
    if (matched != null) {
      return matched;
    }
    return derived.computeIfAbsent(ps.arn() + "|" + accountId, k -> {
      var inst = ps.instanceArn() == null ? null : a.c.idcInstances.get(ps.instanceArn());
      String region = inst == null || inst.region() == null || inst.region().equals("us-east-1") ? "" : inst.region() + "/";
      String partition = a.partition(ps.arn());
      Node n = a.add(new Node(NodeKind.ROLE, "arn:" + partition + ":iam::" + accountId + ":role" + RESERVED_PATH + region
          + "AWSReservedSSO_" + ps.name() + "_*", "AWSReservedSSO_" + ps.name() + "_*", accountId));
      n.derived = true;
      var gaps = new ArrayList<String>();
      gaps.add(a.coverage.iam(accountId)
          ? "no reserved role of permission set " + ps.name() + " in " + accountId + "'s IAM: derived from the permission set"
          : "account " + accountId + "'s IAM not collected: role derived from permission set " + ps.name());
      n.permissions = a.resolver.permissionSet(ps, accountId, partition, gaps);
      n.gaps = Assembly.distinct(gaps);
      a.judgeAdmin(n);
      return n;
    });
  }

  /** Why a permission set grants admin on its own (AdministratorAccess, or its documents allow everything); or null. */
  private String adminSet(Collected.PermissionSet ps) {
    return adminSets.computeIfAbsent(ps.arn(), k -> {
      if (ps.awsManaged().contains(ADMINISTRATOR_ACCESS)) {
        return "holds " + ADMINISTRATOR_ACCESS;
      }
      // Its own parts only (no account's SCPs); AWS-managed documents from any account's copy.
      var p = a.resolver.permissionSet(ps, Resolver.NO_ACCOUNT, a.partition(ps.arn()), new ArrayList<>());
      var j = a.levels.admin(new Permissions(p.identity, p.boundary, null, p.vars, p.unknown));
      return j == null ? null : "its policies allow every action: " + j.grant();
    });
  }
}
