package io.rolecall.policy;

import io.rolecall.command.CommandSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The permission policy of the engine's own identity (the user or role {@code rolecall serve} and the CLI run as):
 * assume the target role in any account, list the organization's accounts ({@code account_id=all}, {@code --accounts
 * all}), and the Identity Center reads, which run with this identity in the management account when no account is
 * named. Writes are not in it: they belong to the roles.
 */
public final class EnginePolicy {
  private EnginePolicy() {}

  /** The Identity Center and Organizations reads the read-only commands among {@code commands} declare. */
  public static List<String> identityCenterReads(Collection<CommandSpec> commands) {
    var reads = new TreeSet<String>();
    for (CommandSpec c : commands) {
      if (!c.mutating()) {
        c.permissions().stream().filter(RolePlan::isManagement).forEach(reads::add);
      }
    }
    return List.copyOf(reads);
  }

  public static Map<String, Object> of(String roleName, Collection<CommandSpec> commands) {
    var statements = new ArrayList<Object>();
    var assume = new LinkedHashMap<String, Object>();
    assume.put("Sid", "RolecallAssumeTargetRole");
    assume.put("Effect", "Allow");
    assume.put("Action", List.of("sts:AssumeRole"));
    assume.put("Resource", "arn:aws:iam::*:role/" + roleName);
    statements.add(assume);
    var reads = new TreeSet<String>(InventoryPermissions.ENGINE);
    reads.addAll(identityCenterReads(commands));
    @SuppressWarnings("unchecked")
    var rest = (List<Object>) PermissionPolicy.ofActions(reads).get("Statement");
    statements.addAll(rest);
    return PermissionPolicy.document(statements);
  }
}
