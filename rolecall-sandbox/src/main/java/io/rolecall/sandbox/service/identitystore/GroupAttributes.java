package io.rolecall.sandbox.service.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.protocol.Validation;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/** A group's attributes as CreateGroup and UpdateGroup's attribute operations ({@code displayName}, {@code description}) set them. */
final class GroupAttributes {
  private GroupAttributes() {}

  private static final Pattern DISPLAY_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \\u00a0]+");

  static void checkDisplayName(String displayName) {
    if (displayName == null) throw StoreError.validation("displayname: The attribute displayname is required");
    check("DisplayName", displayName, DISPLAY_NAME);
  }

  static void checkDescription(String description) {
    check("Description", description, UserAttributes.TEXT);
  }

  static StoreGroup apply(StoreGroup group, JsonNode operations, Instant now) {
    if (!operations.isArray() || operations.isEmpty() || operations.size() > 100) {
      throw StoreError.validation(Validation.failed("Operations", operations.size(),
          "Member must have length between 1 and 100"));
    }
    String displayName = group.displayName();
    String description = group.description();
    for (JsonNode op : operations) {
      String path = op.path("AttributePath").asText("");
      JsonNode value = op.get("AttributeValue");
      boolean remove = value == null || value.isNull();
      if (!remove && !value.isTextual()) {
        throw StoreError.validation("Invalid value for attribute " + path + ": expected a string");
      }
      switch (path.toLowerCase(Locale.ROOT)) {
        case "displayname" -> {
          displayName = remove ? null : value.asText();
          checkDisplayName(displayName);
        }
        case "description" -> {
          description = remove ? null : value.asText();
          if (description != null) checkDescription(description);
        }
        default -> throw StoreError.validation("Invalid attribute path: " + path);
      }
    }
    return new StoreGroup(group.groupId(), displayName, description, group.createdAt(), now);
  }

  private static void check(String member, String value, Pattern pattern) {
    if (value.isEmpty()) throw StoreError.validation(Validation.minLength(member, "", 1));
    if (value.length() > 1024) throw StoreError.validation(Validation.maxLength(member, value, 1024));
    if (!pattern.matcher(value).matches()) throw StoreError.validation(Validation.pattern(member, value, pattern.pattern()));
  }
}
