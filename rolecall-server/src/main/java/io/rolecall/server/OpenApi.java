package io.rolecall.server;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.ArgType;
import io.rolecall.command.CommandRegistry;
import io.rolecall.command.CommandSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3 document, generated from the route table and the command specs, so it cannot drift from what the
 * engine serves: every route is a path, and every command is a path of its own with its arguments' schema.
 */
final class OpenApi {
  private OpenApi() {}

  static Map<String, Object> document(List<Route> routes, CommandRegistry registry, String version) {
    var paths = new LinkedHashMap<String, Map<String, Object>>();
    for (Route r : routes) {
      if (!r.api()) {
        continue;
      }
      paths.computeIfAbsent(r.pattern(), p -> new LinkedHashMap<>())
          .put(r.method().toLowerCase(Locale.ROOT), operation(r.summary(), r, r.bodySchema()));
    }
    // One concrete path per command: its own arguments, for clients generated from this document.
    for (CommandSpec s : registry.specs()) {
      String path = "/v1/commands/" + s.name();
      var op = operation(s.description(), null, null);
      op.put("requestBody", Map.of("content", Map.of("application/json", Map.of("schema", Map.of(
          "type", "object", "properties", Map.of(
              "instance", Map.of("type", "string", "description", "Instance from the engine's config file."),
              "args", argsSchema(s)))))));
      paths.put(path, Map.of("post", op));
    }
    var doc = new LinkedHashMap<String, Object>();
    doc.put("openapi", "3.0.3");
    doc.put("info", Map.of("title", "rolecall engine", "version", version,
        "description", "Run rolecall's commands, inventory sync jobs, findings and the audit journal over HTTP."));
    doc.put("paths", paths);
    doc.put("components", Map.of(
        "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
        "schemas", schemas()));
    doc.put("security", List.of(Map.of("bearer", List.of())));
    return doc;
  }

  private static Map<String, Object> operation(String summary, Route r, String bodySchema) {
    var op = new LinkedHashMap<String, Object>();
    op.put("summary", summary);
    var params = new ArrayList<Map<String, Object>>();
    if (r != null) {
      for (String p : r.pathParams()) {
        params.add(Map.of("name", p, "in", "path", "required", true, "schema", Map.of("type", "string")));
      }
      for (String q : r.queryParams()) {
        params.add(Map.of("name", q, "in", "query", "required", false, "schema", Map.of("type", "string")));
      }
      if (r.open()) {
        op.put("security", List.of());
      }
    }
    if (!params.isEmpty()) {
      op.put("parameters", params);
    }
    if (bodySchema != null) {
      op.put("requestBody", Map.of("content", Map.of("application/json",
          Map.of("schema", Map.of("$ref", "#/components/schemas/" + bodySchema)))));
    }
    var responses = new LinkedHashMap<String, Object>();
    responses.put("200", Map.of("description", "OK", "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
    responses.put("400", ref("Bad request: a one-line message naming the field and the accepted form"));
    if (r == null || !r.open()) {
      responses.put("401", ref("No or wrong bearer token"));
    }
    responses.put("404", ref("No such resource"));
    op.put("responses", responses);
    return op;
  }

  private static Map<String, Object> ref(String description) {
    return Map.of("description", description, "content", Map.of("application/json",
        Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
  }

  private static Map<String, Object> argsSchema(CommandSpec s) {
    var props = new LinkedHashMap<String, Object>();
    var required = new ArrayList<String>();
    for (ArgSpec a : s.args()) {
      var p = new LinkedHashMap<String, Object>();
      switch (a.type()) {
        case ArgType.Int i -> { p.put("type", "integer"); p.put("minimum", i.min()); p.put("maximum", i.max()); }
        case ArgType.Bool b -> p.put("type", "boolean");
        case ArgType.Choice c -> { p.put("type", "string"); p.put("enum", c.values()); }
        default -> p.put("type", "string");
      }
      p.put("description", a.description() + " Form: " + a.type().form() + ".");
      if (a.defaultValue() != null) {
        p.put("default", a.defaultValue());
      }
      props.put(a.name(), p);
      if (a.required()) {
        required.add(a.name());
      }
    }
    var schema = new LinkedHashMap<String, Object>();
    schema.put("type", "object");
    schema.put("properties", props);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", false);
    return schema;
  }

  private static Map<String, Object> schemas() {
    var s = new LinkedHashMap<String, Object>();
    s.put("Error", Map.of("type", "object", "properties", Map.of("error", Map.of("type", "string"))));
    s.put("CommandRun", Map.of("type", "object", "properties", Map.of(
        "instance", Map.of("type", "string"),
        "args", Map.of("type", "object", "additionalProperties", true))));
    s.put("SyncJob", Map.of("type", "object", "properties", Map.of(
        "instance", Map.of("type", "string"),
        "accounts", Map.of("type", "string", "description", "all, or 12-digit ids separated by commas"),
        "regions", Map.of("type", "string", "description", "comma-separated regions (default: the instance's)"),
        "services", Map.of("type", "string", "description",
            "iam,ec2,cloudtrail,identitycenter,organizations (default: all)"),
        "eventsSince", Map.of("type", "string", "description", "30m, 12h, 7d: first-sync CloudTrail look-back"),
        "identityCenterAccount", Map.of("type", "string", "description",
            "the account holding Identity Center when the base identity's does not (a delegated administrator)")),
        "required", List.of("accounts")));
    s.put("Schedule", Map.of("type", "object", "properties", Map.of(
        "schedule", Map.of("type", "string", "description", "every 6h (s, m, h, d) or a five-field cron in UTC"),
        "instance", Map.of("type", "string"),
        "accounts", Map.of("type", "string", "description", "all, or 12-digit ids separated by commas"),
        "regions", Map.of("type", "string"),
        "services", Map.of("type", "string"),
        "eventsSince", Map.of("type", "string"),
        "identityCenterAccount", Map.of("type", "string")), "required", List.of("schedule", "accounts")));
    return s;
  }
}
