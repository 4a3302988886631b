package io.rolecall.policy;

import io.rolecall.UsageException;
import io.rolecall.command.CommandSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The target role to create: its name, who may assume it (and with which ExternalId), how long a session may last,
 * what it is for and the IAM actions it must be allowed.
 *
 * <p>Actions of {@link #MANAGEMENT_SERVICES} are answered by the organization's management account (or its delegated
 * administrator) only: they belong in the management account's role ({@link #managementPolicy}), never in the role
 * every member account gets ({@link #memberPolicy}).
 *
 * @param externalId null for no ExternalId condition
 * @param maxSessionSeconds the role's maximum session duration (3600 to 43200)
 * @param purpose what the role lets rolecall do, for its description: "run: cmd, cmd" or "take the roll call"
 */
public record RolePlan(String roleName, String principal, String externalId, int maxSessionSeconds, String purpose,
                       List<String> actions) {
  public static final String DEFAULT_ROLE_NAME = "RolecallTarget";
  /** IAM Identity Center and Organizations: management-account services. */
  public static final Set<String> MANAGEMENT_SERVICES = Set.of("sso", "identitystore", "organizations");
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

  public RolePlan {
    actions = List.copyOf(new TreeSet<>(actions));
    if (actions.isEmpty()) {
      throw new UsageException("policy: no command given");
    }
    if (!ROLE_NAME.matcher(roleName).matches()) {
      throw new UsageException("role-name: expected an IAM role name (1 to 64 of letters, digits and +=,.@-), got '"
          + roleName + "'");
    }
    maxSessionSeconds = Math.max(3600, maxSessionSeconds);
  }

  /** The role that runs these commands: exactly the actions they declare. */
  public RolePlan(String roleName, String principal, String externalId, int maxSessionSeconds,
                  List<CommandSpec> commands) {
    this(roleName, principal, externalId, maxSessionSeconds,
        "run: " + String.join(", ", commands.stream().map(CommandSpec::name).toList()),
        commands.stream().flatMap(c -> c.permissions().stream()).toList());
  }

  /** The role an inventory sync assumes: the reads its collectors make ({@link InventoryPermissions}). */
  public static RolePlan inventory(String roleName, String principal, String externalId, int maxSessionSeconds) {
    return new RolePlan(roleName, principal, externalId, maxSessionSeconds,
        "take the roll call (inventory sync): read-only", InventoryPermissions.all());
  }

  /** Every action, as one policy: the role of a single account, or of the management account. */
  public Map<String, Object> permissionPolicy() {
    return PermissionPolicy.ofActions(actions);
  }

  /** The actions a member account's role needs: all but the management-account services'. Empty if none. */
  public List<String> memberActions() {
    return actions.stream().filter(a -> !isManagement(a)).toList();
  }

  /** The actions only the management account's role needs. Empty if none. */
  public List<String> managementActions() {
    return actions.stream().filter(RolePlan::isManagement).toList();
  }

  public Map<String, Object> memberPolicy() {
    return PermissionPolicy.ofActions(memberActions());
  }

  public Map<String, Object> managementPolicy() {
    return PermissionPolicy.ofActions(managementActions());
  }

  public Map<String, Object> trustPolicy() {
    return TrustPolicy.of(principal, externalId);
  }

  static boolean isManagement(String action) {
    return MANAGEMENT_SERVICES.contains(action.substring(0, action.indexOf(':')));
  }
}
