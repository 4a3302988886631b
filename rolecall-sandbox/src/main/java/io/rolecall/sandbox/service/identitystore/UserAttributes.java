package io.rolecall.sandbox.service.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.protocol.Json;
import io.rolecall.sandbox.protocol.Validation;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user's attributes: which a CreateUser request may set, which Identity Center requires, and how UpdateUser's
 * attribute operations ({@code {"AttributePath": "name.givenName", "AttributeValue": "Ann"}}) change them. Paths are
 * the attributes' lower-camel names, matched without regard to case; a null value removes the attribute.
 */
final class UserAttributes {
  private UserAttributes() {}

  static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
  static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \\u00a0\\u3000]+");

  /** Plain string attributes, by lower-case path. */
  private static final Map<String, String> STRINGS = Map.ofEntries(
      Map.entry("username", "UserName"), Map.entry("displayname", "DisplayName"), Map.entry("nickname", "NickName"),
      Map.entry("profileurl", "ProfileUrl"), Map.entry("usertype", "UserType"), Map.entry("title", "Title"),
      Map.entry("preferredlanguage", "PreferredLanguage"), Map.entry("locale", "Locale"),
      Map.entry("timezone", "Timezone"), Map.entry("website", "Website"), Map.entry("birthdate", "Birthdate"));
  private static final Map<String, String> NAME_PARTS = Map.of("formatted", "Formatted", "familyname", "FamilyName",
      "givenname", "GivenName", "middlename", "MiddleName", "honorificprefix", "HonorificPrefix",
      "honorificsuffix", "HonorificSuffix");
  /** Multi-valued attributes (Identity Center keeps exactly one value) and the members of their values. */
  private static final Map<String, String> LISTS = Map.of("emails", "Emails", "addresses", "Addresses",
      "phonenumbers", "PhoneNumbers");
  private static final Map<String, Map<String, String>> LIST_MEMBERS = Map.of(
      "Emails", Map.of("value", "Value", "type", "Type", "primary", "Primary"),
      "PhoneNumbers", Map.of("value", "Value", "type", "Type", "primary", "Primary"),
      "Addresses", Map.of("streetaddress", "StreetAddress", "locality", "Locality", "region", "Region",
          "postalcode", "PostalCode", "country", "Country", "formatted", "Formatted", "type", "Type",
          "primary", "Primary"));

  /** The attributes a CreateUser request sets, checked as Identity Center checks them. */
  static ObjectNode forCreate(JsonNode request) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    for (String key : STRINGS.values()) {
      if (request.hasNonNull(key)) out.set(key, string(key, request.get(key)));
    }
    if (request.hasNonNull("Name")) out.set("Name", name(request.get("Name")));
    for (String key : LISTS.values()) {
      if (request.hasNonNull(key)) out.set(key, list(key, request.get(key)));
    }
    requireComplete(out);
    return out;
  }

  /** The attributes after applying UpdateUser's operations to {@code current} (which is left as it was). */
  static ObjectNode apply(ObjectNode current, JsonNode operations) {
    if (!operations.isArray() || operations.isEmpty() || operations.size() > 100) {
      throw StoreError.validation(Validation.failed("Operations", operations.size(),
          "Member must have length between 1 and 100"));
    }
    ObjectNode out = current.deepCopy();
    for (JsonNode op : operations) {
      String path = op.path("AttributePath").asText("");
      JsonNode value = op.get("AttributeValue");
      boolean remove = value == null || value.isNull();
      String[] parts = path.toLowerCase(Locale.ROOT).split("\\.", -1);
      if (parts.length == 1 && STRINGS.containsKey(parts[0])) {
        String key = STRINGS.get(parts[0]);
        if (remove) out.remove(key); else out.set(key, string(key, value));
      } else if (parts.length == 1 && parts[0].equals("name")) {
        if (remove) out.remove("Name"); else out.set("Name", name(value));
      } else if (parts.length == 2 && parts[0].equals("name") && NAME_PARTS.containsKey(parts[1])) {
        ObjectNode name = out.has("Name") ? (ObjectNode) out.get("Name") : out.putObject("Name");
        String key = NAME_PARTS.get(parts[1]);
        if (remove) name.remove(key); else name.set(key, string(key, value));
      } else if (parts.length == 1 && LISTS.containsKey(parts[0])) {
        String key = LISTS.get(parts[0]);
        if (remove) out.remove(key); else out.set(key, list(key, value));
      } else {
        throw StoreError.validation("Invalid attribute path: " + path);
      }
    }
    requireComplete(out);
    return out;
  }

  /** Identity Center requires a user name, a display name, and a given and a family name. */
  private static void requireComplete(ObjectNode user) {
    if (!user.hasNonNull("UserName")) throw StoreError.validation("userName is a required attribute");
    var missing = new ArrayList<String>();
    if (!user.hasNonNull("DisplayName")) missing.add("displayname");
    if (!user.path("Name").hasNonNull("GivenName")) missing.add("givenname");
    if (!user.path("Name").hasNonNull("FamilyName")) missing.add("familyname");
    if (!missing.isEmpty()) {
      throw StoreError.validation(String.join(", ",
          missing.stream().map(a -> a + ": The attribute " + a + " is required").toList()));
    }
  }

  private static JsonNode string(String key, JsonNode value) {
    if (!value.isTextual()) throw StoreError.validation("Invalid value for attribute " + key + ": expected a string");
    String text = value.asText();
    boolean userName = key.equals("UserName");
    int max = userName ? 128 : 1024;
    if (text.isEmpty()) throw StoreError.validation(Validation.minLength(key, "", 1));
    if (text.length() > max) throw StoreError.validation(Validation.maxLength(key, text, max));
    Pattern p = userName ? USER_NAME : TEXT;
    if (!p.matcher(text).matches()) throw StoreError.validation(Validation.pattern(key, text, p.pattern()));
    return value;
  }

  private static ObjectNode name(JsonNode value) {
    if (!value.isObject()) throw StoreError.validation("Invalid value for attribute Name: expected an object");
    ObjectNode out = Json.MAPPER.createObjectNode();
    value.properties().forEach(e -> {
      String key = NAME_PARTS.get(e.getKey().toLowerCase(Locale.ROOT));
      if (key != null && !e.getValue().isNull()) out.set(key, string(key, e.getValue()));
    });
    return out;
  }

  /** A one-element list; member names are accepted in any case ("value" or "Value") and stored as AWS spells them. */
  private static ArrayNode list(String key, JsonNode value) {
    if (!value.isArray()) throw StoreError.validation("Invalid value for attribute " + key + ": expected a list");
    if (value.size() != 1) {
      throw StoreError.validation(Validation.failed(key, value.size(), "Member must have length equal to 1"));
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    Map<String, String> members = LIST_MEMBERS.get(key);
    for (JsonNode item : value) {
      ObjectNode element = out.addObject();
      item.properties().forEach(e -> {
        String member = members.get(e.getKey().toLowerCase(Locale.ROOT));
        if (member == null || e.getValue().isNull()) return;
        element.set(member, member.equals("Primary") ? bool(e.getValue()) : string(member, e.getValue()));
      });
    }
    return out;
  }

  private static JsonNode bool(JsonNode value) {
    if (!value.isBoolean()) throw StoreError.validation("Invalid value for attribute Primary: expected a boolean");
    return value;
  }
}
