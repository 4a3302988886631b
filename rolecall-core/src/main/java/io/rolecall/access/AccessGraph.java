package io.rolecall.access;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.inventory.Item;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can reach what, from the inventory, offline (SPEC §2.4, docs/access.md). Built once from items and a
 * {@link Coverage}; then immutable and safe to query from several threads. Levels are judged at build time, so a
 * query is a walk over edges: {@link #who} walks backwards from the account's principals, {@link #reach} and
 * {@link #path} forwards from the starting principal.
 */
public final class AccessGraph {
  static final int MAX_PATH_HOPS = 8;
  static final int MAX_PATHS = 20;
  private static final int PATH_BUDGET = 200_000;

  private final List<Node> nodes;
  private final Map<String, Node> byId;
  private final Map<String, List<Node>> actors = new HashMap<>();
  private final Set<String> accounts = new HashSet<>();
  private final Coverage coverage;
  private final Map<String, Map<String, Node>> idcUsers;
  private final List<IdentityCenterLinks.DirectAdmin> directAdmins;

  AccessGraph(List<Node> nodes, Map<String, Node> byId, Coverage coverage, Map<String, Map<String, Node>> idcUsers,
      List<IdentityCenterLinks.DirectAdmin> directAdmins) {
    this.nodes = java.util.Collections.unmodifiableList(nodes); // the build's own, never changed after it
    this.byId = java.util.Collections.unmodifiableMap(byId);
    this.coverage = coverage;
    this.idcUsers = idcUsers;
    this.directAdmins = directAdmins;
    for (Node n : nodes) {
      if (isActor(n)) {
        actors.computeIfAbsent(n.accountId, a -> new ArrayList<>()).add(n);
        accounts.add(n.accountId);
      }
    }
    accounts.addAll(coverage.iamAccounts());
    accounts.addAll(coverage.notAssessed().keySet());
  }

  public static GraphBuilder builder(Coverage coverage) {
    return new GraphBuilder(coverage);
  }

  public static AccessGraph of(Iterable<Item> items, Coverage coverage) {
    return builder(coverage).addAll(items).build();
  }

  public Coverage coverage() {
    return coverage;
  }

  /**
   * Every starting principal that reaches at least {@code min} in the account, at the highest level it reaches
   * there, with a shortest path to it. Throws a UsageException naming --account for an account the store does
   * not know.
   */
  public WhoAnswer who(String accountId, Level min) {
    if (!accounts.contains(accountId)) {
      throw new UsageException("--account: account " + Shown.quoted(accountId) + " is not in the store (no IAM data,"
          + " Identity Center assignment or coverage entry names it)");
    }
    var here = actors.getOrDefault(accountId, List.of());
    var entries = new ArrayList<Reach>();
    var done = new HashSet<Node>();
    var touched = new LinkedHashSet<Node>();
    for (Level level : Level.values()) {
      if (!level.atLeast(min)) {
        break;
      }
      var targets = here.stream().filter(n -> n.level == level).sorted(Comparator.comparing(n -> n.id)).toList();
      if (targets.isEmpty()) {
        continue;
      }
      Map<Node, Edge> next = backwards(targets);
      for (var e : next.entrySet()) {
        Node start = e.getKey();
        if (start.kind.start && done.add(start)) {
          var path = forwardPath(start, next);
          entries.add(reach(start, path, path.isEmpty() ? start : path.getLast().to()));
          touched.add(start);
          path.forEach(p -> touched.add(p.to()));
        }
      }
    }
    entries.sort(Comparator.comparing(Reach::level).thenComparing(Reach::principal));
    var accts = new LinkedHashSet<String>();
    accts.add(accountId);
    return new WhoAnswer(accountId, min, coverage(accts, touched), List.copyOf(entries));
  }

  /** Every user, role or root user the principal reaches (itself included) and its level there, with a shortest path. */
  public ReachAnswer reach(PrincipalRef ref) {
    Node start = resolve(ref);
    Map<Node, Edge> parents = forwards(start);
    var entries = new ArrayList<Reach>();
    for (Node n : parents.keySet()) {
      if (isActor(n) && n.level != null) {
        entries.add(reach(start, backPath(n, parents), n));
      }
    }
    entries.sort(Comparator.comparing(Reach::accountId).thenComparing(Reach::level)
        .thenComparing(r -> r.path().size()).thenComparing(Reach::target));
    return new ReachAnswer(start.id, start.kind.id, start.name, coverage(accountsOf(parents.keySet()), parents.keySet()),
        List.copyOf(entries));
  }

  /**
   * The ways from a principal to a role: simple paths of at most {@value #MAX_PATH_HOPS} hops, shortest first, at
   * most {@value #MAX_PATHS} ({@code truncated} when there were more or the search stopped early).
   */
  public PathAnswer path(PrincipalRef from, String toRoleArn) {
    Node start = resolve(from);
    Node end = byId.get(toRoleArn);
    if (end == null || !isActor(end)) {
      throw new UsageException("--to: no role " + Shown.quoted(toRoleArn) + " in the store");
    }
    var routes = new ArrayList<List<Edge>>();
    boolean truncated = new PathSearch(end, routes, MAX_PATHS * 5, MAX_PATH_HOPS, PATH_BUDGET).run(start);
    var parents = forwards(start);
    if (parents.containsKey(end) && start != end) {
      var shortest = backPath(end, parents); // kept even when the search stopped early
      if (!routes.contains(shortest)) {
        routes.add(shortest);
      }
    }
    routes.sort(Comparator.<List<Edge>>comparingInt(List::size).thenComparing(r -> r.toString()));
    if (routes.size() > MAX_PATHS) {
      routes.subList(MAX_PATHS, routes.size()).clear();
      truncated = true;
    }
    var touched = new LinkedHashSet<Node>();
    touched.add(start);
    touched.add(end);
    var out = new ArrayList<PathAnswer.Route>();
    for (var r : routes) {
      List<String> conditions = List.of();
      for (Edge e : r) {
        conditions = Permissions.merge(conditions, e.conditions());
        touched.add(e.to());
      }
      conditions = Permissions.merge(conditions, end.levelConditions);
      out.add(new PathAnswer.Route(conditions, r.stream().map(Hop::of).toList()));
    }
    return new PathAnswer(start.id, end.id, end.level, coverage(accountsOf(touched), touched), List.copyOf(out),
        truncated);
  }

  /**
   * Who can act as the principal: every starting principal (other than itself) with a path that ends at it, each with
   * a shortest such path and the level the principal holds (null when it holds none of its own). Empty for a
   * principal the graph does not hold.
   */
  public List<Reach> reachedBy(String principalId) {
    Node target = byId.get(principalId);
    if (target == null) {
      return List.of();
    }
    Map<Node, Edge> next = backwards(List.of(target));
    var out = new ArrayList<Reach>();
    for (Node start : next.keySet()) {
      if (start != target && start.kind.start) {
        List<Edge> path = forwardPath(start, next);
        List<String> conditions = List.of();
        for (Edge e : path) {
          conditions = Permissions.merge(conditions, e.conditions());
        }
        out.add(new Reach(start.id, start.kind.id, start.name, target.accountId, target.level, conditions,
            path.stream().map(Hop::of).toList(), target.id, target.levelGrant));
      }
    }
    out.sort(Comparator.comparing((Reach r) -> r.path().size()).thenComparing(Reach::principal));
    return List.copyOf(out);
  }

  Node resolve(PrincipalRef ref) {
    Node n = switch (ref.form()) {
      case ARN, SERVICE, ANYONE -> byId.get(ref.value());
      case IDC_USER -> idcUser(ref);
    };
    if (n == null || !(n.kind.start || n.kind == NodeKind.ROLE)) {
      throw new UsageException(ref.option() + ": no principal " + Shown.quoted(ref.toString()) + " in the store");
    }
    return n;
  }

  private Node idcUser(PrincipalRef ref) {
    if (ref.store() != null) {
      return idcUsers.getOrDefault(ref.store(), Map.of()).get(ref.value());
    }
    var hits = new ArrayList<Node>();
    for (var users : idcUsers.values()) {
      Node n = users.get(ref.value());
      if (n != null) {
        hits.add(n);
      }
    }
    if (hits.size() > 1) {
      throw new UsageException(ref.option() + ": several identity stores hold a user " + Shown.quoted(ref.value())
          + " (" + String.join(", ", idcUsers.keySet()) + "); write idc:STORE/USERNAME");
    }
    return hits.isEmpty() ? null : hits.getFirst();
  }

  private Reach reach(Node start, List<Edge> path, Node target) {
    List<String> conditions = List.of();
    for (Edge e : path) {
      conditions = Permissions.merge(conditions, e.conditions());
    }
    conditions = Permissions.merge(conditions, target.levelConditions);
    return new Reach(start.id, start.kind.id, start.name, target.accountId, target.level, conditions,
        path.stream().map(Hop::of).toList(), target.id, target.levelGrant);
  }

  private Map<String, Object> coverage(Set<String> accountsTouched, Set<Node> touched) {
    var gaps = new ArrayList<String>();
    for (Node n : touched) {
      gaps.addAll(n.gaps);
      if (isActor(n)) {
        accountsTouched.add(n.accountId);
      }
    }
    return coverage.json(accountsTouched, gaps);
  }

  private static Set<String> accountsOf(Set<Node> nodes) {
    var out = new LinkedHashSet<String>();
    for (Node n : nodes) {
      if (isActor(n)) {
        out.add(n.accountId);
      }
    }
    return out;
  }

  static boolean isActor(Node n) {
    return n.kind == NodeKind.IAM_USER || n.kind == NodeKind.ROLE || n.kind == NodeKind.ROOT;
  }

  /** Breadth-first against the edges from {@code targets}: each node reached maps to its next hop (null at a target). */
  static Map<Node, Edge> backwards(List<Node> targets) {
    var next = new LinkedHashMap<Node, Edge>();
    var queue = new ArrayDeque<Node>();
    for (Node t : targets) {
      next.put(t, null);
      queue.add(t);
    }
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      for (Edge e : n.in) {
        if (!next.containsKey(e.from())) {
          next.put(e.from(), e);
          queue.add(e.from());
        }
      }
    }
    return next;
  }

  /** Breadth-first from {@code start}: each node reached, in order of distance, maps to the edge into it. */
  static Map<Node, Edge> forwards(Node start) {
    var parent = new LinkedHashMap<Node, Edge>();
    var queue = new ArrayDeque<Node>();
    parent.put(start, null);
    queue.add(start);
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      for (Edge e : n.out) {
        if (!parent.containsKey(e.to())) {
          parent.put(e.to(), e);
          queue.add(e.to());
        }
      }
    }
    return parent;
  }

  static List<Edge> forwardPath(Node start, Map<Node, Edge> next) {
    var out = new ArrayList<Edge>();
    for (Edge e = next.get(start); e != null; e = next.get(e.to())) {
      out.add(e);
    }
    return out;
  }

  static List<Edge> backPath(Node end, Map<Node, Edge> parent) {
    var out = new ArrayList<Edge>();
    for (Edge e = parent.get(end); e != null; e = parent.get(e.from())) {
      out.addFirst(e);
    }
    return out;
  }

  List<Node> nodes() {
    return nodes;
  }

  /** The admin users, roles and root users of each account, accounts in order. */
  java.util.SortedMap<String, List<Node>> admins() {
    var out = new java.util.TreeMap<String, List<Node>>();
    actors.forEach((account, here) -> {
      var admins = here.stream().filter(n -> n.level == Level.ADMIN).sorted(Comparator.comparing(n -> n.id)).toList();
      if (!admins.isEmpty()) {
        out.put(account, admins);
      }
    });
    return out;
  }

  List<IdentityCenterLinks.DirectAdmin> directAdmins() {
    return directAdmins;
  }
}
