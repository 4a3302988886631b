package io.rolecall.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.render.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Building the JSON each item is stored as: {@code Nodes.of("vpcId", id, "cidrBlock", cidr)}; nulls are left out. */
final class Nodes {
  private Nodes() {}

  static ObjectNode of(Object... keyValues) {
    var node = Json.mapper().createObjectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      put(node, (String) keyValues[i], keyValues[i + 1]);
    }
    return node;
  }

  static ObjectNode put(ObjectNode node, String key, Object value) {
    switch (value) {
      case null -> { }
      case Instant t -> node.put(key, t.toString());
      case JsonNode j -> node.set(key, j);
      default -> node.set(key, Json.mapper().valueToTree(value));
    }
    return node;
  }

  /**
   * A policy document as IAM returns it (URL-encoded JSON, RFC 3986) as a JSON tree; an already decoded document
   * is taken as it is, and text that is not JSON is kept as a string rather than lost.
   */
  static JsonNode policy(String document) {
    if (document == null) {
      return null;
    }
    // RFC 3986 leaves '+' as itself; URLDecoder would read it as a space.
    String text = document.trim().startsWith("{") ? document
        : URLDecoder.decode(document.replace("+", "%2B"), StandardCharsets.UTF_8);
    try {
      return Json.mapper().readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Json.mapper().getNodeFactory().textNode(text);
    }
  }
}
