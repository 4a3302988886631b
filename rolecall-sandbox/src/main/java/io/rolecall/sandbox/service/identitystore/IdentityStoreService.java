package io.rolecall.sandbox.service.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.auth.SigV4;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.Json;
import io.rolecall.sandbox.protocol.JsonProtocol;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.protocol.Validation;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.Service;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Identity Store API (JSON 1.1, {@code AWSIdentityStore.*}): users, groups and memberships of the identity stores
 * of the caller's account in the request's region. Every call is authorized as {@code identitystore:<Action>} on the
 * store's ARN; a store that is not the caller's, or not in the region signed for, is not found.
 */
public final class IdentityStoreService implements Service {
  public static final JsonProtocol PROTOCOL = new JsonProtocol("AWSIdentityStore", "1.1");

  private final Paginator pages = new Paginator(() -> StoreError.validation("The provided NextToken is not valid."));

  @Override public String signingName() { return "identitystore"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  @Override
  public Reply handle(Call call) {
    try {
      var r = new StoreRequest(call.json());
      return PROTOCOL.ok(switch (call.action()) {
        case "CreateUser" -> {
          var s = store(call, r);
          yield StoreJson.ids(s, "UserId", s.createUser(r.body()).userId());
        }
        case "DescribeUser" -> {
          var s = store(call, r);
          yield StoreJson.user(s, s.requireUser(r.resourceId("UserId")));
        }
        case "UpdateUser" -> {
          var s = store(call, r);
          s.updateUser(r.resourceId("UserId"), r.requiredNode("Operations"));
          yield empty();
        }
        case "DeleteUser" -> { var s = store(call, r); s.deleteUser(r.resourceId("UserId")); yield empty(); }
        case "ListUsers" -> listUsers(call, r);
        case "GetUserId" -> getUserId(call, r);
        case "CreateGroup" -> createGroup(call, r);
        case "DescribeGroup" -> {
          var s = store(call, r);
          yield StoreJson.group(s, s.requireGroup(r.resourceId("GroupId")));
        }
        case "UpdateGroup" -> {
          var s = store(call, r);
          s.updateGroup(r.resourceId("GroupId"), r.requiredNode("Operations"));
          yield empty();
        }
        case "DeleteGroup" -> { var s = store(call, r); s.deleteGroup(r.resourceId("GroupId")); yield empty(); }
        case "ListGroups" -> listGroups(call, r);
        case "GetGroupId" -> getGroupId(call, r);
        case "CreateGroupMembership" -> {
          var s = store(call, r);
          var m = s.createMembership(r.resourceId("GroupId"), r.memberUserId());
          yield StoreJson.ids(s, "MembershipId", m.membershipId());
        }
        case "DeleteGroupMembership" -> {
          var s = store(call, r);
          s.deleteMembership(r.resourceId("MembershipId"));
          yield empty();
        }
        case "DescribeGroupMembership" -> {
          var s = store(call, r);
          yield StoreJson.membership(s, s.requireMembership(r.resourceId("MembershipId")));
        }
        case "GetGroupMembershipId" -> getGroupMembershipId(call, r);
        case "ListGroupMemberships" -> {
          var s = store(call, r);
          String groupId = r.resourceId("GroupId");
          yield memberships(r, s, "ListGroupMemberships:" + groupId, s.membershipsOfGroup(groupId));
        }
        case "ListGroupMembershipsForMember" -> {
          var s = store(call, r);
          String userId = r.memberUserId();
          yield memberships(r, s, "ListGroupMembershipsForMember:" + userId, s.membershipsOfUser(userId));
        }
        case "IsMemberInGroups" -> isMemberInGroups(call, r);
        default -> throw PROTOCOL.unknownOperation(call.action());
      });
    } catch (StoreError e) {
      return e.reply(PROTOCOL, call.requestId());
    }
  }

  /** The store the request names, after authorizing the action on it. */
  private static IdentityStore store(Call call, StoreRequest r) {
    String id = r.storeId();
    call.authorize("identitystore:" + call.action(),
        "arn:aws:identitystore::" + call.account().id() + ":identitystore/" + id);
    return IdentityCenterState.of(call.account()).store(id, region(call))
        .orElseThrow(() -> StoreError.notFound("IDENTITY_STORE", null));
  }

  /** The region the request was signed for: instances and stores are regional. */
  public static String region(Call call) {
    return SigV4.read(call.request()).map(SigV4.Signature::region).orElse(IdentityCenterState.DEFAULT_REGION);
  }

  private ObjectNode listUsers(Call call, StoreRequest r) {
    var s = store(call, r);
    String userName = filter(r, "UserName");
    var users = userName == null ? s.users() : s.users().stream().filter(u -> userName.equals(u.userName())).toList();
    var page = r.page(pages, scope(s, "ListUsers", userName), users, StoreUser::userId);
    return list("Users", page, u -> StoreJson.user(s, u));
  }

  private ObjectNode listGroups(Call call, StoreRequest r) {
    var s = store(call, r);
    String name = filter(r, "DisplayName");
    var groups = name == null ? s.groups() : s.groups().stream().filter(g -> name.equals(g.displayName())).toList();
    var page = r.page(pages, scope(s, "ListGroups", name), groups, StoreGroup::groupId);
    return list("Groups", page, g -> StoreJson.group(s, g));
  }

  private ObjectNode memberships(StoreRequest r, IdentityStore s, String listing, List<StoreMembership> all) {
    var page = r.page(pages, scope(s, listing, null), all, StoreMembership::membershipId);
    return list("GroupMemberships", page, m -> StoreJson.membership(s, m));
  }

  private ObjectNode getUserId(Call call, StoreRequest r) {
    var s = store(call, r);
    JsonNode unique = uniqueAttribute(r);
    String path = unique.path("AttributePath").asText("");
    String canonical = switch (path.toLowerCase(Locale.ROOT)) {
      case "username" -> "userName";
      case "emails.value" -> "emails.value";
      default -> throw StoreError.validation("The attribute " + path + " is not a unique attribute");
    };
    var user = s.userBy(canonical, attributeValue(unique, path)).orElseThrow(() -> StoreError.notFound("USER", null));
    return StoreJson.ids(s, "UserId", user.userId());
  }

  private ObjectNode getGroupId(Call call, StoreRequest r) {
    var s = store(call, r);
    JsonNode unique = uniqueAttribute(r);
    String path = unique.path("AttributePath").asText("");
    if (!path.equalsIgnoreCase("displayName")) {
      throw StoreError.validation("The attribute " + path + " is not a unique attribute");
    }
    var group = s.groupByDisplayName(attributeValue(unique, path)).orElseThrow(() -> StoreError.notFound("GROUP", null));
    return StoreJson.ids(s, "GroupId", group.groupId());
  }

  private ObjectNode createGroup(Call call, StoreRequest r) {
    var s = store(call, r);
    return StoreJson.ids(s, "GroupId", s.createGroup(r.optional("DisplayName"), r.optional("Description")).groupId());
  }

  private ObjectNode getGroupMembershipId(Call call, StoreRequest r) {
    var s = store(call, r);
    String groupId = r.resourceId("GroupId");
    String userId = r.memberUserId();
    s.requireGroup(groupId);
    s.requireUser(userId);
    var m = s.membership(groupId, userId).orElseThrow(() -> StoreError.notFound("GROUP_MEMBERSHIP", null));
    return StoreJson.ids(s, "MembershipId", m.membershipId());
  }

  private ObjectNode isMemberInGroups(Call call, StoreRequest r) {
    var s = store(call, r);
    String userId = r.memberUserId();
    JsonNode groupIds = r.requiredNode("GroupIds");
    if (!groupIds.isArray() || groupIds.isEmpty() || groupIds.size() > 100) {
      throw StoreError.validation(Validation.failed("GroupIds", groupIds.size(),
          "Member must have length between 1 and 100"));
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    var results = out.putArray("Results");
    for (JsonNode g : groupIds) {
      var result = results.addObject().put("GroupId", g.asText());
      result.putObject("MemberId").put("UserId", userId);
      result.put("MembershipExists", s.membership(g.asText(), userId).isPresent());
    }
    return out;
  }

  /** GetUserId and GetGroupId: the sandbox keeps no external ids, so an ExternalId identifier never matches. */
  private static JsonNode uniqueAttribute(StoreRequest r) {
    JsonNode alternate = r.requiredNode("AlternateIdentifier");
    if (alternate.has("ExternalId")) throw StoreError.notFound("USER", null);
    JsonNode unique = alternate.get("UniqueAttribute");
    if (unique == null || !unique.isObject()) {
      throw StoreError.validation(Validation.notNull("AlternateIdentifier.UniqueAttribute"));
    }
    return unique;
  }

  private static String attributeValue(JsonNode unique, String path) {
    JsonNode value = unique.get("AttributeValue");
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw StoreError.validation("attribute value cannot be empty or null for attribute path " + path);
    }
    return value.asText();
  }

  /** The deprecated ListUsers/ListGroups filter: at most one, on UserName (users) or DisplayName (groups). */
  private static String filter(StoreRequest r, String allowedPath) {
    JsonNode filters = r.body().get("Filters");
    if (filters == null || filters.isNull() || filters.isEmpty()) return null;
    if (!filters.isArray() || filters.size() > 1) {
      throw StoreError.validation(Validation.failed("Filters", filters.size(),
          "Member must have length less than or equal to 1"));
    }
    JsonNode f = filters.get(0);
    String path = f.path("AttributePath").asText("");
    if (!path.equalsIgnoreCase(allowedPath)) {
      throw StoreError.validation("Filtering by attribute path " + path + " is not supported");
    }
    JsonNode value = f.get("AttributeValue");
    if (value == null || !value.isTextual()) {
      throw StoreError.validation(Validation.notNull("Filters.1.member.AttributeValue"));
    }
    return value.asText();
  }

  private static String scope(IdentityStore s, String listing, String filter) {
    return "identitystore:" + s.id() + ":" + listing + ":" + (filter == null ? "" : filter);
  }

  private static <T> ObjectNode list(String member, Paginator.Page<T> page, Function<T, ObjectNode> render) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    var items = out.putArray(member);
    page.items().forEach(i -> items.add(render.apply(i)));
    if (page.nextToken() != null) out.put("NextToken", PageTokens.encode(page.nextToken()));
    return out;
  }

  private static ObjectNode empty() {
    return Json.MAPPER.createObjectNode();
  }
}
