package io.rolecall.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, for every IAM user and role that is not admin, the one-step escalations of {@link Technique} in its own
 * account, and marks it escalate when there is one. "Makes it admin" is checked, not assumed: a self-attached
 * policy helps only if the principal's boundary and SCPs would let an all-allowing policy through, and the
 * targets of the other techniques (users, roles, instance profiles) must be admin already. Reserved roles made
 * from a permission set are skipped: their account's IAM, and so their targets, are not known.
 */
final class Escalations {
  private static final Map<Technique, String[]> SERVICES = Map.of(
      Technique.PASS_ROLE_EC2, new String[] {"ec2.amazonaws.com", "ec2:runinstances"},
      Technique.PASS_ROLE_LAMBDA, new String[] {"lambda.amazonaws.com", "lambda:createfunction", "lambda:invokefunction"},
      Technique.PASS_ROLE_CLOUDFORMATION, new String[] {"cloudformation.amazonaws.com", "cloudformation:createstack"},
      Technique.PASS_ROLE_GLUE, new String[] {"glue.amazonaws.com", "glue:createdevendpoint"},
      Technique.PASS_ROLE_CODEBUILD, new String[] {"codebuild.amazonaws.com", "codebuild:createproject",
          "codebuild:startbuild"});

  private final Assembly a;
  private final Map<Node, Boolean> caps = new HashMap<>();
  private final Map<String, List<Node>> profiles = new HashMap<>();
  private final Map<String, List<Collected.Instance>> instances = new HashMap<>();

  Escalations(Assembly a) {
    this.a = a;
  }

  void find() {
    for (var e : a.roles.entrySet()) {
      var ip = e.getValue().instanceProfiles();
      if (ip != null) {
        ip.forEach(arn -> profiles.computeIfAbsent(arn, k -> new ArrayList<>()).add(e.getKey()));
      }
    }
    for (var i : a.c.instances) {
      if ("running".equals(i.state()) && i.profileArn() != null) {
        instances.computeIfAbsent(i.accountId(), k -> new ArrayList<>()).add(i);
      }
    }
    for (var account : a.actors.entrySet()) {
      var here = account.getValue();
      for (Node p : here) {
        if (p.level == null && p.permissions != null && !p.derived && p.kind != NodeKind.ROOT) {
          var found = find(p, account.getKey(), here);
          // The first one explains the level: pick it by technique and target, not by the order items came in.
          found.sort(java.util.Comparator.comparing(Escalation::technique).thenComparing(Escalation::target));
          if (!found.isEmpty()) {
            p.level = Level.ESCALATE;
            p.escalations = List.copyOf(found);
            p.levelGrant = found.getFirst().explain();
            p.levelConditions = found.getFirst().conditions();
          }
        }
      }
    }
  }

  private List<Escalation> find(Node p, String accountId, List<Node> here) {
    var out = new ArrayList<Escalation>();
    Permissions perms = p.permissions;
    if (perms.mayAllow("iam")) {
      selfPolicies(p, out);
      adminTargets(p, here, out);
      if (p.kind == NodeKind.IAM_USER) {
        groups(p, accountId, out);
      }
      passRole(p, here, out);
    }
    if (perms.mayAllow("ssm")) {
      ssm(p, accountId, out);
    }
    return out;
  }

  /** Policies of itself, its groups and the roles it can assume in its account: attach, put, new version. */
  private void selfPolicies(Node p, List<Escalation> out) {
    if (p.kind == NodeKind.IAM_USER && cap(p)) {
      check(p, Technique.ATTACH_USER_POLICY, "iam:attachuserpolicy", p.id, out);
      check(p, Technique.PUT_USER_POLICY, "iam:putuserpolicy", p.id, out);
      localPolicies(p, a.users.get(p).attached(), out);
      for (Edge e : p.out) {
        if (e.type() == EdgeType.MEMBER_OF && e.to().kind == NodeKind.IAM_GROUP) {
          check(p, Technique.ATTACH_GROUP_POLICY, "iam:attachgrouppolicy", e.to().id, out);
          check(p, Technique.PUT_GROUP_POLICY, "iam:putgrouppolicy", e.to().id, out);
          localPolicies(p, groupAttached(e.to()), out);
        }
      }
    }
    var roles = new ArrayList<Node>();
    if (p.kind == NodeKind.ROLE) {
      roles.add(p);
    }
    for (Edge e : p.out) {
      if (e.type() == EdgeType.CAN_ASSUME && e.to().accountId.equals(p.accountId) && a.roles.containsKey(e.to())) {
        roles.add(e.to());
      }
    }
    for (Node r : roles) {
      if (cap(r)) {
        check(p, Technique.ATTACH_ROLE_POLICY, "iam:attachrolepolicy", r.id, out);
        check(p, Technique.PUT_ROLE_POLICY, "iam:putrolepolicy", r.id, out);
        localPolicies(p, a.roles.get(r).attached(), out);
      }
    }
  }

  private void localPolicies(Node p, List<String> arns, List<Escalation> out) {
    for (String arn : arns) {
      if (!arn.contains(":iam::aws:policy/")) {
        check(p, Technique.CREATE_POLICY_VERSION, "iam:createpolicyversion", arn, out);
        check(p, Technique.SET_DEFAULT_POLICY_VERSION, "iam:setdefaultpolicyversion", arn, out);
      }
    }
  }

  /** Admin users and roles of the account it can take over. */
  private void adminTargets(Node p, List<Node> here, List<Escalation> out) {
    for (Node t : here) {
      if (t == p || t.level != Level.ADMIN || t.derived) {
        continue;
      }
      if (t.kind == NodeKind.ROLE) {
        check(p, Technique.UPDATE_ASSUME_ROLE_POLICY, "iam:updateassumerolepolicy", t.id, out);
      } else if (t.kind == NodeKind.IAM_USER) {
        check(p, Technique.CREATE_ACCESS_KEY, "iam:createaccesskey", t.id, out);
        if (!Boolean.TRUE.equals(t.passwordEnabled)) {
          check(p, Technique.CREATE_LOGIN_PROFILE, "iam:createloginprofile", t.id, out);
        }
        if (!Boolean.FALSE.equals(t.passwordEnabled)) {
          check(p, Technique.UPDATE_LOGIN_PROFILE, "iam:updateloginprofile", t.id, out);
        }
      }
    }
  }

  /** Into a group whose policies would make it admin. */
  private void groups(Node p, String accountId, List<Escalation> out) {
    var mine = new java.util.HashSet<Node>();
    p.out.stream().filter(e -> e.type() == EdgeType.MEMBER_OF).forEach(e -> mine.add(e.to()));
    for (var g : a.c.groups.getOrDefault(accountId, Map.of()).values()) {
      Node gn = a.groupsByArn.get(g.arn());
      Decision add = mine.contains(gn) ? Decision.NO : p.permissions.decide("iam:addusertogroup", Target.of(g.arn()));
      if (!add.allowed()) {
        continue;
      }
      var more = new ArrayList<>(p.permissions.identity);
      more.addAll(a.resolver.group(g, new ArrayList<>()));
      if (a.levels.admin(p.permissions.withIdentity(more)) != null) {
        out.add(new Escalation(Technique.ADD_USER_TO_GROUP, g.arn(), add.grant(), add.conditions()));
      }
    }
  }

  private void passRole(Node p, List<Node> here, List<Escalation> out) {
    for (var t : SERVICES.entrySet()) {
      String[] s = t.getValue();
      if (!p.permissions.mayAllow(s[1].substring(0, s[1].indexOf(':')))) {
        continue;
      }
      for (Node r : here) {
        var rec = a.roles.get(r);
        if (rec == null || r == p || r.level != Level.ADMIN || Trust.admitsService(rec.trust(), s[0]) == null) {
          continue;
        }
        if (t.getKey() == Technique.PASS_ROLE_EC2 && rec.instanceProfiles() != null && rec.instanceProfiles().isEmpty()) {
          continue; // RunInstances passes an instance profile, and this role is in none
        }
        Decision pass = p.permissions.decide("iam:passrole", Target.of(r.id));
        if (!pass.allowed()) {
          continue;
        }
        var grants = new StringBuilder("iam:PassRole: ").append(pass.grant());
        List<String> conditions = pass.conditions();
        boolean all = true;
        for (int i = 1; i < s.length && all; i++) {
          Decision d = p.permissions.decide(s[i], Target.SOME);
          all = d.allowed();
          grants.append("; ").append(s[i]).append(": ").append(d.grant());
          conditions = Permissions.merge(conditions, d.conditions());
        }
        if (all) {
          out.add(new Escalation(t.getKey(), r.id, grants.toString(), conditions));
        }
      }
    }
  }

  private void ssm(Node p, String accountId, List<Escalation> out) {
    for (var i : instances.getOrDefault(accountId, List.of())) {
      boolean admin = profiles.getOrDefault(i.profileArn(), List.of()).stream().anyMatch(r -> r.level == Level.ADMIN);
      if (admin) {
        String arn = "arn:" + a.partition(p.id) + ":ec2:" + i.region() + ":" + accountId + ":instance/" + i.id();
        check(p, Technique.SSM_SEND_COMMAND, "ssm:sendcommand", arn, out);
      }
    }
  }

  private void check(Node p, Technique t, String action, String target, List<Escalation> out) {
    Decision d = p.permissions.decide(action, Target.of(target));
    if (d.allowed()) {
      out.add(new Escalation(t, target, d.grant(), d.conditions()));
    }
  }

  /** Whether an all-allowing policy would make this principal admin (its boundary and SCPs let it). */
  private boolean cap(Node n) {
    return caps.computeIfAbsent(n, k -> a.levels.capAdmitsAdmin(k.permissions, a.resolver.everything()));
  }

  private List<String> groupAttached(Node group) {
    var g = a.c.groups.getOrDefault(group.accountId, Map.of()).get(group.name);
    return g == null ? List.of() : g.attached();
  }
}
