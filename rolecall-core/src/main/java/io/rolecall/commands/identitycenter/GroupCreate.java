package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.CommandFailedException;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Write;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * aws-iam-identitycenter-create-group. A dry run checks that the name is free and shows the group it would create.
 * The group is read back after the create; a retried create that met a conflict is settled by that read.
 */
public final class GroupCreate implements Command {
  private static final CommandSpec SPEC = IdentityCenterArgs.command("aws-iam-identitycenter-create-group",
          "Create an IAM Identity Center group. Group display names are unique in the identity store.")
      .arg(IdentityCenterArgs.text("displayName", "The name of the group to create.").mandatory())
      .arg(IdentityCenterArgs.text("description", "The group's description."))
      .arg(IdentityCenterArgs.IDENTITY_STORE_ID)
      .mutating()
      .output(CONTEXT + ".Group.GroupId", "string", "The new group's id (the entry's key).")
      .output(CONTEXT + ".Group.DisplayName", "string", "The group's name.")
      .output(CONTEXT + ".Group.Description", "string", "The group's description.")
      .output(CONTEXT + ".Group.IdentityStoreId", "string", "The identity store the group was created in.")
      .permissions("identitystore:CreateGroup", "identitystore:GetGroupId", "identitystore:DescribeGroup",
          "sso:ListInstances")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String name = ctx.args().string("displayName");
    String description = ctx.args().string("description");
    var dir = Directory.open(ctx);
    var group = new LinkedHashMap<String, Object>();
    group.put("DisplayName", name);
    if (description != null) {
      group.put("Description", description);
    }
    String resource = "identitystore/" + dir.storeId() + " group " + name;
    if (ctx.dryRun()) {
      dir.findGroupId(name).ifPresent(id -> {
        throw new CommandFailedException("Group '" + name + "' already exists in identity store " + dir.storeId()
            + " (group id " + id + ")");
      });
      return CommandResult.of(group, Map.of(), IdentityTables.groups("AWS IAM Identity Center group (dry run)",
              List.of(group)).withNote("Dry run: would create group '" + name + "' in identity store " + dir.storeId()
              + "; nothing was written."));
    }
    String[] groupId = {null};
    var done = Write.of(ctx, resource, null, group).ignoring(GroupUpdate.ASSIGNED)
        .settlingRetried(Directory::isConflict)
        .run(() -> groupId[0] = dir.call("CreateGroup", () -> dir.client().createGroup(r -> r
            .identityStoreId(dir.storeId()).displayName(name).description(description)).groupId()),
            () -> dir.findGroupId(name).map(dir::groupOrNull).orElse(null));
    Map<String, Object> created = done.readBack() ? done.afterMap() : new LinkedHashMap<>();
    if (!done.readBack()) {
      created.put("GroupId", groupId[0]);
      created.putAll(group);
      created.put("IdentityStoreId", dir.storeId());
    }
    return CommandResult.of(created, Map.of(CONTEXT + ".Group", created),
            IdentityTables.groups("AWS IAM Identity Center group created", List.of(created)))
        .withWarnings(done.warnings());
  }
}
