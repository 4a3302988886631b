package io.rolecall.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.render.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API request as the handlers see it: path parameters, query parameters, the body, and the name of the named token
 * it came with ({@code caller}; null for the engine's own token or an open route).
 */
record Request(String method, String path, Map<String, String> params, Map<String, String> query, byte[] body,
               String caller) {

  Request(String method, String path, Map<String, String> params, Map<String, String> query, byte[] body) {
    this(method, path, params, query, body, null);
  }

  String param(String name) {
    return params.get(name);
  }

  /** The body as a JSON object; an empty body is {}. Anything else is a 400 naming what was expected. */
  ObjectNode json() {
    if (body.length == 0) {
      return Json.mapper().createObjectNode();
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson's message spans lines and quotes the input: give the position only.
      var loc = e.getLocation();
      throw new ApiException(400, "body: expected a JSON object, got malformed JSON"
          + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()));
    } catch (java.io.IOException e) {
      throw new ApiException(400, "body: cannot be read");
    }
    if (node == null || !node.isObject()) {
      throw new ApiException(400, "body: expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()
          .name().toLowerCase(java.util.Locale.ROOT)));
    }
    return (ObjectNode) node;
  }

  static Map<String, String> parseQuery(String raw) {
    var out = new LinkedHashMap<String, String>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      String name = PercentDecoding.query(k, "query");
      out.put(name, PercentDecoding.query(v, "query: " + io.rolecall.Shown.quoted(name)));
    }
    return out;
  }
}
