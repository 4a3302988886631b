package io.rolecall.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.UsageException;
import io.rolecall.command.CommandExecutor;
import io.rolecall.inventory.InventorySync;
import io.rolecall.inventory.SyncOptions;
import io.rolecall.render.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /v1/inventory/jobs}, the same options as `inventory sync`: {@code {"instance",
 * "accounts": "all" | "id,id" | [ids], "regions", "services", "eventsSince", "identityCenterAccount"}}. Checked when
 * the job is queued (a bad value is a 400 then, not a failed job later), kept as JSON in the job's row. How many
 * accounts run at once is each engine's to say ({@code serve --workers}), not a job's: its accounts are tasks that
 * any engine may take.
 */
final class SyncJobs {
  static final String KIND = "inventory-sync";
  private static final Set<String> KEYS = Set.of("instance", "accounts", "regions", "services", "eventsSince",
      "identityCenterAccount");

  private SyncJobs() {}

  /** The normalized options (strings), checked; throws UsageException naming the bad field. */
  static Map<String, String> options(ObjectNode body) {
    body.fieldNames().forEachRemaining(k -> {
      if (k.equals("parallel")) {
        throw new UsageException("parallel: not a job option: a job's accounts are tasks any engine takes, and each"
            + " engine's serve --workers (default: --parallel) bounds how many it syncs at once");
      }
      if (!KEYS.contains(k)) {
        throw new UsageException("body: unknown field '" + k + "'; expected " + String.join(", ", KEYS.stream().sorted().toList()));
      }
    });
    var out = new LinkedHashMap<String, String>();
    for (String k : KEYS) {
      String v = text(body.get(k), k);
      if (v != null && !k.equals("instance")) {
        out.put(k, v);
      }
    }
    request(out);
    return out;
  }

  static String instance(ObjectNode body) {
    return text(body.get("instance"), "instance");
  }

  /** The sync request the options describe. */
  static InventorySync.Request request(Map<String, String> o) {
    return new InventorySync.Request(SyncOptions.accounts(o.get("accounts")), SyncOptions.regions(o.get("regions")),
        SyncOptions.parts(o.get("services")), CommandExecutor.DEFAULT_PARALLELISM,
        SyncOptions.eventsSince(o.get("eventsSince")), SyncOptions.identityCenterAccount(o.get("identityCenterAccount")));
  }

  /** The sync request of a stored job's JSON. */
  static InventorySync.Request stored(String json) {
    return request(parse(json));
  }

  static Map<String, String> parse(String json) {
    var node = Json.mapper().convertValue(readTree(json), Map.class);
    var out = new LinkedHashMap<String, String>();
    node.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    return out;
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored job request is not JSON", e);
    }
  }

  /** A string, number or list of them as the comma-separated text the CLI options take; null when absent. */
  static String text(JsonNode n, String field) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual() || n.isNumber() || n.isBoolean()) {
      return n.asText();
    }
    if (n.isArray()) {
      var parts = new java.util.ArrayList<String>();
      for (JsonNode e : n) {
        if (!(e.isTextual() || e.isNumber())) {
          throw new UsageException(field + ": expected a string or a list of strings");
        }
        parts.add(e.asText());
      }
      return String.join(",", parts);
    }
    throw new UsageException(field + ": expected a string, number, boolean or a list of strings, got an object");
  }
}
