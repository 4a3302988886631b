package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.Account;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Roles services own in an account (Identity Center's {@code AWSReservedSSO_*}): created or updated in place with every
 * policy part at once, and removed with their policies. They are ordinary roles otherwise: GetRole, ListRoles and
 * GetAccountAuthorizationDetails show them like any other.
 */
public final class ReservedRoles {
  private ReservedRoles() {}

  /** The first policy the role names that the account does not have (AWS-managed or its own), if any. */
  public static Optional<String> missingPolicy(Account account, ReservedRole role) {
    var iam = account.iam();
    return Stream.concat(role.managedPolicyArns().stream(), Stream.ofNullable(role.permissionsBoundaryArn()))
        .filter(arn -> iam.policy(arn).isEmpty()).findFirst();
  }

  /**
   * Creates the role, or brings an existing one to exactly this shape (RoleId and CreateDate stay). Call
   * {@link #missingPolicy} first: a policy the account lacks is IAM's NoSuchEntity here, after nothing was written.
   */
  public static void put(Account account, ReservedRole role) {
    missingPolicy(account, role).ifPresent(arn -> {
      throw IamState.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
    });
    var inline = new LinkedHashMap<String, String>();
    if (role.inlinePolicy() != null) inline.put(role.inlinePolicyName(), role.inlinePolicy());
    var iamRole = account.iam().putServiceRole(role.name(), role.path(), role.trustPolicy(), role.maxSessionDuration(),
        inline, role.managedPolicyArns());
    RoleBoundaries.of(account).set(iamRole.arn(), role.permissionsBoundaryArn());
  }

  /** Removes the role, its policies and its boundary; nothing happens if it does not exist. */
  public static void remove(Account account, String roleName) {
    account.iam().removeRole(roleName).ifPresent(r -> RoleBoundaries.of(account).set(r.arn(), null));
  }
}
