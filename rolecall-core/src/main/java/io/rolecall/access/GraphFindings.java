package io.rolecall.access;

import io.rolecall.inventory.Finding;
import io.rolecall.inventory.Finding.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roll call's findings that only the graph can see (SPEC §2.4): an external principal reaching admin, an
 * escalation to admin, broad Identity Center admin, long role chains to admin, IAM users without MFA reaching
 * admin, and admin permission sets assigned directly to users.
 */
public final class GraphFindings {
  private static final Set<String> MFA_KEYS = Set.of("aws:multifactorauthpresent", "aws:multifactorauthage");

  /**
   * {@code identityCenterAdminAccounts}: an Identity Center user or group reaching admin in at least this many
   * accounts is a finding; {@code roleChainHops}: so is a shortest way to admin through at least this many role
   * assumptions.
   */
  public record Thresholds(int identityCenterAdminAccounts, int roleChainHops) {
    public static final Thresholds DEFAULTS = new Thresholds(5, 3);

    public Thresholds {
      if (identityCenterAdminAccounts < 1 || roleChainHops < 1) {
        throw new IllegalArgumentException("thresholds must be at least 1");
      }
    }
  }

  private GraphFindings() {}

  /**
   * One walk backwards from each account's admins finds, for every node that reaches admin there, its shortest way:
   * the findings about reaching admin are read off those walks, not from a walk per principal.
   */
  public static List<Finding> of(AccessGraph graph, Thresholds t) {
    var out = new ArrayList<Finding>();
    var adminAccounts = new LinkedHashMap<Node, Set<String>>();
    var withoutMfa = new HashSet<Node>();
    graph.admins().forEach((account, admins) -> {
      Map<Node, Edge> next = AccessGraph.backwards(admins);
      for (Node n : next.keySet()) {
        if (n.kind == NodeKind.IDC_USER || n.kind == NodeKind.IDC_GROUP) {
          adminAccounts.computeIfAbsent(n, k -> new TreeSet<>()).add(account);
        }
        if (!n.kind.start) {
          continue;
        }
        var path = AccessGraph.forwardPath(n, next);
        Node end = path.isEmpty() ? n : path.getLast().to();
        var conditions = Permissions.merge(conditions(path), end.levelConditions);
        if (n.kind == NodeKind.EXTERNAL_ACCOUNT || n.kind == NodeKind.EXTERNAL_ANY) {
          external(graph, n, account, path, conditions, out);
        }
        long hops = path.stream().filter(e -> e.type() == EdgeType.CAN_ASSUME).count();
        if (hops >= t.roleChainHops()) {
          out.add(new Finding(account, n.id, Rule.ROLE_CHAIN_ADMIN, "its shortest way to admin assumes " + hops
              + " roles (threshold " + t.roleChainHops() + "): " + route(n, path)));
        }
        if (n.kind == NodeKind.IAM_USER && Boolean.FALSE.equals(n.mfaActive) && !withoutMfa.contains(n)
            && conditions.stream().noneMatch(c -> MFA_KEYS.contains(Wildcard.fold(c)))) {
          withoutMfa.add(n);
          out.add(new Finding(n.accountId, n.id, Rule.USER_WITHOUT_MFA_ADMIN, "no MFA device, and reaches admin in "
              + account + (path.isEmpty() ? " itself: " + n.levelGrant : ": " + route(n, path))));
        }
      }
    });
    var flaggedGroups = new HashSet<Node>();
    adminAccounts.forEach((n, accounts) -> {
      if (n.kind == NodeKind.IDC_GROUP && accounts.size() >= t.identityCenterAdminAccounts()) {
        flaggedGroups.add(n);
        out.add(broadAdmin(n, "Identity Center group (" + n.in.size() + " members)", accounts, t));
      }
    });
    adminAccounts.forEach((n, accounts) -> {
      if (n.kind == NodeKind.IDC_USER && accounts.size() >= t.identityCenterAdminAccounts()
          && n.out.stream().noneMatch(e -> flaggedGroups.contains(e.to()))) {
        out.add(broadAdmin(n, "Identity Center user", accounts, t));
      }
    });
    for (Node n : graph.nodes()) {
      if (!n.escalations.isEmpty()) {
        escalations(n, out);
      }
    }
    for (var d : graph.directAdmins()) {
      out.add(new Finding(d.ownerAccountId(), d.user().id, Rule.ADMIN_PERMISSION_SET_TO_USER, "permission set "
          + d.permissionSet() + " " + d.evidence() + " and is assigned to the user directly in "
          + String.join(", ", new TreeSet<>(d.accounts()))));
    }
    out.sort(java.util.Comparator.comparing((Finding f) -> f.rule().severity()).thenComparing(f -> f.rule().id())
        .thenComparing(Finding::principal).thenComparing(f -> String.valueOf(f.accountId())));
    return out;
  }

  private static void external(AccessGraph graph, Node n, String account, List<Edge> path, List<String> conditions,
      List<Finding> out) {
    if (n.kind == NodeKind.EXTERNAL_ACCOUNT && graph.coverage().notAssessed().containsKey(n.accountId)) {
      return; // an account of the estate that was not assessed: said in coverage, not an outsider
    }
    String guard = conditions.stream().anyMatch("sts:ExternalId"::equalsIgnoreCase)
        ? "only with the sts:ExternalId its trust requires" + others(conditions, "sts:ExternalId")
        : conditions.isEmpty() ? "with no condition" : "under conditions on " + String.join(", ", conditions);
    out.add(new Finding(account, n.id, Rule.EXTERNAL_PRINCIPAL_ADMIN, (n.kind == NodeKind.EXTERNAL_ANY
        ? "any AWS principal" : "external " + n.id) + " reaches admin " + guard + ": " + route(n, path)));
  }

  private static void escalations(Node n, List<Finding> out) {
    var seen = new HashSet<Technique>();
    for (Escalation e : n.escalations) {
      if (seen.add(e.technique())) {
        out.add(new Finding(n.accountId, n.id, Rule.ESCALATION_TO_ADMIN, "can make itself admin: " + e.explain()
            + (e.conditions().isEmpty() ? "" : " (conditions on " + String.join(", ", e.conditions()) + ")")));
      }
    }
  }

  private static Finding broadAdmin(Node n, String what, Set<String> accounts, Thresholds t) {
    return new Finding(n.accountId, n.id, Rule.IDENTITY_CENTER_BROAD_ADMIN, what + " reaches admin in "
        + accounts.size() + " accounts (threshold " + t.identityCenterAdminAccounts() + "): "
        + String.join(", ", accounts));
  }

  private static List<String> conditions(List<Edge> path) {
    List<String> c = List.of();
    for (Edge e : path) {
      c = Permissions.merge(c, e.conditions());
    }
    return c;
  }

  private static String others(List<String> conditions, String except) {
    var rest = conditions.stream().filter(c -> !c.equalsIgnoreCase(except)).toList();
    return rest.isEmpty() ? "" : " and conditions on " + String.join(", ", rest);
  }

  /** "a -> b -> c" with each hop's edge type. */
  static String route(Node start, List<Edge> path) {
    var sb = new StringBuilder(start.id);
    for (Edge e : path) {
      sb.append(" -[").append(e.type().id).append("]-> ").append(e.to().id);
    }
    return sb.toString();
  }
}
