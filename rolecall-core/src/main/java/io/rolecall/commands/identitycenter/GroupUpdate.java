package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Write;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;

/**
 * aws-iam-identitycenter-update-group: sets a group's description (the group found by display name, as upstream
 * has it), showing the group as read back after the update. A dry run shows the change it would make.
 */
public final class GroupUpdate implements Command {
  private static final CommandSpec SPEC = GroupOutputs.add(IdentityCenterArgs.command(
          "aws-iam-identitycenter-update-group",
          "Update an IAM Identity Center group's description; the group is found by its display name.")
      .arg(IdentityCenterArgs.text("displayName", "The display name of the group to update.").mandatory())
      .arg(IdentityCenterArgs.text("description", "The group's new description.").mandatory())
      .arg(IdentityCenterArgs.IDENTITY_STORE_ID)
      .mutating())
      .permissions("identitystore:GetGroupId", "identitystore:DescribeGroup", "identitystore:UpdateGroup",
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
    String groupId = dir.groupId(name);
    var before = Identities.group(dir.describeGroup(groupId));
    String resource = "identitystore/" + dir.storeId() + " group " + name;
    if (ctx.dryRun()) {
      var planned = new LinkedHashMap<>(before);
      planned.put("Description", description);
      return CommandResult.of(planned, Map.of(), IdentityTables.groups("AWS IAM Identity Center group (dry run)",
              List.of(before)).withNote("Dry run: would set the description of group '" + name + "' to '"
              + description + "'; nothing was written."));
    }
    var requested = new LinkedHashMap<>(before);
    requested.put("Description", description);
    var done = Write.of(ctx, resource, before, requested).ignoring(ASSIGNED)
        .run(() -> dir.call("UpdateGroup", () -> dir.client().updateGroup(r -> r.identityStoreId(dir.storeId())
            .groupId(groupId).operations(o -> o.attributePath("description")
                .attributeValue(Document.fromString(description))))), () -> dir.groupOrNull(groupId));
    Map<String, Object> after = done.readBack() ? done.afterMap() : requested;
    return CommandResult.of(after, Map.of(CONTEXT + ".Group", after),
            IdentityTables.groups("AWS IAM Identity Center group updated", List.of(after)))
        .withWarnings(done.warnings());
  }

  /** What the service assigns, absent from what was asked: not compared when a group is read back. */
  static final String[] ASSIGNED = {"GroupId", "IdentityStoreId"};
}
