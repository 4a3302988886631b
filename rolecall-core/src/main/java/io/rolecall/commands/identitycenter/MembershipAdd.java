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
import software.amazon.awssdk.services.identitystore.model.ConflictException;

/**
 * aws-iam-identitycenter-add-user-to-group. Adding a user who is already a member changes nothing and says so (exit
 * 0): a playbook that ensures membership can run twice. A dry run says whether it would add the user. The
 * membership is looked up before (already there: nothing to do, nothing journaled) and after the add; if the add's
 * response was lost and its retry met "already a member", the look-up after decides that this run added it.
 */
public final class MembershipAdd implements Command {
  private static final CommandSpec SPEC = IdentityCenterArgs.command("aws-iam-identitycenter-add-user-to-group",
          "Add a user (by user name) to a group (by display name). A user already in the group stays as is.")
      .arg(IdentityCenterArgs.userName("The user name of the user to add.").mandatory())
      .arg(IdentityCenterArgs.text("groupName", "The display name of the group to add the user to."))
      .arg(IdentityCenterArgs.text("displayName", "The display name of the group to add the user to (the same as"
          + " groupName; give one)."))
      .arg(IdentityCenterArgs.IDENTITY_STORE_ID)
      .mutating()
      .output(CONTEXT + ".User.UserId", "string", "The user's id (the entry's key).")
      .output(CONTEXT + ".User.UserName", "string", "The user name.")
      .output(CONTEXT + ".User.GroupMemberships.MembershipId", "string", "The new membership's id.")
      .output(CONTEXT + ".User.GroupMemberships.GroupId", "string", "The group's id.")
      .output(CONTEXT + ".User.GroupMemberships.GroupName", "string", "The group's display name.")
      .permissions("identitystore:GetUserId", "identitystore:GetGroupId", "identitystore:CreateGroupMembership",
          "identitystore:GetGroupMembershipId", "sso:ListInstances")
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
    String userName = ctx.args().string("userName");
    String groupName = GroupGet.groupName(ctx.args());
    var dir = Directory.open(ctx);
    String userId = dir.userId(userName);
    String groupId = dir.groupId(groupName);
    String resource = "identitystore/" + dir.storeId() + " membership of user " + userName + " in group " + groupName;
    String title = "User '" + userName + "' in group '" + groupName + "'";

    var existing = ctx.dryRun() ? existingMembership(dir, groupId, userId) : membershipIfKnown(dir, groupId, userId);
    if (existing != null || ctx.dryRun()) {
      var entry = entry(existing, groupId, groupName);
      String note = existing != null
          ? (ctx.dryRun() ? "Dry run: " : "") + "User '" + userName + "' is already in group '" + groupName
              + "'; " + (ctx.dryRun() ? "nothing to do." : "nothing changed.")
          : "Dry run: would add user '" + userName + "' to group '" + groupName + "'; nothing was written.";
      var user = user(userId, userName, entry);
      return CommandResult.of(user, ctx.dryRun() ? Map.of() : Map.of(CONTEXT + ".User", user),
          IdentityTables.groupsOfUser(ctx.dryRun() ? title + " (dry run)" : title, List.of(entry)).withNote(note));
    }

    Write.Done done;
    try {
      done = Write.of(ctx, resource, null, entry(null, groupId, groupName)).ignoring("MembershipId")
          .settlingRetried(Directory::isConflict)
          .run(() -> dir.call("CreateGroupMembership", () -> dir.client().createGroupMembership(r -> r
              .identityStoreId(dir.storeId()).groupId(groupId).memberId(m -> m.userId(userId))).membershipId()),
              () -> readBack(dir, groupId, groupName, userId));
    } catch (CommandFailedException e) {
      if (!Directory.isConflict(e)) {
        throw e;
      }
      // Added by someone else since the check above: what was asked holds, but this run did not do it.
      var entry = entry(existingMembership(dir, groupId, userId), groupId, groupName);
      return CommandResult.of(user(userId, userName, entry), Map.of(CONTEXT + ".User", user(userId, userName, entry)),
          IdentityTables.groupsOfUser(title, List.of(entry)).withNote("User '" + userName + "' is already in group '"
              + groupName + "' (added meanwhile by someone else); nothing changed."));
    }
    var entry = done.readBack() ? done.afterMap() : entry(null, groupId, groupName);
    var user = user(userId, userName, entry);
    return CommandResult.of(user, Map.of(CONTEXT + ".User", user), IdentityTables.groupsOfUser(title, List.of(entry))
            .withNote("Added user '" + userName + "' to group '" + groupName + "'."))
        .withWarnings(done.warnings());
  }

  /** The membership as it is now, or null when the user is not in the group. */
  private static Map<String, Object> readBack(Directory dir, String groupId, String groupName, String userId) {
    String id = existingMembership(dir, groupId, userId);
    return id == null ? null : entry(id, groupId, groupName);
  }

  /**
   * The membership's id if the user is in the group already, else null; also null when the look-up itself fails
   * (a role without identitystore:GetGroupMembershipId, an emulator without it): the add then tells.
   */
  private static String membershipIfKnown(Directory dir, String groupId, String userId) {
    try {
      return existingMembership(dir, groupId, userId);
    } catch (CommandFailedException e) {
      return null;
    }
  }

  /** The membership's id if the user is in the group already (GetGroupMembershipId), else null. */
  private static String existingMembership(Directory dir, String groupId, String userId) {
    try {
      return dir.call("GetGroupMembershipId", () -> dir.client().getGroupMembershipId(r -> r
          .identityStoreId(dir.storeId()).groupId(groupId).memberId(m -> m.userId(userId))).membershipId());
    } catch (Directory.NotFound e) {
      return null;
    }
  }

  private static Map<String, Object> entry(String membershipId, String groupId, String groupName) {
    var e = new LinkedHashMap<String, Object>();
    e.put("MembershipId", membershipId);
    e.put("GroupId", groupId);
    e.put("GroupName", groupName);
    return e;
  }

  private static Map<String, Object> user(String userId, String userName, Map<String, Object> membership) {
    var u = new LinkedHashMap<String, Object>();
    u.put("UserId", userId);
    u.put("UserName", userName);
    u.put("GroupMemberships", List.of(membership));
    return u;
  }
}
