package io.rolecall.commands.identitycenter;

import io.rolecall.UsageException;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.Arguments;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Write;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.identitystore.model.DescribeGroupMembershipResponse;

/**
 * aws-iam-identitycenter-delete-group-membership, as upstream: with userName, removes the user from all groups;
 * with membershipId (a comma list), deletes those memberships. Every id is checked to exist before any is deleted,
 * so a typo deletes nothing.
 */
public final class MembershipDelete implements Command {
  private static final String ID = IdentityCenterArgs.RESOURCE_ID_REGEX;
  private static final CommandSpec SPEC = IdentityCenterArgs.command("aws-iam-identitycenter-delete-group-membership",
          "Delete group memberships: every membership of a user (userName), or the memberships listed"
              + " (membershipId). Give one of the two.")
      .arg(IdentityCenterArgs.userName("The user name of a user to remove from all groups."))
      .arg(ArgSpec.matching("membershipId", "\\s*(" + ID + ")(\\s*,\\s*(" + ID + "))*\\s*",
          "membership ids (as list-memberships shows them), separated by commas",
          "Comma-separated ids of the memberships to delete."))
      .arg(IdentityCenterArgs.IDENTITY_STORE_ID)
      .mutating()
      .output(IdentityCenterArgs.CONTEXT + ".User.UserId", "string", "With userName: the user's id (the entry's key).")
      .output(IdentityCenterArgs.CONTEXT + ".User.UserName", "string", "With userName: the user name.")
      .output(IdentityCenterArgs.CONTEXT + ".User.GroupMemberships", "unknown",
          "With userName: the user's memberships now (none, once every one was removed).")
      .output(IdentityCenterArgs.CONTEXT + ".User.RemovedGroupMemberships.MembershipId", "string",
          "With userName: the id of a membership removed.")
      .output(IdentityCenterArgs.CONTEXT + ".User.RemovedGroupMemberships.GroupId", "string",
          "With userName: the group the user was removed from.")
      .output(IdentityCenterArgs.CONTEXT + ".User.RemovedGroupMemberships.GroupName", "string",
          "With userName: that group's display name.")
      .key(IdentityCenterArgs.CONTEXT + ".User", "UserId")
      .permissions("identitystore:GetUserId", "identitystore:ListGroupMembershipsForMember",
          "identitystore:DescribeGroupMembership", "identitystore:DescribeGroup", "identitystore:DescribeUser",
          "identitystore:DeleteGroupMembership", "sso:ListInstances")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public void validate(Arguments args) {
    if (args.has("userName") == args.has("membershipId")) {
      throw new UsageException(SPEC.name() + ": give userName (remove the user from all groups) or membershipId"
          + " (comma-separated ids), one of the two");
    }
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var a = ctx.args();
    var dir = Directory.open(ctx);
    if (a.has("userName")) {
      return MembershipRemoval.allOfUser(ctx, dir, a.string("userName"), true);
    }
    var ids = new LinkedHashSet<String>();
    for (String id : a.string("membershipId").split(",")) {
      ids.add(id.trim());
    }
    var targets = new ArrayList<MembershipRemoval.Target>();
    for (String id : ids) {
      targets.add(describe(dir, id));
    }
    String resource = "identitystore/" + dir.storeId() + " group memberships " + String.join(", ", ids);
    String title = "Group memberships";
    if (ctx.dryRun()) {
      return CommandResult.of(MembershipRemoval.entries(targets), Map.of(),
              MembershipRemoval.table(title + " (dry run)", null, targets, "would remove")
                  .withNote("Dry run: would delete " + targets.size() + " memberships; nothing was written."));
    }
    var removed = new ArrayList<MembershipRemoval.Target>();
    var write = Write.of(ctx, resource, MembershipRemoval.entries(targets), List.of()).readingBackOnFailure();
    var done = write.run(() -> removed.addAll(MembershipRemoval.remove(dir, targets, write)),
        () -> remaining(dir, targets));
    return CommandResult.of(MembershipRemoval.entries(removed), Map.of(),
            MembershipRemoval.table(title, null, removed, "removed")
                .withNote("Deleted " + removed.size() + " memberships."))
        .withWarnings(done.warnings());
  }

  /** Those of the targets that still exist (DescribeGroupMembership), as entries. */
  private static List<Map<String, Object>> remaining(Directory dir, List<MembershipRemoval.Target> targets) {
    var left = new ArrayList<Map<String, Object>>();
    for (var t : targets) {
      try {
        dir.call("DescribeGroupMembership", () -> dir.client().describeGroupMembership(r -> r
            .identityStoreId(dir.storeId()).membershipId(t.membershipId())));
        left.add(t.entry());
      } catch (Directory.NotFound e) {
        // deleted, as asked
      }
    }
    return left;
  }

  private static MembershipRemoval.Target describe(Directory dir, String membershipId) {
    DescribeGroupMembershipResponse m;
    try {
      m = dir.call("DescribeGroupMembership", () -> dir.client().describeGroupMembership(r -> r
          .identityStoreId(dir.storeId()).membershipId(membershipId)));
    } catch (Directory.NotFound e) {
      throw dir.notFound("Membership '" + membershipId + "'");
    }
    String userId = m.memberId() == null ? null : m.memberId().userId();
    var e = new LinkedHashMap<String, Object>();
    e.put("MembershipId", membershipId);
    e.put("GroupId", m.groupId());
    e.put("GroupName", dir.groupName(m.groupId()));
    e.put("UserId", userId);
    e.put("UserName", userId == null ? null : dir.userName(userId));
    return new MembershipRemoval.Target(e, e.get("UserName") + " in '" + e.get("GroupName") + "'");
  }
}
