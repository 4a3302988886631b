package io.rolecall.sandbox.policy;

import io.rolecall.sandbox.World;
import io.rolecall.sandbox.auth.Credential;
import io.rolecall.sandbox.auth.Principal;
import java.util.Map;

/**
 * Identity-policy authorization for every service: {@code authorize(caller, "iam:UpdateAccountPasswordPolicy", "*")}.
 *
 * <p>Sandbox convenience (documented): a principal with no identity policy at all (inline or attached, user or
 * role) may do anything, so tests only write policies when a policy is what they test. The account root is never
 * restricted, as in AWS. Resource policies other than role trust are not emulated.
 */
public final class Authorizer {
  private final World world;

  public Authorizer(World world) {
    this.world = world;
  }

  public sealed interface Decision {
    record Allowed() implements Decision {}

    /** {@code message} is AWS's: "User: ARN is not authorized to perform: ACTION on resource: RES because ...". */
    record Denied(String message) implements Decision {}

    default boolean allowed() {
      return this instanceof Allowed;
    }
  }

  /** Decides for a request made with {@code caller}'s credentials (its MFA state and keys feed conditions). */
  public Decision authorize(Credential caller, String action, String resource) {
    return decide(caller.principal(), action, resource, PolicyEvaluator.keysOf(caller));
  }

  /** The same, for a request signed for {@code region}: aws:RequestedRegion is known to conditions. */
  public Decision authorize(Credential caller, String action, String resource, String region) {
    var keys = PolicyEvaluator.keysOf(caller);
    keys.put("aws:requestedregion", region);
    return decide(caller.principal(), action, resource, keys);
  }

  /** Decides for a principal without credential context (no MFA). */
  public Decision authorize(Principal principal, String action, String resource) {
    return decide(principal, action, resource, Map.of("aws:principalarn", principal.principalArn(),
        "aws:principalaccount", principal.accountId(), "aws:principaltype", principal.type()));
  }

  private Decision decide(Principal principal, String action, String resource, Map<String, String> keys) {
    if (principal instanceof Principal.Root) return new Decision.Allowed();
    var policies = world.findAccount(principal.accountId()).map(a -> a.iam().identityPolicies(principal))
        .orElse(java.util.List.of());
    if (policies.isEmpty()) return new Decision.Allowed();
    var outcome = PolicyEvaluator.identity(policies, new PolicyEvaluator.Request(principal, action, resource, keys));
    String denied = "User: " + principal.arn() + " is not authorized to perform: " + action + " on resource: " + resource;
    return switch (outcome) {
      case ALLOW -> new Decision.Allowed();
      case EXPLICIT_DENY -> new Decision.Denied(denied + " with an explicit deny in an identity-based policy");
      case IMPLICIT_DENY -> new Decision.Denied(denied + " because no identity-based policy allows the " + action + " action");
    };
  }
}
