package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.CommandFailedException;
import io.rolecall.RolecallException;
import io.rolecall.aws.LostResponses;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.Table;
import io.rolecall.command.Write;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removing memberships one DeleteGroupMembership at a time, reporting each. The full list is read first (every
 * page), then deleted, so paging never runs over a listing that is shrinking. If a deletion fails, the failure says
 * which memberships were removed and which remain, and the journal entry (failed) holds the memberships read back
 * after it. After all deletions the user's memberships are listed again: any left is a warning.
 */
final class MembershipRemoval {
  private MembershipRemoval() {}

  /** A membership to remove: its context entry and its name in messages ("ann in 'Engineers'"). */
  record Target(Map<String, Object> entry, String label) {
    String membershipId() {
      return String.valueOf(entry.get("MembershipId"));
    }
  }

  /** Removes the user from every group: remove-user-from-all-groups, and delete-group-membership by userName. */
  static CommandResult allOfUser(CommandContext ctx, Directory dir, String userName) {
    return allOfUser(ctx, dir, userName, false);
  }

  /**
   * @param noneIsAnError whether a user in no group is a failure (upstream's delete-group-membership: "User is not
   *     member of any group.") rather than nothing to do
   */
  static CommandResult allOfUser(CommandContext ctx, Directory dir, String userName, boolean noneIsAnError) {
    String userId = dir.userId(userName);
    var targets = new ArrayList<Target>();
    for (var entry : Memberships.allOfUser(dir, userId)) {
      targets.add(new Target(entry, userName + " in '" + entry.get("GroupName") + "'"));
    }
    if (targets.isEmpty() && noneIsAnError) {
      throw new io.rolecall.CommandFailedException("User is not member of any group.");
    }
    String resource = "identitystore/" + dir.storeId() + " group memberships of user " + userName;
    String title = "Group memberships of user '" + userName + "'";
    if (targets.isEmpty()) {
      return CommandResult.of(user(userId, userName, List.of(), List.of()), Map.of(),
          table(title, userName, List.of(), "").withNote("User '" + userName + "' is in no group; nothing to remove."));
    }
    if (ctx.dryRun()) {
      var current = entries(targets);
      return CommandResult.of(user(userId, userName, current, List.of()), Map.of(),
              table(title + " (dry run)", userName, targets, "would remove").withNote("Dry run: would remove user '"
                  + userName + "' from " + targets.size() + " groups; nothing was written."));
    }
    var removed = new ArrayList<Target>();
    var write = Write.of(ctx, resource, entries(targets), List.of()).readingBackOnFailure();
    var done = write.run(() -> removed.addAll(remove(dir, targets, write)),
        () -> Memberships.allOfUser(dir, userId));
    var after = user(userId, userName, List.of(), entries(removed));
    return CommandResult.of(after, Map.of(CONTEXT + ".User", after),
            table(title, userName, removed, "removed").withNote("Removed user '" + userName + "' from "
                + removed.size() + " groups."))
        .withWarnings(done.warnings());
  }

  /**
   * Deletes every target, in order; on a failure, throws what was and was not removed. A deletion retried after a
   * lost response that meets "not found" was this run's own: it counts as removed, with a note on {@code write}.
   */
  static List<Target> remove(Directory dir, List<Target> targets, Write write) {
    var removed = new ArrayList<Target>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      try {
        dir.call("DeleteGroupMembership", () -> dir.client().deleteGroupMembership(r -> r
            .identityStoreId(dir.storeId()).membershipId(t.membershipId())));
      } catch (RolecallException e) {
        if (Directory.isNotFound(e) && LostResponses.preceded(e)) {
          write.note("a response was lost when deleting " + t.label() + "; its retry found the membership gone, so"
              + " this run removed it");
          removed.add(t);
          continue;
        }
        var remaining = targets.subList(i, targets.size());
        throw new CommandFailedException("removed " + removed.size() + " of " + targets.size() + " memberships"
            + (removed.isEmpty() ? "" : " (" + labels(removed) + ")") + ", then failed on " + t.label() + ": "
            + withoutFinalPeriod(e.getMessage()) + "; still in place (" + remaining.size() + "): " + labels(remaining),
            e);
      }
      removed.add(t);
    }
    return removed;
  }

  static Table table(String title, String userName, List<Target> targets, String result) {
    Table t = Table.of(title, "UserName", "GroupName", "GroupId", "MembershipId", "Result");
    for (var target : targets) {
      var e = target.entry();
      t = t.row(e.getOrDefault("UserName", userName), e.get("GroupName"), e.get("GroupId"), e.get("MembershipId"),
          result);
    }
    return t;
  }

  static List<Map<String, Object>> entries(List<Target> targets) {
    return targets.stream().map(Target::entry).toList();
  }

  private static String withoutFinalPeriod(String message) {
    return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }

  private static String labels(List<Target> targets) {
    return String.join(", ", targets.stream().map(Target::label).toList());
  }

  private static Map<String, Object> user(String userId, String userName, List<Map<String, Object>> memberships,
      List<Map<String, Object>> removed) {
    var u = new LinkedHashMap<String, Object>();
    u.put("UserId", userId);
    u.put("UserName", userName);
    u.put("GroupMemberships", memberships);
    u.put("RemovedGroupMemberships", removed);
    return u;
  }
}
