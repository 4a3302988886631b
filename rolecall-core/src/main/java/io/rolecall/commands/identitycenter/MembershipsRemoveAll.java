package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;

/**
 * aws-iam-identitycenter-remove-user-from-all-groups: removes a user from every group, however many pages of
 * memberships there are (the upstream integration removed only the first page's), reporting each removal.
 */
public final class MembershipsRemoveAll implements Command {
  private static final CommandSpec SPEC = IdentityCenterArgs.command(
          "aws-iam-identitycenter-remove-user-from-all-groups",
          "Remove a user from every group they belong to (all pages of memberships), reporting each removal. If a"
              + " removal fails, says which memberships were removed and which remain.")
      .arg(IdentityCenterArgs.userName("The user name of the user to remove from all groups.").mandatory())
      .arg(IdentityCenterArgs.IDENTITY_STORE_ID)
      .mutating()
      .output(CONTEXT + ".User.UserId", "string", "The user's id (the entry's key).")
      .output(CONTEXT + ".User.UserName", "string", "The user name.")
      .output(CONTEXT + ".User.GroupMemberships", "unknown", "The user's memberships afterwards (none).")
      .output(CONTEXT + ".User.RemovedGroupMemberships.MembershipId", "string", "A removed membership's id.")
      .output(CONTEXT + ".User.RemovedGroupMemberships.GroupId", "string", "The group the user was removed from.")
      .output(CONTEXT + ".User.RemovedGroupMemberships.GroupName", "string", "That group's display name.")
      .permissions("identitystore:GetUserId", "identitystore:ListGroupMembershipsForMember",
          "identitystore:DescribeGroup", "identitystore:DeleteGroupMembership", "sso:ListInstances")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    return MembershipRemoval.allOfUser(ctx, Directory.open(ctx), ctx.args().string("userName"));
  }
}
