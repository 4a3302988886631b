package io.rolecall.commands.identitycenter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsForMemberRequest;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsForMemberResponse;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsRequest;
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
    var request = ListGroupMembershipsForMemberRequest.builder().identityStoreId(dir.storeId())
        .memberId(m -> m.userId(userId)).maxResults(paging.pageSize()).nextToken(paging.nextToken()).build();
    var page = dir.call("ListGroupMembershipsForMember", () -> paging.fetch(
        () -> dir.client().listGroupMembershipsForMemberPaginator(request).groupMemberships(),
        () -> dir.client().listGroupMembershipsForMember(request),
        ListGroupMembershipsForMemberResponse::groupMemberships, ListGroupMembershipsForMemberResponse::nextToken));
    var entries = new ArrayList<Map<String, Object>>();
    for (GroupMembership m : page.items()) {
      entries.add(userSide(m, dir.groupName(m.groupId())));
    }
    return new Listing(entries, page.nextToken());
  }

  static Listing ofGroup(Directory dir, String groupId, Paging paging) {
    var request = ListGroupMembershipsRequest.builder().identityStoreId(dir.storeId()).groupId(groupId)
        .maxResults(paging.pageSize()).nextToken(paging.nextToken()).build();
    var page = dir.call("ListGroupMemberships", () -> paging.fetch(
        () -> dir.client().listGroupMembershipsPaginator(request).groupMemberships(),
        () -> dir.client().listGroupMemberships(request),
        ListGroupMembershipsResponse::groupMemberships, ListGroupMembershipsResponse::nextToken));
    var entries = new ArrayList<Map<String, Object>>();
    for (GroupMembership m : page.items()) {
      String userId = m.memberId() == null ? null : m.memberId().userId();
      var e = new LinkedHashMap<String, Object>();
      e.put("MembershipId", m.membershipId());
      e.put("UserId", userId);
      e.put("UserName", userId == null ? null : dir.userName(userId));
      entries.add(e);
    }
    return new Listing(entries, page.nextToken());
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
