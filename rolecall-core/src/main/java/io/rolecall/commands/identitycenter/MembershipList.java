package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.LinkedHashMap;

/** aws-iam-identitycenter-list-memberships: the members of a group (ListGroupMemberships), with their user names. */
public final class MembershipList implements Command {
  private static final CommandSpec SPEC = IdentityCenterArgs.listArgs(IdentityCenterArgs.command(
          "aws-iam-identitycenter-list-memberships",
          "List the members of a group, with each member's user name, a page at a time or all of them (all=true).")
      .arg(IdentityCenterArgs.text("groupName", "The display name of the group whose members to list."))
      .arg(IdentityCenterArgs.text("displayName", "The display name of the group whose members to list (the same as"
          + " groupName; give one).")))
      .output(CONTEXT + ".Group.GroupId", "string", "The group's id (the entry's key).")
      .output(CONTEXT + ".Group.DisplayName", "string", "The group's display name.")
      .output(CONTEXT + ".Group.GroupMemberships.MembershipId", "string", "The membership's id.")
      .output(CONTEXT + ".Group.GroupMemberships.UserId", "string", "The member's user id.")
      .output(CONTEXT + ".Group.GroupMemberships.UserName", "string", "The member's user name.")
      .output(CONTEXT + ".Group.IdentityStoreId", "string", "The identity store the group is in.")
      .output(CONTEXT + ".Group.GroupMembershipNextToken", "string",
          "Token for the next page; null on the last page (upstream's key).")
      .key(CONTEXT + ".Group", "GroupId")
      .permissions("identitystore:GetGroupId", "identitystore:ListGroupMemberships", "identitystore:DescribeUser",
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
    String groupName = GroupGet.groupName(ctx.args());
    var dir = Directory.open(ctx);
    String groupId = dir.groupId(groupName);
    var listing = Memberships.ofGroup(dir, groupId, Paging.of(ctx.args()));
    var group = new LinkedHashMap<String, Object>();
    group.put("GroupId", groupId);
    group.put("DisplayName", groupName);
    group.put("GroupMemberships", listing.entries());
    group.put("IdentityStoreId", dir.storeId());
    var contents = new LinkedHashMap<String, Object>(group);
    // Upstream's key, inside the group entry; null on the last page, so a merge clears an earlier page's token.
    group.put("GroupMembershipNextToken", listing.nextToken());
    var context = new LinkedHashMap<String, Object>();
    context.put(CONTEXT + ".Group", group);
    contents.put("NextToken", listing.nextToken());
    var table = IdentityTables.membersOfGroup("Members of group '" + groupName + "' (" + listing.entries().size() + ")",
        listing.entries());
    if (listing.entries().isEmpty()) {
      table = table.withNote("Group '" + groupName + "' has no members.");
    }
    return CommandResult.of(contents, context, IdentityTables.withNextToken(table, listing.nextToken()));
  }
}
