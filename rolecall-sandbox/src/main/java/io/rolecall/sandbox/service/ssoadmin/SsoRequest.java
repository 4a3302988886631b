package io.rolecall.sandbox.service.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.Validation;
import io.rolecall.sandbox.service.identitystore.PageTokens;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reading an SSO Admin request's members with the service model's constraints (lengths, patterns, enums) and AWS's
 * validation messages, which name the member in lower camel case.
 */
final class SsoRequest {
  static final Pattern INSTANCE_ARN = Pattern.compile("arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}");
  static final Pattern PERMISSION_SET_ARN = Pattern.compile(
      "arn:aws(-[a-z]{1,5}){0,3}:sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}");
  static final Pattern MANAGED_POLICY_ARN = Pattern.compile(
      "arn:aws(-[a-z]{1,5}){0,3}:iam::aws:policy((/[A-Za-z0-9\\.,\\+@=_-]+)*)/([A-Za-z0-9\\.,\\+=@_-]+)");
  static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  static final Pattern PRINCIPAL_ID = Pattern.compile(
      "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}");
  static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
  static final Pattern DESCRIPTION = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
  static final Pattern DURATION = Pattern.compile(
      "(-?)P(?=\\d|T\\d)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)([DW]))?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");
  static final Pattern RELAY_STATE = Pattern.compile("[a-zA-Z0-9&$@#\\\\/%?=~\\-_'\"|!:,.;*+\\[\\] (){}]+");
  static final Pattern POLICY_DOCUMENT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
  static final Pattern REQUEST_ID = Pattern.compile("\\b[0-9a-f]{8}\\b-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-\\b[0-9a-f]{12}\\b");
  static final Pattern POLICY_PATH = Pattern.compile("((/[A-Za-z0-9\\.,\\+@=_-]+)*)/");
  static final Pattern TOKEN = Pattern.compile("[-a-zA-Z0-9+=/_]*");
  static final int DEFAULT_PAGE = 100;
  /** Identity Center's session durations: 1 to 12 hours. */
  static final Duration MIN_SESSION = Duration.ofHours(1);
  static final Duration MAX_SESSION = Duration.ofHours(12);

  private final JsonNode body;

  SsoRequest(JsonNode body) {
    this.body = body;
  }

  String instanceArn() {
    return required("InstanceArn", 10, 1224, INSTANCE_ARN);
  }

  String permissionSetArn() {
    return required("PermissionSetArn", 10, 1224, PERMISSION_SET_ARN);
  }

  String accountId(String member) {
    return required(member, 12, 12, ACCOUNT_ID);
  }

  String principalId() {
    return required("PrincipalId", 1, 47, PRINCIPAL_ID);
  }

  String requestId(String member) {
    return required(member, 36, 36, REQUEST_ID);
  }

  /** An ISO-8601 session duration from PT1H to PT12H, or null when absent. */
  String sessionDuration() {
    String value = optional("SessionDuration", 1, 100, DURATION);
    if (value == null) return null;
    try {
      var d = Duration.parse(value);
      if (d.compareTo(MIN_SESSION) >= 0 && d.compareTo(MAX_SESSION) <= 0) return value;
    } catch (DateTimeParseException e) {
      // years, months and weeks parse as ISO-8601 but not as a Duration: out of range either way
    }
    throw SsoErrors.validation(Validation.failed("SessionDuration", value,
        "Member must be an ISO-8601 duration from PT1H to PT12H"));
  }

  /** A CustomerManagedPolicyReference structure: Name required, Path "/" when absent. */
  CustomerPolicyReference policyReference(JsonNode node, String member) {
    if (node == null || node.isNull()) throw SsoErrors.validation(Validation.notNull(member));
    if (!node.isObject()) throw SsoErrors.validation("Invalid type for member " + member + ": expected a structure");
    var ref = new SsoRequest(node);
    String prefix = Validation.member(member) + ".";
    String name = ref.required("Name", 1, 128, NAME, prefix);
    String path = ref.optional("Path", 1, 512, POLICY_PATH, prefix);
    return new CustomerPolicyReference(name, path);
  }

  JsonNode node(String member) {
    return body.get(member);
  }

  <E extends Enum<E>> E enumValue(String member, Class<E> type, boolean required) {
    String value = required ? required(member, 1, Integer.MAX_VALUE, null) : optional(member, 1, Integer.MAX_VALUE, null);
    if (value == null) return null;
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw SsoErrors.validation(Validation.failed(member, value, "Member must satisfy enum value set: "
          + Arrays.toString(type.getEnumConstants())));
    }
  }

  String required(String member, int min, int max, Pattern pattern) {
    return required(member, min, max, pattern, "");
  }

  String optional(String member, int min, int max, Pattern pattern) {
    return optional(member, min, max, pattern, "");
  }

  private String required(String member, int min, int max, Pattern pattern, String prefix) {
    String value = optional(member, min, max, pattern, prefix);
    if (value == null) throw SsoErrors.validation(Validation.notNull(prefix + Validation.member(member)));
    return value;
  }

  private String optional(String member, int min, int max, Pattern pattern, String prefix) {
    JsonNode v = body.get(member);
    if (v == null || v.isNull()) return null;
    String name = prefix + Validation.member(member);
    if (!v.isTextual()) throw SsoErrors.validation("Invalid type for member " + name + ": expected a string");
    String value = v.asText();
    if (value.length() < min) throw SsoErrors.validation(Validation.minLength(name, value, min));
    if (value.length() > max) throw SsoErrors.validation(Validation.maxLength(name, value, max));
    if (pattern != null && !pattern.matcher(value).matches()) {
      throw SsoErrors.validation(Validation.pattern(name, value, pattern.pattern()));
    }
    return value;
  }

  /** One page by MaxResults (1 to 100, default 100) and NextToken, in {@code key} order. */
  <T> Paginator.Page<T> page(Paginator pages, String scope, Collection<T> items, Function<T, String> key) {
    int limit = DEFAULT_PAGE;
    JsonNode max = body.get("MaxResults");
    if (max != null && !max.isNull()) {
      if (!max.canConvertToInt()) throw SsoErrors.validation("Invalid type for member maxResults: expected an integer");
      limit = max.asInt();
      if (limit < 1) throw SsoErrors.validation(Validation.atLeast("MaxResults", limit, 1));
      if (limit > 100) throw SsoErrors.validation(Validation.atMost("MaxResults", limit, 100));
    }
    String token = optional("NextToken", 0, 2048, TOKEN);
    return pages.page(scope, items, key, PageTokens.decode(token), limit);
  }
}
