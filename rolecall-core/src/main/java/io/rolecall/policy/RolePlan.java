package io.rolecall.policy;

import io.rolecall.UsageException;
import io.rolecall.command.CommandSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The target role to create: its name, who may assume it (and with which ExternalId), how long a
 * session may last, and the commands it must be able to run.
 *
 * @param externalId null for no ExternalId condition
 * @param maxSessionSeconds the role's maximum session duration (3600 to 43200)
 */
public record RolePlan(String roleName, String principal, String externalId, int maxSessionSeconds,
                       List<CommandSpec> commands) {
  public static final String DEFAULT_ROLE_NAME = "RolecallTarget";
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

  public RolePlan {
    commands = List.copyOf(commands);
    if (commands.isEmpty()) {
      throw new UsageException("policy: no command given");
    }
    if (!ROLE_NAME.matcher(roleName).matches()) {
      throw new UsageException("role-name: expected an IAM role name (1 to 64 of letters, digits and +=,.@-), got '"
          + roleName + "'");
    }
    maxSessionSeconds = Math.max(3600, maxSessionSeconds);
  }

  public Map<String, Object> permissionPolicy() {
    return PermissionPolicy.of(commands);
  }

  public Map<String, Object> trustPolicy() {
    return TrustPolicy.of(principal, externalId);
  }

  public List<String> commandNames() {
    return commands.stream().map(CommandSpec::name).toList();
  }
}
