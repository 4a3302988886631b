package io.rolecall.commands.identitycenter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Users, groups and memberships as context entries: plain maps with the Identity Store's own member names
 * (UserId, UserName, Name.GivenName, Emails[].Value...), read off the SDK objects' field lists, so every attribute
 * the service returns reaches the context without a hand-kept copy. Unset members are left out; the record-keeping
 * members (CreatedAt, CreatedBy...) are too, as the XSOAR integration's outputs have none.
 */
final class Identities {
  private Identities() {}

  private static final Set<String> SKIPPED = Set.of("CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy");
  /** The members an entry starts with, in this order: its key first, the store it lives in last. */
  private static final List<String> USER_FIRST = List.of("UserId", "UserName", "DisplayName");
  private static final List<String> GROUP_FIRST = List.of("GroupId", "DisplayName", "Description");

  static Map<String, Object> user(SdkPojo user) {
    return ordered(map(user), USER_FIRST);
  }

  static Map<String, Object> group(SdkPojo group) {
    return ordered(map(group), GROUP_FIRST);
  }

  /** The email addresses of a user entry, primary first, for tables. */
  @SuppressWarnings("unchecked")
  static List<String> emails(Map<String, Object> user) {
    var out = new ArrayList<String>();
    var emails = (List<Map<String, Object>>) user.getOrDefault("Emails", List.of());
    for (var e : emails) {
      if (Boolean.TRUE.equals(e.get("Primary"))) {
        out.addFirst(String.valueOf(e.get("Value")));
      } else if (e.get("Value") != null) {
        out.add(String.valueOf(e.get("Value")));
      }
    }
    return out;
  }

  static Map<String, Object> map(SdkPojo pojo) {
    var out = new LinkedHashMap<String, Object>();
    for (SdkField<?> field : pojo.sdkFields()) {
      if (SKIPPED.contains(field.memberName())) {
        continue;
      }
      Object value = plain(field.getValueOrDefault(pojo));
      if (value != null) {
        out.put(field.memberName(), value);
      }
    }
    return out;
  }

  private static Object plain(Object value) {
    return switch (value) {
      case null -> null;
      case SdkAutoConstructList<?> unset -> null;
      case SdkAutoConstructMap<?, ?> unset -> null;
      case SdkPojo nested -> {
        var m = map(nested);
        yield m.isEmpty() ? null : m;
      }
      case List<?> list -> list.stream().map(Identities::plain).filter(java.util.Objects::nonNull).toList();
      case Instant t -> t.toString();
      case String s -> s;
      case Boolean b -> b;
      case Number n -> n;
      default -> value.toString();
    };
  }

  private static Map<String, Object> ordered(Map<String, Object> entry, List<String> first) {
    var out = new LinkedHashMap<String, Object>();
    for (String key : first) {
      if (entry.containsKey(key)) {
        out.put(key, entry.get(key));
      }
    }
    entry.forEach((k, v) -> {
      if (!k.equals("IdentityStoreId")) {
        out.putIfAbsent(k, v);
      }
    });
    if (entry.containsKey("IdentityStoreId")) {
      out.put("IdentityStoreId", entry.get("IdentityStoreId"));
    }
    return out;
  }
}
