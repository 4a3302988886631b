package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.LinkedHashMap;

/** aws-iam-identitycenter-list-groups-for-user: the groups a user is in (ListGroupMembershipsForMember), named. */
public final class GroupsForUser implements Command {
  private static final CommandSpec SPEC = IdentityCenterArgs.listArgs(IdentityCenterArgs.command(
          "aws-iam-identitycenter-list-groups-for-user",
          "List the groups a user belongs to, with each group's name, a page at a time or all of them (all=true).")
      .arg(IdentityCenterArgs.userName("The user name of the user whose groups to list.").mandatory()))
      .output(CONTEXT + ".User.UserId", "string", "The user's id (the entry's key).")
      .output(CONTEXT + ".User.UserName", "string", "The user name.")
      .output(CONTEXT + ".User.GroupMemberships.MembershipId", "string", "The membership's id.")
      .output(CONTEXT + ".User.GroupMemberships.GroupId", "string", "The group's id.")
      .output(CONTEXT + ".User.GroupMemberships.GroupName", "string", "The group's display name.")
      .output(CONTEXT + ".User.IdentityStoreId", "string", "The identity store the user is in.")
      .output(CONTEXT + ".User.GroupsUserNextToken", "string",
          "Token for the next page; null on the last page (upstream's key).")
      .key(CONTEXT + ".User", "UserId")
      .permissions("identitystore:GetUserId", "identitystore:ListGroupMembershipsForMember",
          "identitystore:DescribeGroup", "sso:ListInstances")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String userName = ctx.args().string("userName");
    var dir = Directory.open(ctx);
    String userId = dir.userId(userName);
    var listing = Memberships.ofUser(dir, userId, Paging.of(ctx.args()));
    var user = new LinkedHashMap<String, Object>();
    user.put("UserId", userId);
    user.put("UserName", userName);
    user.put("GroupMemberships", listing.entries());
    user.put("IdentityStoreId", dir.storeId());
    var contents = new LinkedHashMap<String, Object>(user);
    // Upstream's key, inside the user entry; null on the last page, so a merge clears an earlier page's token.
    user.put("GroupsUserNextToken", listing.nextToken());
    var context = new LinkedHashMap<String, Object>();
    context.put(CONTEXT + ".User", user);
    contents.put("NextToken", listing.nextToken());
    var table = IdentityTables.groupsOfUser("Groups of user '" + userName + "' (" + listing.entries().size() + ")",
        listing.entries());
    if (listing.entries().isEmpty()) {
      table = table.withNote("User '" + userName + "' is in no group.");
    }
    return CommandResult.of(contents, context, IdentityTables.withNextToken(table, listing.nextToken()));
  }
}
