package io.rolecall.sandbox.policy;

import io.rolecall.sandbox.auth.Credential;
import io.rolecall.sandbox.auth.Principal;
import io.rolecall.sandbox.policy.PolicyDocument.Condition;
import io.rolecall.sandbox.policy.PolicyDocument.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * IAM policy evaluation for one kind of policy at a time: explicit Deny wins, then any Allow, else implicit deny.
 *
 * <p>Fail-closed rule: a condition the sandbox cannot evaluate (unknown operator, set operator, or a key it never
 * populates) is "unknown"; an unknown Allow statement does not allow, an unknown Deny statement denies. So an
 * unsupported condition can make a test fail loudly, never pass silently.
 */
public final class PolicyEvaluator {
  private PolicyEvaluator() {}

  public enum Outcome { ALLOW, IMPLICIT_DENY, EXPLICIT_DENY }

  private enum Tri { YES, NO, UNKNOWN }

  /** The request being evaluated; {@code keys} are condition keys in lower case. {@code resource} null = not checked. */
  public record Request(Principal principal, String action, String resource, Map<String, String> keys) {}

  /** Condition keys the sandbox populates; any other key evaluates as unknown. */
  static final Set<String> KNOWN_KEYS = Set.of("sts:externalid", "sts:rolesessionname", "aws:principalarn",
      "aws:principalaccount", "aws:principaltype", "aws:userid", "aws:username", "aws:multifactorauthpresent",
      "aws:securetransport", "aws:requestedregion");

  /** The global condition keys of a caller. {@code aws:MultiFactorAuthPresent} exists only for temporary credentials. */
  public static Map<String, String> keysOf(Credential caller) {
    var keys = new HashMap<String, String>();
    Principal p = caller.principal();
    keys.put("aws:principalarn", p.principalArn());
    keys.put("aws:principalaccount", p.accountId());
    keys.put("aws:principaltype", p.type());
    keys.put("aws:userid", p.userId());
    if (p instanceof Principal.User u) keys.put("aws:username", u.name());
    if (caller.temporary()) keys.put("aws:multifactorauthpresent", String.valueOf(caller.mfaAuthenticated()));
    keys.put("aws:securetransport", "false"); // the sandbox speaks plain HTTP
    return keys;
  }

  /** Evaluates identity policies: Principal elements are ignored, Resource is matched. */
  public static Outcome identity(Collection<PolicyDocument> policies, Request r) {
    return evaluate(policies, r, false);
  }

  /** Evaluates a role trust policy (a resource policy): Principal must match, Resource is not consulted. */
  public static Outcome trust(PolicyDocument policy, Request r) {
    return evaluate(List.of(policy), r, true);
  }

  private static Outcome evaluate(Collection<PolicyDocument> policies, Request r, boolean resourcePolicy) {
    boolean allowed = false;
    for (PolicyDocument doc : policies) {
      for (Statement s : doc.statements()) {
        Tri applies = applies(s, r, resourcePolicy);
        if (!s.allow() && applies != Tri.NO) return Outcome.EXPLICIT_DENY;
        if (s.allow() && applies == Tri.YES) allowed = true;
      }
    }
    return allowed ? Outcome.ALLOW : Outcome.IMPLICIT_DENY;
  }

  private static Tri applies(Statement s, Request r, boolean resourcePolicy) {
    if (resourcePolicy) {
      if (s.principal() == null) return Tri.NO;
      if (principalMatches(s.principal(), r.principal()) == s.notPrincipal()) return Tri.NO;
    }
    boolean actionHit = s.actions().stream().anyMatch(a -> Glob.matches(a, r.action(), true));
    if (actionHit == s.notAction()) return Tri.NO;
    if (!resourcePolicy && r.resource() != null) {
      boolean resourceHit = s.resources().stream().anyMatch(p -> Glob.matches(p, r.resource(), false));
      if (resourceHit == s.notResource()) return Tri.NO;
    }
    Tri result = Tri.YES;
    for (Condition c : s.conditions()) {
      Tri t = condition(c, r.keys());
      if (t == Tri.NO) return Tri.NO;
      if (t == Tri.UNKNOWN) result = Tri.UNKNOWN;
    }
    return result;
  }

  /**
   * AWS principals: "*", an account ("123456789012" or its root ARN: any principal of that account), a user ARN,
   * a role ARN (any session of the role), or an exact assumed-role session ARN. Service and federated principals
   * never match an IAM caller.
   */
  static boolean principalMatches(PolicyDocument.Principals spec, Principal p) {
    if (spec.anyone()) return true;
    for (String v : spec.byType().getOrDefault("AWS", List.of())) {
      if (v.equals("*") || v.equals(p.accountId()) || v.equals("arn:aws:iam::" + p.accountId() + ":root")
          || v.equals(p.arn()) || v.equals(p.principalArn())) {
        return true;
      }
    }
    return false;
  }

  private static Tri condition(Condition c, Map<String, String> keys) {
    String op = c.operator();
    if (op.contains(":")) return Tri.UNKNOWN; // ForAnyValue:/ForAllValues: set operators are not emulated
    String key = c.key().toLowerCase(Locale.ROOT);
    if (!KNOWN_KEYS.contains(key)) return Tri.UNKNOWN;
    String actual = keys.get(key);
    if (op.equals("Null")) {
      if (c.values().size() != 1) return Tri.UNKNOWN;
      return Boolean.parseBoolean(c.values().getFirst()) == (actual == null) ? Tri.YES : Tri.NO;
    }
    boolean ifExists = op.endsWith("IfExists");
    String base = ifExists ? op.substring(0, op.length() - "IfExists".length()) : op;
    boolean negated = base.contains("Not");
    String positive = base.replace("Not", "");
    if (!Set.of("StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike", "Bool").contains(positive)) {
      return Tri.UNKNOWN;
    }
    if (actual == null) return ifExists || negated ? Tri.YES : Tri.NO; // AWS: absent key fails positive operators
    boolean hit = c.values().stream().anyMatch(v -> switch (positive) {
      case "StringEquals" -> v.equals(actual);
      case "StringEqualsIgnoreCase", "Bool" -> v.equalsIgnoreCase(actual);
      default -> Glob.matches(v, actual, false); // StringLike, ArnLike, ArnEquals (ArnEquals takes wildcards too)
    });
    return hit != negated ? Tri.YES : Tri.NO;
  }
}
