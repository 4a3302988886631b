package io.rolecall.access;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a principal's references (attached ARNs, group names, boundary, permission-set parts) into its
 * {@link Permissions}. Managed policies are resolved in the principal's own account: an AWS-managed policy is in
 * an account's inventory only while attached there. A document that is not there is named as unknown, never
 * guessed, except that a role made from a permission set takes an AWS-managed document from another account's
 * copy when its own account's inventory lacks it (AWS-managed documents are the same in every account).
 */
final class Resolver {
  static final String ROOT_LABEL = "the account root user (all actions)";
  /** An account id no inventory holds: a permission set judged on its own parts. */
  static final String NO_ACCOUNT = "000000000000";

  private final Collected c;
  private final Coverage coverage;
  private final Map<String, Map<String, Policy>> managed = new HashMap<>(); // account -> ARN -> policy
  private final Map<String, Policy> borrowed = new HashMap<>();
  private final Map<String, GroupPolicies> groupPolicies = new HashMap<>();
  private final Map<String, List<List<Policy>>> scps = new HashMap<>();
  private final Set<String> managementAccounts = new HashSet<>();
  private final Policy everything;

  Resolver(Collected c, Coverage coverage) {
    this.c = c;
    this.coverage = coverage;
    var f = JsonNodeFactory.instance;
    var all = f.objectNode().put("Version", "2012-10-17");
    all.putArray("Statement").addObject().put("Effect", "Allow").put("Action", "*").put("Resource", "*");
    this.everything = new Policy(ROOT_LABEL, c.documents.parse(all));
    for (var scp : c.scps) {
      managementAccounts.add(scp.managementAccountId());
    }
    if (coverage.scps()) {
      var flat = new HashMap<String, List<Policy>>();
      var byTarget = new HashMap<String, List<Policy>>();
      for (var scp : c.scps) {
        var p = new Policy("SCP " + scp.arn() + (scp.name() == null ? "" : " (" + scp.name() + ")"), scp.document());
        for (String a : scp.appliesTo()) {
          flat.computeIfAbsent(a, k -> new ArrayList<>()).add(p);
        }
        for (String t : scp.targets()) {
          byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(p);
        }
      }
      flat.forEach((account, policies) -> {
        var path = c.orgPaths.get(account);
        if (path == null || path.isEmpty() || byTarget.isEmpty()) {
          // Where the levels are not known: the account's SCPs as one level.
          scps.put(account, List.of(List.copyOf(policies)));
        } else {
          var levels = new ArrayList<List<Policy>>();
          for (String level : path) {
            levels.add(List.copyOf(byTarget.getOrDefault(level, List.of())));
          }
          scps.put(account, List.copyOf(levels));
        }
      });
    }
  }

  /** A policy that allows everything: the root user's identity, and what an escalation would attach. */
  Policy everything() {
    return everything;
  }

  Permissions user(Collected.User u, List<String> gaps) {
    var identity = new ArrayList<Policy>();
    attached(u.accountId(), u.attached(), identity, gaps);
    identity.addAll(readable(u.inline(), gaps));
    var byName = c.groups.getOrDefault(u.accountId(), Map.of());
    for (String g : u.groups()) {
      var group = byName.get(g);
      if (group != null) {
        identity.addAll(group(group, gaps));
      }
    }
    return new Permissions(List.copyOf(identity), boundary(u.accountId(), u.boundary(), gaps),
        scpsOf(u.accountId()), Map.of(Wildcard.USERNAME, u.name()), gaps);
  }

  private record GroupPolicies(List<Policy> policies, List<String> gaps) {}

  /** A group's policies as its members receive them: each labelled with the group it comes through. */
  List<Policy> group(Collected.Group g, List<String> gaps) {
    var cached = groupPolicies.computeIfAbsent(g.arn(), k -> {
      var out = new ArrayList<Policy>();
      var missing = new ArrayList<String>();
      for (String arn : g.attached()) {
        Policy p = managed(g.accountId(), arn, false);
        if (p == null) {
          missing.add(arn + ": policy document unknown (attached to " + g.arn() + ")");
        } else {
          out.add(new Policy(arn + " (attached to " + g.arn() + ")", p.document()));
        }
      }
      out.addAll(g.inline());
      readable(out, missing);
      return new GroupPolicies(List.copyOf(out), List.copyOf(missing));
    });
    gaps.addAll(cached.gaps());
    return cached.policies();
  }

  Permissions role(Collected.Role r, List<String> gaps) {
    var identity = new ArrayList<Policy>();
    attached(r.accountId(), r.attached(), identity, gaps);
    identity.addAll(readable(r.inline(), gaps));
    return new Permissions(List.copyOf(identity), boundary(r.accountId(), r.boundary(), gaps), scpsOf(r.accountId()),
        Map.of(), gaps);
  }

  Permissions root(String accountId) {
    return new Permissions(List.of(everything), null, scpsOf(accountId), Map.of(), List.of());
  }

  /**
   * The reserved role of a permission set in an account, made from the set's own parts: AWS-managed policies,
   * customer-managed references (resolved in the member account), the inline policy and the boundary.
   */
  Permissions permissionSet(Collected.PermissionSet ps, String accountId, String partition, List<String> gaps) {
    String label = "permission set " + ps.name() + " (" + ps.arn() + ")";
    var identity = new ArrayList<Policy>();
    for (String arn : ps.awsManaged()) {
      Policy p = managed(accountId, arn, true);
      if (p == null) {
        gaps.add(arn + ": policy document unknown (in " + label + ")");
      } else {
        identity.add(new Policy(arn + " (in " + label + ")", p.document()));
      }
    }
    for (var ref : ps.customer()) {
      String arn = ref.arn(partition, accountId);
      Policy p = managed(accountId, arn, false);
      if (p == null) {
        gaps.add(arn + ": customer-managed policy document unknown (in " + label + ")");
      } else {
        identity.add(new Policy(arn + " (in " + label + ")", p.document()));
      }
    }
    if (ps.inline() != null) {
      identity.addAll(readable(List.of(new Policy(label + " inline policy", ps.inline())), gaps));
    }
    List<Policy> boundary = null;
    if (ps.boundary() != null) {
      String arn = ps.boundary().managedArn() != null ? ps.boundary().managedArn()
          : ps.boundary().customer().arn(partition, accountId);
      boundary = boundary(accountId, arn, gaps, ps.boundary().managedArn() != null);
    }
    return new Permissions(List.copyOf(identity), boundary, scpsOf(accountId), Map.of(), gaps);
  }

  private List<Policy> boundary(String accountId, String arn, List<String> gaps) {
    return boundary(accountId, arn, gaps, false);
  }

  private List<Policy> boundary(String accountId, String arn, List<String> gaps, boolean borrow) {
    if (arn == null) {
      return null;
    }
    Policy p = managed(accountId, arn, borrow);
    if (p == null || !p.document().readable()) {
      gaps.add(arn + ": permissions boundary document unknown, not applied");
      return null;
    }
    return List.of(new Policy(arn + " (permissions boundary)", p.document()));
  }

  /**
   * The SCPs that apply to an account, level by level, when SCPs were read; null otherwise (and for the management
   * account, which SCPs never restrict).
   */
  List<List<Policy>> scpsOf(String accountId) {
    if (!coverage.scps() || managementAccounts.contains(accountId)) {
      return null;
    }
    return scps.get(accountId);
  }

  private void attached(String accountId, List<String> arns, List<Policy> into, List<String> gaps) {
    for (String arn : arns) {
      Policy p = managed(accountId, arn, false);
      if (p == null) {
        gaps.add(arn + ": policy document unknown");
      } else if (!p.document().readable()) {
        gaps.add(arn + ": policy document unreadable");
      } else {
        into.add(p);
      }
    }
  }

  private List<Policy> readable(List<Policy> policies, List<String> gaps) {
    for (Policy p : policies) {
      if (!p.document().readable()) {
        gaps.add(p.label() + ": policy document unreadable");
      }
    }
    return policies;
  }

  /** {@code borrow}: when the account's inventory lacks an AWS-managed policy, take another account's copy. */
  private Policy managed(String accountId, String arn, boolean borrow) {
    var here = managed.computeIfAbsent(accountId, k -> new HashMap<>());
    Policy p = here.get(arn);
    if (p == null && !here.containsKey(arn)) {
      Document d = c.managed.getOrDefault(accountId, Map.of()).get(arn);
      p = d == null ? null : new Policy(arn, d);
      here.put(arn, p);
    }
    if (p == null && borrow && arn.contains(":iam::aws:policy/") && c.awsManagedAnywhere.containsKey(arn)) {
      p = borrowed.computeIfAbsent(arn, a -> new Policy(a, c.awsManagedAnywhere.get(a)));
    }
    return p;
  }
}
