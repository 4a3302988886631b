package io.rolecall.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Parses policy documents once per distinct text and interns what they are made of (patterns, condition keys,
 * labels), so a policy attached in a thousand accounts is one set of statements in memory. One instance per
 * graph build; not thread-safe.
 */
final class Documents {
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern ROOT = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):root");
  private static final Pattern USER_OR_ROLE = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):(user|role)/.+");
  private static final Pattern SESSION = Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/.+");

  private final Map<Text, Document> byText = new HashMap<>();
  private final Map<String, Wildcard> actions = new HashMap<>();
  private final Map<String, Wildcard> resources = new HashMap<>();
  private final Map<String, String> strings = new HashMap<>();

  /** A document as the inventory stores it (parsed JSON); null when there is none, unreadable when not a policy. */
  Document parse(JsonNode doc) {
    if (doc == null || doc.isNull() || doc.isMissingNode()) {
      return null;
    }
    if (!doc.isObject()) {
      return Document.UNREADABLE;
    }
    return byText.computeIfAbsent(new Text(bytes(doc)), t -> read(doc));
  }

  /** A document's compact JSON, as a map key: half the memory of a String for ASCII and no char[] on the way. */
  private record Text(byte[] utf8) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Text t && java.util.Arrays.equals(utf8, t.utf8);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(utf8);
    }
  }

  private static byte[] bytes(JsonNode doc) {
    try {
      return io.rolecall.render.Json.mapper().writeValueAsBytes(doc);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree that cannot be written back", e);
    }
  }

  String intern(String s) {
    return s == null ? null : strings.computeIfAbsent(s, x -> x);
  }

  Wildcard action(String pattern) {
    return actions.computeIfAbsent(pattern, Wildcard::action);
  }

  private Document read(JsonNode doc) {
    JsonNode st = doc.get("Statement");
    if (st == null || !(st.isArray() || st.isObject())) {
      return Document.UNREADABLE;
    }
    var out = new ArrayList<Statement>();
    int n = 0;
    for (JsonNode s : st.isArray() ? st : List.of(st)) {
      n++;
      if (s.isObject()) {
        Statement parsed = statement(s, n);
        if (parsed != null) {
          out.add(parsed);
        }
      }
    }
    return new Document(List.copyOf(out), true);
  }

  private Statement statement(JsonNode s, int index) {
    String effect = s.path("Effect").asText("");
    if (!effect.equals("Allow") && !effect.equals("Deny")) {
      return null; // IAM accepts only these two; anything else grants and denies nothing
    }
    boolean notAction = !s.has("Action") && s.has("NotAction");
    var acts = values(s.get(notAction ? "NotAction" : "Action")).stream().map(this::action).toList();
    boolean notResource = !s.has("Resource") && s.has("NotResource");
    var res = values(s.get(notResource ? "NotResource" : "Resource")).stream()
        .map(r -> resources.computeIfAbsent(r, Wildcard::resource)).toList();
    PrincipalSet principals = PrincipalSet.NONE;
    if (s.has("Principal")) {
      principals = principals(s.get("Principal"), false);
    } else if (s.has("NotPrincipal")) {
      principals = principals(s.get("NotPrincipal"), true);
    }
    JsonNode sid = s.get("Sid");
    String label = sid != null && sid.isTextual() && !sid.asText().isEmpty() ? "'" + sid.asText() + "'" : "#" + index;
    return new Statement(effect.equals("Allow"), acts, notAction, res, notResource, principals,
        conditionKeys(s.get("Condition")), intern(label));
  }

  private PrincipalSet principals(JsonNode p, boolean negated) {
    if (p.isTextual()) {
      return new PrincipalSet(p.asText().equals("*"), Set.of(), Set.of(), Set.of(), 0, negated);
    }
    if (!p.isObject()) {
      return PrincipalSet.NONE;
    }
    boolean everyone = false;
    Set<String> accounts = new HashSet<>();
    Set<String> arns = new HashSet<>();
    for (String a : values(p.get("AWS"))) {
      var root = ROOT.matcher(a);
      var session = SESSION.matcher(a);
      if (a.equals("*")) {
        everyone = true;
      } else if (ACCOUNT.matcher(a).matches()) {
        accounts.add(intern(a));
      } else if (root.matches()) {
        accounts.add(intern(root.group(1)));
      } else if (USER_OR_ROLE.matcher(a).matches()) {
        arns.add(intern(a));
      } else if (session.matches()) {
        // A trust may name one session; it is the role (at path "/", which a session ARN does not show).
        arns.add(intern("arn:" + session.group(1) + ":iam::" + session.group(2) + ":role/" + session.group(3)));
      } // a unique id (AIDA..., AROA...) names a deleted principal: nobody can use it
    }
    Set<String> services = new HashSet<>();
    values(p.get("Service")).forEach(s -> services.add(intern(s.toLowerCase(Locale.ROOT))));
    int federated = values(p.get("Federated")).size();
    return new PrincipalSet(everyone, Set.copyOf(accounts), Set.copyOf(arns), Set.copyOf(services), federated,
        negated);
  }

  /** The condition keys a statement tests, one spelling each, in a stable order. */
  private List<String> conditionKeys(JsonNode condition) {
    if (condition == null || !condition.isObject()) {
      return List.of();
    }
    var keys = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
    for (var op : condition.properties()) {
      if (op.getValue().isObject()) {
        op.getValue().properties().forEach(k -> keys.add(k.getKey()));
      }
    }
    return keys.stream().map(this::intern).toList();
  }

  /** A string or an array of strings, as policy grammar allows; anything else counts as nothing. */
  static List<String> values(JsonNode node) {
    if (node == null) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    var out = new ArrayList<String>();
    if (node.isArray()) {
      node.forEach(n -> {
        if (n.isTextual()) {
          out.add(n.asText());
        }
      });
    }
    return out;
  }
}
