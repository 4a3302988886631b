package io.rolecall.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a principal may do in its account: its identity policies (attached, inline, its groups', or a permission
 * set's parts), capped by its permissions boundary when it has one and by the SCPs of its account when they were
 * read: at every level of the account's path in the organization (root, each OU, the account) some SCP attached
 * there must allow, as AWS evaluates them. Explicit Deny anywhere wins; a Deny under a condition does not remove the
 * grant but adds its keys.
 * {@code unknown} names the policies whose documents the inventory lacks (they grant nothing here).
 */
final class Permissions {
  final List<Policy> identity;
  final List<Policy> boundary;
  /** The SCPs attached at each level of the account's path; null when SCPs were not read or do not apply. */
  final List<List<Policy>> scps;
  private final List<Policy> allScps;
  final Map<String, String> vars;
  final List<String> unknown;

  Permissions(List<Policy> identity, List<Policy> boundary, List<List<Policy>> scps, Map<String, String> vars,
      List<String> unknown) {
    this.identity = identity;
    this.boundary = boundary;
    this.scps = scps;
    this.allScps = scps == null ? null : scps.stream().flatMap(List::stream).toList();
    this.vars = vars;
    this.unknown = unknown;
  }

  /** The same principal with different identity policies (what it would have after changing them). */
  Permissions withIdentity(List<Policy> other) {
    return new Permissions(other, boundary, scps, vars, unknown);
  }

  /** {@code action} {@link Wildcard#fold folded}: allowed by identity, boundary and SCPs, and not denied. */
  Decision decide(String action, Target target) {
    return target.some() ? somewhere(action) : evaluate(action, target, true, true);
  }

  /**
   * "Allowed on some resource" asked of concrete resources: one member of each resource pattern the Allow
   * statements (identity, boundary, SCPs) name for the action, and a resource no policy names (for NotResource).
   * Sound: a resource it finds is really allowed; it may miss one only where a Deny pattern covers every member
   * it tried.
   */
  private Decision somewhere(String action) {
    var witnesses = new java.util.LinkedHashSet<String>();
    for (int i = 0; i < 3; i++) {
      List<Policy> set = i == 0 ? identity : i == 1 ? boundary : allScps;
      if (set == null) {
        continue;
      }
      for (Policy p : set) {
        for (Statement s : p.document().statements()) {
          if (s.allow() && s.matchesAction(action) && !s.notResource()) {
            for (Wildcard w : s.resources()) {
              String r = w.witness(vars);
              if (r != null && witnesses.size() < MAX_WITNESSES) {
                witnesses.add(r);
              }
            }
          }
        }
      }
    }
    witnesses.add(Target.EVERY.arn());
    Decision conditional = null;
    for (String r : witnesses) {
      Decision d = evaluate(action, Target.of(r), true, true);
      if (d.allowed()) {
        if (d.conditions().isEmpty()) {
          return d;
        }
        conditional = conditional == null ? d : conditional;
      }
    }
    return conditional == null ? Decision.NO : conditional;
  }

  private static final int MAX_WITNESSES = 32;

  /**
   * Allowed through a resource policy of the same account that names this principal: its identity policies need
   * not allow, but an explicit Deny and the SCPs still apply, and the boundary when {@code boundaryApplies}.
   */
  Decision viaResourcePolicy(String action, Target target, boolean boundaryApplies) {
    return evaluate(action, target, false, boundaryApplies);
  }

  /** Whether some identity Allow names an action of this service (a cheap filter before real questions). */
  boolean mayAllow(String service) {
    for (Policy p : identity) {
      for (Statement s : p.document().statements()) {
        if (s.allow() && s.mayName(service)) {
          return true;
        }
      }
    }
    return false;
  }

  private Decision evaluate(String action, Target target, boolean needIdentity, boolean needBoundary) {
    List<String> conditions = null;
    for (int i = 0; i < 3; i++) {
      List<Policy> set = i == 0 ? identity : i == 1 ? boundary : allScps;
      if (set == null) {
        continue;
      }
      for (int k = 0; k < set.size(); k++) {
        Policy p = set.get(k);
        var statements = p.document().statements();
        for (int j = 0; j < statements.size(); j++) {
          Statement s = statements.get(j);
          if (!s.allow() && s.matchesAction(action) && s.matchesResource(target.arn(), vars)) {
            if (!s.conditional()) {
              return new Decision(false, p, s, List.of());
            }
            conditions = merge(conditions, s.conditionKeys());
          }
        }
      }
    }
    Hit grant = best(identity, action, target);
    if (grant == null && needIdentity) {
      return Decision.NO;
    }
    if (boundary != null && needBoundary) {
      Hit cap = best(boundary, action, target);
      if (cap == null) {
        return Decision.NO;
      }
      conditions = merge(conditions, cap.statement.conditionKeys());
    }
    if (scps != null) {
      for (List<Policy> level : scps) {
        Hit scp = best(level, action, target);
        if (scp == null) {
          return Decision.NO;
        }
        conditions = merge(conditions, scp.statement.conditionKeys());
      }
    }
    if (grant == null) {
      return new Decision(true, null, null, conditions == null ? List.of() : conditions);
    }
    conditions = merge(conditions, grant.statement.conditionKeys());
    return new Decision(true, grant.policy, grant.statement, conditions == null ? List.of() : conditions);
  }

  private record Hit(Policy policy, Statement statement) {}

  /** The first unconditional Allow, else the first conditional one, else null. */
  private Hit best(List<Policy> policies, String action, Target target) {
    Hit conditional = null;
    for (int k = 0; k < policies.size(); k++) {
      Policy p = policies.get(k);
      var statements = p.document().statements();
      for (int j = 0; j < statements.size(); j++) {
        Statement s = statements.get(j);
        if (s.allow() && s.matchesAction(action) && s.matchesResource(target.arn(), vars)) {
          if (!s.conditional()) {
            return new Hit(p, s);
          }
          if (conditional == null) {
            conditional = new Hit(p, s);
          }
        }
      }
    }
    return conditional;
  }

  static List<String> merge(List<String> into, List<String> more) {
    if (more.isEmpty()) {
      return into;
    }
    if (into == null || into.isEmpty()) {
      return more;
    }
    var out = new ArrayList<String>(into);
    for (String k : more) {
      if (out.stream().noneMatch(k::equalsIgnoreCase)) {
        out.add(k);
      }
    }
    out.sort(String.CASE_INSENSITIVE_ORDER);
    return List.copyOf(out);
  }
}
