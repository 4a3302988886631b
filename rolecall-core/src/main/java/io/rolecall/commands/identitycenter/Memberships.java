package io.rolecall.commands.identitycenter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsForMemberResponse;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsResponse;

/**
 * Listing memberships, from the user's side or the group's, one page or all of them, as context entries that name
 * the other side (a user's entries carry GroupName, a group's carry UserName: one Describe per distinct id).
 */
final class Memberships {
  private Memberships() {}

  /** Entries and the token of the page after them (null when the listing is complete). */
  record Listing(List<Map<String, Object>> entries, String nextToken) {}

  static Listing ofUser(Directory dir, String userId, Paging paging) {
    var raw = new ArrayList<GroupMembership>();
    String next = null;
    if (paging.all()) {
      dir.call("ListGroupMembershipsForMember", () -> {
        dir.client().listGroupMembershipsForMemberPaginator(r -> r.identityStoreId(dir.storeId())
            .memberId(m -> m.userId(userId)).maxResults(paging.pageSize()).nextToken(paging.nextToken()))
            .groupMemberships().forEach(raw::add);
        return null;
      });
    } else {
      ListGroupMembershipsForMemberResponse page = dir.call("ListGroupMembershipsForMember", () ->
          dir.client().listGroupMembershipsForMember(r -> r.identityStoreId(dir.storeId())
              .memberId(m -> m.userId(userId)).maxResults(paging.pageSize()).nextToken(paging.nextToken())));
      raw.addAll(page.groupMemberships());
      next = page.nextToken();
    }
    var entries = new ArrayList<Map<String, Object>>();
    for (GroupMembership m : raw) {
      entries.add(userSide(m, dir.groupName(m.groupId())));
    }
    return new Listing(entries, next);
  }

  static Listing ofGroup(Directory dir, String groupId, Paging paging) {
    var raw = new ArrayList<GroupMembership>();
    String next = null;
    if (paging.all()) {
      dir.call("ListGroupMemberships", () -> {
        dir.client().listGroupMembershipsPaginator(r -> r.identityStoreId(dir.storeId()).groupId(groupId)
            .maxResults(paging.pageSize()).nextToken(paging.nextToken())).groupMemberships().forEach(raw::add);
        return null;
      });
    } else {
      ListGroupMembershipsResponse page = dir.call("ListGroupMemberships", () -> dir.client().listGroupMemberships(
          r -> r.identityStoreId(dir.storeId()).groupId(groupId).maxResults(paging.pageSize())
              .nextToken(paging.nextToken())));
      raw.addAll(page.groupMemberships());
      next = page.nextToken();
    }
    var entries = new ArrayList<Map<String, Object>>();
    for (GroupMembership m : raw) {
      String userId = m.memberId() == null ? null : m.memberId().userId();
      var e = new LinkedHashMap<String, Object>();
      e.put("MembershipId", m.membershipId());
      e.put("UserId", userId);
      e.put("UserName", userId == null ? null : dir.userName(userId));
      entries.add(e);
    }
    return new Listing(entries, next);
  }

  /** Every membership of the user, whatever its number of pages. */
  static List<Map<String, Object>> allOfUser(Directory dir, String userId) {
    return ofUser(dir, userId, new Paging(Paging.MAX_PAGE, null, true)).entries();
  }

  static Map<String, Object> userSide(GroupMembership m, String groupName) {
    var e = new LinkedHashMap<String, Object>();
    e.put("MembershipId", m.membershipId());
    e.put("GroupId", m.groupId());
    e.put("GroupName", groupName);
    return e;
  }
}
