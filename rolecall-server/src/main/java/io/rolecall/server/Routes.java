package io.rolecall.server;

import io.rolecall.command.CommandRegistry;
import io.rolecall.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The route table: every endpoint the engine serves, in one list that dispatch and the OpenAPI document share. */
final class Routes {
  static final String VERSION = "1";

  private Routes() {}

  static List<Route> all(CommandsApi commands, InventoryApi inventory, AccessApi access, AuditApi audit,
      PrincipalApi principal, CommandRegistry registry, Store store) {
    var routes = new ArrayList<Route>();
    routes.add(api("GET", "/v1/health", true, "Liveness: no token needed, says nothing about the estate.", null,
        List.of(), r -> Response.ok(Map.of("status", "ok", "store", store.kind().name().toLowerCase(java.util.Locale.ROOT)))));
    routes.add(api("GET", "/v1/whoami", false, "Who the request's token names: {\"name\"} (null for the engine's own"
        + " token), as the audit journal records its changes.", null, List.of(), r -> {
          var who = new java.util.LinkedHashMap<String, Object>();
          who.put("name", r.caller());
          who.put("token", r.caller() == null ? "engine" : "named");
          return Response.ok(who);
        }));
    routes.add(api("GET", "/v1/commands", false, "The commands and their arguments (from the command specs).", null,
        List.of(), commands::list));
    routes.add(api("POST", "/v1/commands/{name}", false, "Run a command: per-account contents, context, table, errors.",
        "CommandRun", List.of(), commands::run));
    routes.add(api("POST", "/v1/inventory/jobs", false, "Queue an inventory sync; any engine on the store runs it.",
        "SyncJob", List.of(), inventory::startJob));
    routes.add(api("GET", "/v1/inventory/jobs", false, "Recent sync jobs, newest first.", null, List.of("limit"),
        inventory::jobs));
    routes.add(api("GET", "/v1/inventory/jobs/{id}", false, "A sync job's status.", null, List.of(), inventory::job));
    routes.add(api("DELETE", "/v1/inventory/jobs/{id}", false, "Cancel a sync job (queued: never runs; running: stopped).",
        null, List.of(), inventory::cancel));
    routes.add(api("POST", "/v1/inventory/jobs/{id}/cancel", false, "Cancel a sync job (same as DELETE).", null,
        List.of(), inventory::cancel));
    routes.add(api("POST", "/v1/inventory/schedules", false, "Create a recurring sync (fires once per period across"
        + " all engines); 201, or 200 when the same one exists.", "Schedule", List.of(), inventory::createSchedule));
    routes.add(api("GET", "/v1/inventory/schedules", false, "The recurring syncs.", null, List.of(),
        inventory::schedules));
    routes.add(api("GET", "/v1/inventory/schedules/{id}", false, "A recurring sync and the jobs it queued.", null,
        List.of(), inventory::schedule));
    routes.add(api("DELETE", "/v1/inventory/schedules/{id}", false, "Delete a recurring sync (its jobs stay).", null,
        List.of(), inventory::deleteSchedule));
    routes.add(api("GET", "/v1/inventory/summary", false, "Every account's current state (or ?run= one past run):"
        + " status ok/partial/error, counts, parts with collectedAt.", null, List.of("account", "run"),
        inventory::summary));
    routes.add(api("GET", "/v1/inventory/list/{kind}", false, "A page of a kind's items in the current state (or"
        + " ?run=), each with collectedAt and runId (users, roles, ..., events), with the total and the nextToken of"
        + " the next page.", null, List.of("account", "run", "q", "limit", "nextToken"), inventory::list));
    routes.add(api("GET", "/v1/inventory/overview", false, "Each account's status (ok, partial, error, not-assessed),"
        + " data age and open findings by severity; findings by severity and by rule, new and resolved since ?since=",
        null, List.of("since"), inventory::overview));
    routes.add(api("GET", "/v1/inventory/findings", false, "Tracked findings of the current state (or ?run=) and the"
        + " coverage: accounts in scope not assessed, and why.", null,
        List.of("account", "severity", "rule", "status", "newSince", "maxAge", "run", "q", "sort", "limit", "nextToken"),
        inventory::findings));
    routes.add(api("GET", "/v1/inventory/principal", false, "One IAM user, role or group (?arn=) or Identity Center"
        + " user or group (?id=&kind=) of the current state: its fields, policies with their documents, memberships,"
        + " access keys, MFA devices, what it reaches, who can act as it, and its open findings.", null,
        List.of("arn", "id", "kind"), principal::principal));
    routes.add(api("GET", "/v1/inventory/history", false, "The runs, newest first, with each account's status.", null,
        List.of("account", "limit"), inventory::history));
    routes.add(api("GET", "/v1/inventory/diff", false, "Items added, removed and changed between two states.", null,
        List.of("since", "from", "to", "account", "kind", "allFields"), inventory::diff));
    routes.add(api("GET", "/v1/access/who", false, "Every principal that reaches the account at the level or above"
        + " (default admin), with its shortest path and the answer's coverage.", null, List.of("account", "level"),
        access::who));
    routes.add(api("GET", "/v1/access/reach", false, "Every (account, role, level) a principal reaches, with paths.",
        null, List.of("principal"), access::reach));
    routes.add(api("GET", "/v1/access/path", false, "The paths from a principal to a role, each hop explained.", null,
        List.of("from", "to"), access::path));
    routes.add(api("GET", "/v1/audit", false, "The audit journal, newest first (of an account, a command, an actor).",
        null, List.of("account", "command", "actor", "limit"), audit::recent));
    // The document is built from this very list, after it is complete.
    var openapi = new Object() { Map<String, Object> doc; };
    routes.add(api("GET", "/v1/openapi.json", false, "This document.", null, List.of(), r -> Response.ok(openapi.doc)));
    routes.add(file("/", "index.html", "text/html; charset=utf-8"));
    routes.add(file("/app.js", "app.js", "text/javascript; charset=utf-8"));
    routes.add(file("/style.css", "style.css", "text/css; charset=utf-8"));
    openapi.doc = OpenApi.document(routes, registry, VERSION);
    return List.copyOf(routes);
  }

  private static Route api(String method, String pattern, boolean open, String summary, String body, List<String> query,
      Route.Handler handler) {
    return new Route(method, pattern, open, true, summary, body, query, handler);
  }

  private static Route file(String path, String name, String type) {
    return new Route("GET", path, true, false, "dashboard", null, List.of(), Dashboard.file(name, type));
  }
}
