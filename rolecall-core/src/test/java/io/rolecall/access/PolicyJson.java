package io.rolecall.access;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.render.Json;

/** Policy documents for tests, as IAM stores them: {@code doc(allow("*", "s3:GetObject"), deny(...))}. */
final class PolicyJson {
  private PolicyJson() {}

  static ObjectNode doc(ObjectNode... statements) {
    var d = Json.mapper().createObjectNode().put("Version", "2012-10-17");
    ArrayNode st = d.putArray("Statement");
    for (ObjectNode s : statements) {
      st.add(s);
    }
    return d;
  }

  static ObjectNode allow(String resource, String... actions) {
    return statement("Allow", resource, actions);
  }

  static ObjectNode deny(String resource, String... actions) {
    return statement("Deny", resource, actions);
  }

  static ObjectNode statement(String effect, String resource, String... actions) {
    var s = Json.mapper().createObjectNode().put("Effect", effect);
    strings(s, "Action", actions);
    s.put("Resource", resource);
    return s;
  }

  /** Adds a condition {@code {op: {key: value}}} to a statement. */
  static ObjectNode when(ObjectNode statement, String op, String key, String value) {
    var c = statement.has("Condition") ? (ObjectNode) statement.get("Condition") : statement.putObject("Condition");
    var o = c.has(op) ? (ObjectNode) c.get(op) : c.putObject(op);
    o.put(key, value);
    return statement;
  }

  /** A trust statement admitting AWS principals (ARNs, account ids or "*") to sts:AssumeRole. */
  static ObjectNode trustAws(String... principals) {
    var s = Json.mapper().createObjectNode().put("Effect", "Allow");
    strings(s.putObject("Principal"), "AWS", principals);
    return s.put("Action", "sts:AssumeRole");
  }

  static ObjectNode trustService(String service) {
    var s = Json.mapper().createObjectNode().put("Effect", "Allow");
    s.putObject("Principal").put("Service", service);
    return s.put("Action", "sts:AssumeRole");
  }

  static ObjectNode trustSaml(String providerArn) {
    var s = Json.mapper().createObjectNode().put("Effect", "Allow");
    s.putObject("Principal").put("Federated", providerArn);
    s.putArray("Action").add("sts:AssumeRoleWithSAML").add("sts:TagSession");
    return s;
  }

  static final ObjectNode ADMIN = doc(allow("*", "*"));
  static final ObjectNode READ_ONLY = doc(allow("*", "*:Describe*", "*:Get*", "*:List*"));

  private static void strings(ObjectNode into, String field, String... values) {
    if (values.length == 1) {
      into.put(field, values[0]);
    } else {
      var a = into.putArray(field);
      for (String v : values) {
        a.add(v);
      }
    }
  }
}
