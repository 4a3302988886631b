package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.UsageException;
import io.rolecall.command.Arguments;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.List;
import java.util.Map;

/**
 * aws-iam-identitycenter-get-group: a group by display name (GetGroupId, then DescribeGroup). Seed 004 calls the
 * argument groupName, the current upstream integration displayName; either is accepted, so both playbooks port.
 */
public final class GroupGet implements Command {
  private static final CommandSpec SPEC = GroupOutputs.add(IdentityCenterArgs.command("aws-iam-identitycenter-get-group",
          "Get an IAM Identity Center group by its display name. Give groupName or displayName (the same thing).")
      .arg(IdentityCenterArgs.text("groupName", "The display name of the group to get."))
      .arg(IdentityCenterArgs.text("displayName", "The display name of the group to get (the same as groupName;"
          + " give one)."))
      .arg(IdentityCenterArgs.IDENTITY_STORE_ID))
      .permissions("identitystore:GetGroupId", "identitystore:DescribeGroup", "sso:ListInstances")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public void validate(Arguments args) {
    groupName(args);
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String name = groupName(ctx.args());
    var dir = Directory.open(ctx);
    var group = Identities.group(dir.describeGroup(dir.groupId(name)));
    return CommandResult.of(group, Map.of(CONTEXT + ".Group", group),
        IdentityTables.groups("AWS IAM Identity Center group", List.of(group)));
  }

  /** Exactly one of groupName and displayName. */
  static String groupName(Arguments args) {
    boolean byGroupName = args.has("groupName");
    if (byGroupName == args.has("displayName")) {
      throw new UsageException(args.spec().name() + ": give the group's display name as groupName or as displayName"
          + " (one of them), e.g. groupName=Engineers");
    }
    return byGroupName ? args.string("groupName") : args.string("displayName");
  }
}
