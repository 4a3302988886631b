package io.rolecall.commands.identitycenter;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Write;
import java.util.List;
import java.util.Map;

/**
 * aws-iam-identitycenter-delete-group: deletes a group, found by display name, then looks it up again (still there
 * is a warning; a retried delete that met "not found" is settled by it). A dry run shows what it would delete.
 */
public final class GroupDelete implements Command {
  private static final CommandSpec SPEC = IdentityCenterArgs.groupNameArgs(IdentityCenterArgs.command(
          "aws-iam-identitycenter-delete-group",
          "Delete an IAM Identity Center group, found by display name (groupName or displayName, one of them)."),
          "to delete")
      .arg(IdentityCenterArgs.IDENTITY_STORE_ID)
      .mutating()
      .permissions("identitystore:GetGroupId", "identitystore:DescribeGroup", "identitystore:DeleteGroup",
          "sso:ListInstances")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public void validate(io.rolecall.command.Arguments args) {
    GroupGet.groupName(args);
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String name = GroupGet.groupName(ctx.args());
    var dir = Directory.open(ctx);
    String groupId = dir.groupId(name);
    var group = Identities.group(dir.describeGroup(groupId));
    String resource = "identitystore/" + dir.storeId() + " group " + name;
    if (ctx.dryRun()) {
      return CommandResult.of(group, Map.of(), IdentityTables.groups("AWS IAM Identity Center group (dry run)",
              List.of(group)).withNote("Dry run: would delete group '" + name + "' from identity store "
              + dir.storeId() + "; nothing was written."));
    }
    var done = Write.of(ctx, resource, group, null).settlingRetried(Directory::isNotFound)
        .run(() -> dir.call("DeleteGroup", () -> dir.client().deleteGroup(r -> r.identityStoreId(dir.storeId())
            .groupId(groupId))), () -> dir.groupOrNull(groupId));
    return CommandResult.of(group, Map.of(), IdentityTables.groups("AWS IAM Identity Center group deleted",
            List.of(group)).withNote("Deleted group '" + name + "' from identity store " + dir.storeId() + "."))
        .withWarnings(done.warnings());
  }
}
