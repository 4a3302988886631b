package io.rolecall.cli;

import io.rolecall.commands.Commands;
import io.rolecall.policy.EnginePolicy;
import io.rolecall.policy.RolePlan;
import io.rolecall.render.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall policy engine}: the permission policy of rolecall's own identity (the user or role the CLI and
 * {@code rolecall serve} run as): sts:AssumeRole on the target role in any account, organizations:ListAccounts, and the
 * Identity Center reads of the read-only commands (run with this identity in the management account).
 */
@Command(name = "engine", description = "Print the permission policy of rolecall's own identity: assume the role,"
    + " list the organization's accounts, Identity Center reads.")
final class PolicyEngineCommand implements Callable<Integer> {
  @ParentCommand
  PolicyCommand policy;

  @Override
  public Integer call() {
    var settings = policy.root.settings();
    String roleName = settings.roleName() != null ? settings.roleName() : RolePlan.DEFAULT_ROLE_NAME;
    policy.root.cli.out().println(Json.pretty(EnginePolicy.of(roleName, Commands.registry().specs())));
    return 0;
  }
}
