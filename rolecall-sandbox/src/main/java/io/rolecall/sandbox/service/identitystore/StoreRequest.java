package io.rolecall.sandbox.service.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.Validation;
import java.util.Collection;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reading and checking an Identity Store request's members, with the service's validation messages. */
final class StoreRequest {
  static final Pattern STORE_ID = Pattern.compile(
      "d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  static final Pattern RESOURCE_ID = Pattern.compile(
      "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}");
  /** AWS's default page size when MaxResults is absent. */
  static final int DEFAULT_PAGE = 100;

  private final JsonNode body;

  StoreRequest(JsonNode body) {
    this.body = body;
  }

  JsonNode body() {
    return body;
  }

  String required(String member) {
    JsonNode v = body.get(member);
    if (v == null || v.isNull()) throw StoreError.validation(Validation.notNull(member));
    if (!v.isTextual()) throw StoreError.validation("Invalid type for member " + member + ": expected a string");
    return v.asText();
  }

  String optional(String member) {
    JsonNode v = body.get(member);
    return v == null || v.isNull() ? null : v.asText();
  }

  JsonNode requiredNode(String member) {
    JsonNode v = body.get(member);
    if (v == null || v.isNull()) throw StoreError.validation(Validation.notNull(member));
    return v;
  }

  String storeId() {
    return matching("IdentityStoreId", required("IdentityStoreId"), STORE_ID);
  }

  /** A UserId, GroupId or MembershipId member. */
  String resourceId(String member) {
    return matching(member, required(member), RESOURCE_ID);
  }

  /** MemberId is a union with one member, UserId. */
  String memberUserId() {
    JsonNode member = requiredNode("MemberId");
    JsonNode userId = member.get("UserId");
    if (userId == null || !userId.isTextual()) throw StoreError.validation(Validation.notNull("MemberId.UserId"));
    return matching("UserId", userId.asText(), RESOURCE_ID);
  }

  /** One page of {@code items} by MaxResults (1 to 100) and NextToken, sorted by {@code key}. */
  <T> Paginator.Page<T> page(Paginator pages, String scope, Collection<T> items, Function<T, String> key) {
    JsonNode max = body.get("MaxResults");
    int limit = DEFAULT_PAGE;
    if (max != null && !max.isNull()) {
      limit = max.asInt();
      if (limit < 1) throw StoreError.validation(Validation.atLeast("MaxResults", limit, 1));
      if (limit > 100) throw StoreError.validation(Validation.atMost("MaxResults", limit, 100));
    }
    String token = optional("NextToken");
    return pages.page(scope, items, key, PageTokens.decode(token), limit);
  }

  private static String matching(String member, String value, Pattern pattern) {
    if (value.isEmpty()) throw StoreError.validation(Validation.minLength(member, value, 1));
    if (!pattern.matcher(value).matches()) throw StoreError.validation(Validation.pattern(member, value, pattern.pattern()));
    return value;
  }
}
