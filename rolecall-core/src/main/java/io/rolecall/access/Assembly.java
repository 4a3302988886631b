package io.rolecall.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One graph build: principals and groups from IAM, Identity Center's users, groups and reserved roles, trust
 * edges, then levels. Every principal's permissions are resolved once here and dropped at the end.
 */
final class Assembly {
  private static final Pattern PARTITION = Pattern.compile("arn:(aws[a-z-]*):.*");

  final Collected c;
  final Coverage coverage;
  final Resolver resolver;
  final Levels levels = new Levels();
  final List<Node> nodes = new ArrayList<>();
  final Map<String, Node> byId = new HashMap<>();
  /** IAM users, roles and root users by account (collected, and derived reserved roles). */
  final Map<String, List<Node>> actors = new HashMap<>();
  final Map<Node, Collected.Role> roles = new HashMap<>();
  final Map<Node, Collected.User> users = new HashMap<>();
  final Map<String, Node> groupsByArn = new HashMap<>();
  final Map<String, String> partitions = new HashMap<>();

  Assembly(Collected c, Coverage coverage) {
    this.c = c;
    this.coverage = coverage;
    this.resolver = new Resolver(c, coverage);
  }

  AccessGraph run() {
    iam();
    judgeAdmin();
    var idc = new IdentityCenterLinks(this);
    idc.link();
    new TrustEdges(this).link();
    new Escalations(this).find();
    for (Node n : nodes) {
      if (n.permissions != null && n.level == null) {
        var j = levels.writeOrRead(n.permissions);
        if (j != null) {
          n.level = j.level();
          n.levelGrant = j.grant();
          n.levelConditions = j.conditions();
        }
      }
    }
    nodes.forEach(n -> n.permissions = null);
    // Answers must not depend on the order items came in: walks follow edges in a fixed order.
    java.util.Comparator<Edge> out = (x, y) -> x.type() != y.type() ? x.type().compareTo(y.type())
        : x.to().id.compareTo(y.to().id);
    java.util.Comparator<Edge> in = (x, y) -> x.type() != y.type() ? x.type().compareTo(y.type())
        : x.from().id.compareTo(y.from().id);
    for (Node n : nodes) {
      n.out.sort(out);
      n.in.sort(in);
    }
    return new AccessGraph(nodes, byId, coverage, idc.users(), idc.findings());
  }

  private void iam() {
    for (var u : c.users) {
      partitions.putIfAbsent(u.accountId(), partition(u.arn()));
    }
    for (var r : c.roles) {
      partitions.putIfAbsent(r.accountId(), partition(r.arn()));
    }
    for (String a : coverage.iamAccounts()) {
      Node root = add(new Node(NodeKind.ROOT, "arn:" + partition(a) + ":iam::" + a + ":root", a, a));
      root.permissions = resolver.root(a);
    }
    for (var byName : c.groups.values()) {
      for (var g : byName.values()) {
        groupsByArn.put(g.arn(), add(new Node(NodeKind.IAM_GROUP, g.arn(), g.name(), g.accountId())));
      }
    }
    for (var u : c.users) {
      var gaps = new ArrayList<String>();
      Node n = add(new Node(NodeKind.IAM_USER, u.arn(), u.name(), u.accountId()));
      n.permissions = resolver.user(u, gaps);
      n.gaps = distinct(gaps);
      n.mfaActive = u.mfaActive();
      n.passwordEnabled = u.passwordEnabled();
      users.put(n, u);
      var byName = c.groups.getOrDefault(u.accountId(), Map.of());
      for (String g : u.groups()) {
        if (byName.containsKey(g)) {
          n.link(groupsByArn.get(byName.get(g).arn()), EdgeType.MEMBER_OF, "IAM group membership", List.of());
        }
      }
    }
    for (var r : c.roles) {
      var gaps = new ArrayList<String>();
      Node n = add(new Node(NodeKind.ROLE, r.arn(), r.name(), r.accountId()));
      n.permissions = resolver.role(r, gaps);
      n.gaps = distinct(gaps);
      roles.put(n, r);
    }
  }

  private void judgeAdmin() {
    for (Node n : nodes) {
      judgeAdmin(n);
    }
  }

  void judgeAdmin(Node n) {
    if (n.permissions == null) {
      return;
    }
    var j = levels.admin(n.permissions);
    if (j != null) {
      n.level = Level.ADMIN;
      n.levelGrant = j.grant();
      n.levelConditions = j.conditions();
    }
  }

  /** Adds a node, or returns the one already there with that id (ids are unique across kinds). */
  Node add(Node n) {
    Node old = byId.putIfAbsent(n.id, n);
    if (old != null) {
      return old;
    }
    nodes.add(n);
    if (n.kind == NodeKind.IAM_USER || n.kind == NodeKind.ROLE || n.kind == NodeKind.ROOT) {
      actors.computeIfAbsent(n.accountId, a -> new ArrayList<>()).add(n);
    }
    return n;
  }

  String partition(String arnOrAccount) {
    var m = PARTITION.matcher(arnOrAccount);
    if (m.matches()) {
      return m.group(1);
    }
    return partitions.getOrDefault(arnOrAccount, "aws");
  }

  static List<String> distinct(List<String> gaps) {
    return gaps.isEmpty() ? List.of() : List.copyOf(new LinkedHashSet<>(gaps));
  }
}
