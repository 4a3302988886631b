package io.rolecall.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.UsageException;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.CommandExecutor;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Execution;
import io.rolecall.render.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /v1/commands} and {@code POST /v1/commands/{name}}: the CLI's commands, run by the same executor. */
final class CommandsApi {
  private static final Set<String> BODY_KEYS = Set.of("instance", "args");

  private final CommandExecutor executor;
  private final Instances instances;

  CommandsApi(CommandExecutor executor, Instances instances) {
    this.executor = executor;
    this.instances = instances;
  }

  Response list(Request r) {
    var out = new ArrayList<Map<String, Object>>();
    for (CommandSpec s : executor.registry().specs()) {
      out.add(describe(s));
    }
    return Response.ok(Map.of("commands", out));
  }

  static Map<String, Object> describe(CommandSpec s) {
    var m = new LinkedHashMap<String, Object>();
    m.put("name", s.name());
    m.put("integration", s.integration());
    m.put("description", s.description());
    m.put("mutating", s.mutating());
    var args = new ArrayList<Map<String, Object>>();
    for (ArgSpec a : s.args()) {
      var am = new LinkedHashMap<String, Object>();
      am.put("name", a.name());
      am.put("required", a.required());
      am.put("form", a.type().form());
      am.put("default", a.defaultValue());
      am.put("description", a.description());
      args.add(am);
    }
    m.put("args", args);
    m.put("outputs", s.outputs());
    m.put("permissions", s.permissions());
    return m;
  }

  /** Runs a command; per-account failures are in the body (status 200, "ok": false), usage errors are a 400. */
  Response run(Request r) {
    String name = r.param("name");
    executor.registry().require(name);
    ObjectNode body = r.json();
    body.fieldNames().forEachRemaining(k -> {
      if (!BODY_KEYS.contains(k)) {
        throw new UsageException("body: unknown field '" + k + "'; expected instance and args");
      }
    });
    String instance = SyncJobs.text(body.get("instance"), "instance");
    var args = new LinkedHashMap<String, String>();
    var argsNode = body.get("args");
    if (argsNode != null && !argsNode.isNull()) {
      if (!argsNode.isObject()) {
        throw new UsageException("args: expected a JSON object of name: value");
      }
      argsNode.properties().forEach(e -> {
        String v = SyncJobs.text(e.getValue(), e.getKey());
        if (v != null) {
          args.put(e.getKey(), v);
        }
      });
    }
    // A named token's holder is the journal's actor ("alice (engine)"); the engine's own token keeps serve's actor.
    Execution execution = r.caller() == null ? executor.execute(instances.settings(instance), name, args)
        : executor.execute(instances.settings(instance), name, args, r.caller() + " (engine)");
    return Response.ok(result(name, execution));
  }

  /**
   * The shapes the CLI prints, in one object: -o json (contents), -o context (failed accounts under
   * Rolecall.Error), the same with XSOAR key selectors (entryContext), the table's text (humanReadable), the war
   * room's markdown (readableOutput), and the failures beside the successes (errors).
   */
  static Map<String, Object> result(String name, Execution e) {
    var m = new LinkedHashMap<String, Object>();
    m.put("command", name);
    m.put("ok", e.exitCode() == 0);
    m.put("contents", e.contents());
    m.put("context", e.context());
    m.put("entryContext", io.rolecall.command.XsoarKeys.apply(e.spec(), e.context()));
    var human = new StringBuilder();
    if (e.table() != null) {
      human.append(TextTable.render(e.table()));
    }
    if (!e.single() && e.failureTable() != null) {
      human.append(human.isEmpty() ? "" : "\n").append(TextTable.render(e.failureTable()));
    }
    m.put("humanReadable", human.toString());
    var readable = new StringBuilder();
    if (e.table() != null) {
      readable.append(io.rolecall.render.Markdown.render(e.table()));
    }
    if (e.failureTable() != null) {
      readable.append(readable.isEmpty() ? "" : "\n").append(io.rolecall.render.Markdown.render(e.failureTable()));
    }
    m.put("readableOutput", readable.toString());
    m.put("table", e.table());
    var errors = new ArrayList<Map<String, Object>>();
    for (var f : e.failures()) {
      var fm = new LinkedHashMap<String, Object>();
      fm.put("accountId", f.accountId());
      fm.put("error", f.error());
      errors.add(fm);
    }
    m.put("errors", errors);
    m.put("warnings", e.warnings());
    m.put("accounts", e.outcomes().stream().map(o -> o.accountId()).filter(a -> a != null).toList());
    return m;
  }

  static List<String> names(CommandExecutor executor) {
    return executor.registry().specs().stream().map(CommandSpec::name).toList();
  }
}
