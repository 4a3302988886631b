package io.rolecall.sandbox.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.protocol.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM policy (identity or trust), parsed. Single values and lists are accepted wherever IAM accepts both;
 * a missing or unknown Effect, or a statement without Action/NotAction, is malformed.
 */
public record PolicyDocument(String json, List<Statement> statements) {

  /**
   * One statement. {@code principal} is null when the statement has neither Principal nor NotPrincipal.
   * Lists hold the raw patterns ("sts:Assume*", "arn:aws:s3:::bucket/*").
   */
  public record Statement(String sid, boolean allow, Principals principal, boolean notPrincipal, List<String> actions,
                          boolean notAction, List<String> resources, boolean notResource, List<Condition> conditions) {}

  /** {@code "*"} (anyone) or principals by type: AWS, Service, Federated, CanonicalUser. */
  public record Principals(boolean anyone, Map<String, List<String>> byType) {}

  /** One operator/key pair of a Condition block, e.g. StringEquals sts:ExternalId ["x"]. Values match as OR. */
  public record Condition(String operator, String key, List<String> values) {}

  /** The policy is not valid JSON or not a valid policy; {@code invalidJson} tells which, as IAM's messages do. */
  public static final class MalformedPolicyException extends IllegalArgumentException {
    private final boolean invalidJson;

    MalformedPolicyException(String message, boolean invalidJson) {
      super(message);
      this.invalidJson = invalidJson;
    }

    public boolean invalidJson() {
      return invalidJson;
    }
  }

  public static PolicyDocument parse(String json) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (IOException | RuntimeException e) {
      throw new MalformedPolicyException("This policy contains invalid Json", true);
    }
    if (root == null || !root.isObject()) throw new MalformedPolicyException("This policy contains invalid Json", true);
    JsonNode statementNode = root.get("Statement");
    if (statementNode == null) throw malformed("Missing required field Statement");
    var statements = new ArrayList<Statement>();
    for (JsonNode s : statementNode.isArray() ? statementNode : List.of(statementNode)) statements.add(statement(s));
    return new PolicyDocument(json, List.copyOf(statements));
  }

  private static Statement statement(JsonNode s) {
    if (!s.isObject()) throw malformed("Statement must be an object");
    String effect = text(s.get("Effect"));
    if (!"Allow".equals(effect) && !"Deny".equals(effect)) throw malformed("Invalid effect: " + effect);
    boolean notAction = s.has("NotAction");
    if (!notAction && !s.has("Action")) throw malformed("Policy statement must contain actions.");
    boolean notPrincipal = s.has("NotPrincipal");
    JsonNode principalNode = notPrincipal ? s.get("NotPrincipal") : s.get("Principal");
    boolean notResource = s.has("NotResource");
    return new Statement(text(s.get("Sid")), effect.equals("Allow"), principals(principalNode), notPrincipal,
        strings(s.get(notAction ? "NotAction" : "Action")), notAction,
        strings(s.get(notResource ? "NotResource" : "Resource")), notResource, conditions(s.get("Condition")));
  }

  private static Principals principals(JsonNode node) {
    if (node == null) return null;
    if (node.isTextual()) {
      if (!node.asText().equals("*")) throw malformed("Invalid principal: " + node.asText());
      return new Principals(true, Map.of());
    }
    if (!node.isObject()) throw malformed("Invalid principal");
    var byType = new LinkedHashMap<String, List<String>>();
    node.properties().forEach(e -> byType.put(e.getKey(), strings(e.getValue())));
    return new Principals(false, Map.copyOf(byType));
  }

  private static List<Condition> conditions(JsonNode node) {
    if (node == null) return List.of();
    if (!node.isObject()) throw malformed("Condition must be an object");
    var out = new ArrayList<Condition>();
    node.properties().forEach(op -> {
      if (!op.getValue().isObject()) throw malformed("Condition operator " + op.getKey() + " must map keys to values");
      op.getValue().properties().forEach(k -> out.add(new Condition(op.getKey(), k.getKey(), strings(k.getValue()))));
    });
    return List.copyOf(out);
  }

  private static List<String> strings(JsonNode node) {
    if (node == null || node.isNull()) return List.of();
    var out = new ArrayList<String>();
    for (JsonNode n : node.isArray() ? node : List.of(node)) {
      if (n.isContainerNode()) throw malformed("Expected a string or a list of strings");
      out.add(n.asText());
    }
    return List.copyOf(out);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static MalformedPolicyException malformed(String message) {
    return new MalformedPolicyException(message, false);
  }
}
