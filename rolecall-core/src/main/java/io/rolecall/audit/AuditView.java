package io.rolecall.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.command.Table;
import io.rolecall.render.Json;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How journal entries are shown: a table with a one-line summary of each change, or JSON with the states parsed. */
public final class AuditView {
  private AuditView() {}

  public static Table table(List<AuditEntry> entries) {
    Table t = Table.of("Audit journal, newest first", "Id", "Time", "Actor", "Instance", "Account", "Region", "Command",
        "Resource", "Change");
    for (AuditEntry e : entries) {
      t = t.row(e.id(), e.time().truncatedTo(ChronoUnit.SECONDS), e.actor(), e.instance(), e.accountId(), e.region(),
          e.command(), e.resource(), summary(e.before(), e.after()));
    }
    return t.withNote(entries.isEmpty() ? "No change has been applied yet." : null);
  }

  public static List<Map<String, Object>> json(List<AuditEntry> entries) {
    var out = new ArrayList<Map<String, Object>>();
    for (AuditEntry e : entries) {
      var m = new LinkedHashMap<String, Object>();
      m.put("Id", e.id());
      m.put("Time", e.time().toString());
      m.put("Actor", e.actor());
      m.put("Instance", e.instance());
      m.put("AccountId", e.accountId());
      m.put("Region", e.region());
      m.put("Command", e.command());
      m.put("Arguments", e.arguments());
      m.put("Principal", e.principal());
      m.put("Resource", e.resource());
      m.put("Before", parse(e.before()));
      m.put("After", parse(e.after()));
      out.add(m);
    }
    return out;
  }

  /** "Field: before → after" for each field that differs, joined by "; " ("created" when there was nothing). */
  public static String summary(String beforeJson, String afterJson) {
    JsonNode before = parse(beforeJson);
    JsonNode after = parse(afterJson);
    if (!(after instanceof com.fasterxml.jackson.databind.node.ObjectNode)) {
      return String.valueOf(afterJson);
    }
    boolean created = before == null || before.isNull();
    var fields = new LinkedHashSet<String>();
    after.fieldNames().forEachRemaining(fields::add);
    if (!created) {
      before.fieldNames().forEachRemaining(fields::add);
    }
    var parts = new ArrayList<String>();
    for (String f : fields) {
      JsonNode b = created ? null : before.get(f);
      JsonNode a = after.get(f);
      if (!Objects.equals(b, a)) {
        parts.add(f + ": " + shown(b) + " → " + shown(a));
      }
    }
    return (created ? "created; " : "") + String.join("; ", parts);
  }

  private static String shown(JsonNode n) {
    return n == null || n.isNull() ? "unset" : n.isTextual() ? n.asText() : n.toString();
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      return Json.mapper().getNodeFactory().textNode(json);
    }
  }
}
