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

/**
 * How journal entries are shown: a table with each change's outcome and a one-line summary of it, or JSON with the
 * states parsed. An entry whose outcome was never recorded says "outcome unknown", and its change is the one asked
 * for: AWS may or may not hold it.
 */
public final class AuditView {
  private AuditView() {}

  public static Table table(List<AuditEntry> entries) {
    Table t = Table.of("Audit journal, newest first", "Id", "Time", "Actor", "Instance", "Account", "Region", "Command",
        "Resource", "Outcome", "Change", "Detail");
    for (AuditEntry e : entries) {
      t = t.row(e.id(), e.time().truncatedTo(ChronoUnit.SECONDS), e.actor(), e.instance(), e.accountId(), e.region(),
          e.command(), e.resource(), e.outcomeText(), summary(e.before(), e.after()),
          e.outcome() == null ? null : e.outcome().detail());
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
      m.put("Outcome", e.outcomeText());
      m.put("Completed", e.outcome() == null ? null : e.outcome().time().toString());
      m.put("Detail", e.outcome() == null ? null : e.outcome().detail());
      m.put("Before", parse(e.before()));
      m.put("Requested", parse(e.requested()));
      m.put("After", parse(e.outcome() == null ? null : e.outcome().after()));
      out.add(m);
    }
    return out;
  }

  /**
   * "Field: before → after" for each field that differs, joined by "; " ("created" when there was nothing, "deleted"
   * when nothing is left; lists, such as memberships, by their sizes).
   */
  public static String summary(String beforeJson, String afterJson) {
    JsonNode before = parse(beforeJson);
    JsonNode after = parse(afterJson);
    if ((after == null || after.isNull()) && before != null && before.isObject()) {
      return "deleted";
    }
    if (after != null && after.isArray()) {
      return (before != null && before.isArray() ? before.size() + " → " : "") + after.size() + " entries";
    }
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
