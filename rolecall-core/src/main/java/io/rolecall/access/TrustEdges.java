package io.rolecall.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The can-assume edges. A principal may assume a role when the role's trust admits it <b>and</b>, unless the
 * trust names that principal's ARN in the same account, its own permissions allow {@code sts:AssumeRole} on the
 * role (across accounts both are always needed; a trust on {@code :root} or {@code "*"} admits only principals
 * their own policy allows). Root users assume nothing. Principals of accounts whose IAM was not collected become
 * {@code external-account} nodes, {@code "*"} the {@code external-any} node, and service principals
 * {@code service} nodes.
 *
 * <p>Candidates come from an index, not from every principal: those named by ARN, and for account and "*"
 * trusts only the principals whose own policy allows sts:AssumeRole on some role at all.
 */
final class TrustEdges {
  private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):.*");
  private static final String NOWHERE = "";

  private final Assembly a;
  private final Map<String, List<Node>> assumers = new HashMap<>();
  private final List<Node> everyAssumer = new ArrayList<>();

  TrustEdges(Assembly a) {
    this.a = a;
  }

  void link() {
    for (var entry : a.actors.entrySet()) {
      for (Node n : entry.getValue()) {
        if (n.kind != NodeKind.ROOT && !n.derived && n.permissions != null && n.permissions.mayAllow("sts")
            && n.permissions.decide(Trust.ASSUME, Target.SOME).allowed()) {
          assumers.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(n);
          everyAssumer.add(n);
        }
      }
    }
    for (var e : a.roles.entrySet()) {
      link(e.getKey(), e.getValue().trust());
    }
  }

  private void link(Node role, Document trust) {
    if (trust == null) {
      return;
    }
    Set<Node> candidates = new LinkedHashSet<>();
    Set<String> externals = new LinkedHashSet<>();
    Set<String> services = new LinkedHashSet<>();
    boolean anyone = false;
    for (Statement s : trust.statements()) {
      if (!s.allow() || !s.matchesAction(Trust.ASSUME)) {
        continue;
      }
      PrincipalSet ps = s.principals();
      if (ps.everyone() || ps.negated()) {
        anyone = true;
        candidates.addAll(everyAssumer);
      }
      if (ps.negated()) {
        continue;
      }
      for (String account : ps.accounts()) {
        if (a.coverage.iam(account)) {
          candidates.addAll(assumers.getOrDefault(account, List.of()));
        } else {
          externals.add("arn:" + a.partition(role.id) + ":iam::" + account + ":root");
        }
      }
      for (String arn : ps.arns()) {
        Node n = a.byId.get(arn);
        var m = ACCOUNT_IN_ARN.matcher(arn);
        if (n != null && (n.kind == NodeKind.IAM_USER || n.kind == NodeKind.ROLE)) {
          candidates.add(n);
        } else if (m.matches() && !a.coverage.iam(m.group(1))) {
          externals.add(arn);
        } // a principal of a collected account that does not exist: nobody
      }
      services.addAll(ps.services());
    }
    for (Node p : candidates) {
      if (p != role) {
        principal(p, role, trust);
      }
    }
    for (String arn : externals) {
      var m = ACCOUNT_IN_ARN.matcher(arn);
      String account = m.matches() ? m.group(1) : NOWHERE;
      var admission = Trust.admits(trust, account, arn);
      if (admission != null) {
        Node ext = a.add(new Node(NodeKind.EXTERNAL_ACCOUNT, arn, account, account));
        ext.link(role, EdgeType.CAN_ASSUME, trustText(role, admission) + " admits " + arn + " (account " + account
            + " not collected: its principals' own permissions are unknown)", admission.conditions());
      }
    }
    if (anyone) {
      var admission = Trust.admits(trust, NOWHERE, NOWHERE);
      if (admission != null) {
        Node any = a.add(new Node(NodeKind.EXTERNAL_ANY, "*", "*", null));
        any.link(role, EdgeType.CAN_ASSUME, trustText(role, admission) + " admits any AWS principal (\"*\")",
            admission.conditions());
      }
    }
    for (String svc : services) {
      var admission = Trust.admitsService(trust, svc);
      if (admission != null) {
        Node service = a.add(new Node(NodeKind.SERVICE, svc, svc, null));
        service.link(role, EdgeType.CAN_ASSUME, trustText(role, admission) + " admits service " + svc,
            admission.conditions());
      }
    }
  }

  private void principal(Node p, Node role, Document trust) {
    var admission = Trust.admits(trust, p.accountId, p.id);
    if (admission == null) {
      return;
    }
    Target target = Target.of(role.id);
    boolean sameAccount = p.accountId.equals(role.accountId);
    Decision d = admission.named() && sameAccount
        // IAM: a same-account resource policy naming a user is not capped by its boundary; naming a role, it is.
        ? p.permissions.viaResourcePolicy(Trust.ASSUME, target, p.kind == NodeKind.ROLE)
        : p.permissions.decide(Trust.ASSUME, target);
    if (!d.allowed()) {
      return;
    }
    p.add(Edge.assume(p, role, admission.statement(), d, Permissions.merge(admission.conditions(), d.conditions())));
  }

  private static String trustText(Node role, Trust.Admission admission) {
    return "trust policy of " + role.id + " statement " + admission.statement();
  }
}
