package io.rolecall.commands.identitycenter;

import io.rolecall.command.Table;
import java.util.List;
import java.util.Map;

/** The human-readable tables of the Identity Center commands: one row per user, group or membership. */
final class IdentityTables {
  private IdentityTables() {}

  static Table users(String title, List<Map<String, Object>> users) {
    Table t = Table.of(title, "UserId", "UserName", "DisplayName", "Emails");
    for (var u : users) {
      t = t.row(u.get("UserId"), u.get("UserName"), u.get("DisplayName"), Identities.emails(u));
    }
    return t;
  }

  static Table groups(String title, List<Map<String, Object>> groups) {
    Table t = Table.of(title, "GroupId", "DisplayName", "Description");
    for (var g : groups) {
      t = t.row(g.get("GroupId"), g.get("DisplayName"), g.get("Description"));
    }
    return t;
  }

  /** A user's memberships: entries of {@link Memberships#ofUser}. */
  static Table groupsOfUser(String title, List<Map<String, Object>> memberships) {
    Table t = Table.of(title, "GroupId", "GroupName", "MembershipId");
    for (var m : memberships) {
      t = t.row(m.get("GroupId"), m.get("GroupName"), m.get("MembershipId"));
    }
    return t;
  }

  /** A group's members: entries of {@link Memberships#ofGroup}. */
  static Table membersOfGroup(String title, List<Map<String, Object>> memberships) {
    Table t = Table.of(title, "UserId", "UserName", "MembershipId");
    for (var m : memberships) {
      t = t.row(m.get("UserId"), m.get("UserName"), m.get("MembershipId"));
    }
    return t;
  }

  /** Says how to get the next page, when there is one. */
  static Table withNextToken(Table t, String nextToken) {
    if (nextToken == null) {
      return t;
    }
    String more = "More on the next page: run again with nextToken=" + nextToken + " (or all=true for every page).";
    return t.withNote(t.note() == null ? more : t.note() + "\n" + more);
  }
}
