package io.rolecall.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading IAM policy documents for the findings: full admin grants and who a trust policy lets in. */
final class PolicyAnalysis {
  private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("arn:aws[\\w-]*:(?:iam|sts)::(\\d{12}):.*");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private PolicyAnalysis() {}

  /** True when some statement allows every action ("*" or "*:*") on every resource: administrator access. */
  static boolean grantsAdmin(JsonNode document) {
    for (JsonNode st : statements(document)) {
      if (allows(st) && !st.has("NotAction") && values(st.get("Action")).stream().anyMatch(a -> a.equals("*") || a.equals("*:*"))
          && values(st.get("Resource")).contains("*")) {
        return true;
      }
    }
    return false;
  }

  /** A principal a trust policy lets assume the role, and whether its statement demands an ExternalId or MFA. */
  record Trustee(String principal, String accountId, boolean guarded) {
    boolean everyone() {
      return principal.equals("*");
    }
  }

  /** The AWS principals (and "*") allowed by a role's trust policy; service and federated principals are left out. */
  static List<Trustee> trustees(JsonNode trustPolicy) {
    var out = new ArrayList<Trustee>();
    for (JsonNode st : statements(trustPolicy)) {
      if (!allows(st)) {
        continue;
      }
      boolean guarded = guarded(st.get("Condition"));
      JsonNode principal = st.get("Principal");
      if (principal == null) {
        continue;
      }
      if (principal.isTextual()) {
        if (principal.asText().equals("*")) {
          out.add(new Trustee("*", null, guarded));
        }
        continue;
      }
      for (String p : values(principal.get("AWS"))) {
        out.add(new Trustee(p, accountOf(p), guarded));
      }
    }
    return out;
  }

  /** The account a principal belongs to: "123456789012", "arn:aws:iam::123456789012:root", a user or role ARN. */
  static String accountOf(String principal) {
    if (ACCOUNT_ID.matcher(principal).matches()) {
      return principal;
    }
    Matcher m = ACCOUNT_IN_ARN.matcher(principal);
    return m.matches() ? m.group(1) : null;
  }

  private static boolean allows(JsonNode statement) {
    return "Allow".equalsIgnoreCase(statement.path("Effect").asText());
  }

  private static List<JsonNode> statements(JsonNode document) {
    var out = new ArrayList<JsonNode>();
    if (document == null || !document.isObject()) {
      return out;
    }
    JsonNode st = document.get("Statement");
    if (st == null) {
      return out;
    }
    if (st.isArray()) {
      st.forEach(out::add);
    } else {
      out.add(st);
    }
    return out;
  }

  /** A string or an array of strings, as policy grammar allows for Action, Resource and principals. */
  static List<String> values(JsonNode node) {
    var out = new ArrayList<String>();
    if (node == null) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (node.isValueNode()) {
      out.add(node.asText());
    }
    return out;
  }

  /**
   * Whether a statement's condition demands an ExternalId (any operator on sts:ExternalId) or MFA
   * (aws:MultiFactorAuthPresent true, not ...IfExists, which lets sessions without the key through).
   */
  static boolean guarded(JsonNode condition) {
    if (condition == null || !condition.isObject()) {
      return false;
    }
    for (var op : condition.properties()) {
      if (!op.getValue().isObject()) {
        continue;
      }
      for (var key : op.getValue().properties()) {
        String name = key.getKey().toLowerCase(Locale.ROOT);
        if (name.equals("sts:externalid")) {
          return true;
        }
        if (name.equals("aws:multifactorauthpresent") && !op.getKey().endsWith("IfExists")
            && values(key.getValue()).stream().anyMatch(v -> v.equalsIgnoreCase("true"))) {
          return true;
        }
      }
    }
    return false;
  }
}
