package io.rolecall.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * `inventory diff`: what was added, removed and changed between two states, item by item, with the fields that
 * changed (a new access key, a policy newly attached, a trust policy edited, an instance's metadata options).
 * Only (account, part, region)s whose collection differs between the two states are compared. Fields that move
 * with every use — last-used dates — are left out unless asked for, so a diff shows what someone changed.
 */
public final class Diff {
  /** Fields that change by use, not by anyone's edit. */
  static final Set<String> VOLATILE = Set.of("lastUsedDate", "lastUsedService", "lastUsedRegion", "lastUsed",
      "passwordLastUsed", "rootPasswordLastUsed");

  public static final String ADDED = "added";
  public static final String REMOVED = "removed";
  public static final String CHANGED = "changed";

  public record Change(String accountId, Kind kind, String region, String id, String name, String change,
                       List<String> fields) {
    public Map<String, Object> json() {
      var m = new LinkedHashMap<String, Object>();
      m.put("accountId", accountId);
      m.put("kind", kind.id());
      m.put("region", region);
      m.put("id", id);
      m.put("name", name);
      m.put("change", change);
      m.put("fields", fields);
      return m;
    }
  }

  /** A part the "from" state had no items for any more (pruned): its changes cannot be told. */
  public record Gap(String accountId, Part part, String region, String reason) {
    public Map<String, Object> json() {
      var m = new LinkedHashMap<String, Object>();
      m.put("accountId", accountId);
      m.put("part", part.id());
      m.put("region", region);
      m.put("reason", reason);
      return m;
    }
  }

  public record Result(String from, String to, List<Change> changes, List<Gap> gaps) {
    public Map<String, Object> json() {
      var m = new LinkedHashMap<String, Object>();
      m.put("from", from);
      m.put("to", to);
      m.put("changes", changes.stream().map(Change::json).toList());
      m.put("gaps", gaps.stream().map(Gap::json).toList());
      return m;
    }
  }

  private Diff() {}

  /**
   * @param accounts only these accounts (all when empty)
   * @param kinds only these kinds (all when empty)
   */
  public static Result between(InventoryStore store, View from, View to, Collection<String> accounts,
      Collection<Kind> kinds, boolean allFields) {
    var before = index(store.pointers(from), accounts);
    var after = index(store.pointers(to), accounts);
    var changes = new ArrayList<Change>();
    var gaps = new ArrayList<Gap>();
    for (var e : after.entrySet()) {
      var b = before.get(e.getKey());
      var a = e.getValue();
      if (b != null && b.runId().equals(a.runId())) {
        continue;
      }
      if (kinds.stream().noneMatch(k -> k.part() == a.part()) && !kinds.isEmpty()) {
        continue;
      }
      if (b != null && b.pruned()) {
        gaps.add(new Gap(a.accountId(), a.part(), a.region(), "the earlier collection (run " + b.runId()
            + ") was pruned"));
        continue;
      }
      compare(store, b, a, kinds, allFields, changes);
    }
    changes.sort(java.util.Comparator.comparing(Change::accountId).thenComparing(c -> c.kind().ordinal())
        .thenComparing(Change::region).thenComparing(Change::id));
    return new Result(from.label(), to.label(), changes, gaps);
  }

  private static Map<String, InventoryStore.Pointer> index(List<InventoryStore.Pointer> pointers,
      Collection<String> accounts) {
    var out = new TreeMap<String, InventoryStore.Pointer>();
    for (var p : pointers) {
      if (accounts.isEmpty() || accounts.contains(p.accountId())) {
        out.put(p.accountId() + "|" + p.part().id() + "|" + p.region(), p);
      }
    }
    return out;
  }

  private static void compare(InventoryStore store, InventoryStore.Pointer before, InventoryStore.Pointer after,
      Collection<Kind> kinds, boolean allFields, List<Change> out) {
    var old = new HashMap<String, Item>();
    if (before != null) {
      store.items(before, i -> {
        if (kinds.isEmpty() || kinds.contains(i.kind())) {
          old.put(i.kind().id() + "|" + i.id(), i);
        }
      });
    }
    store.items(after, i -> {
      if (!kinds.isEmpty() && !kinds.contains(i.kind())) {
        return;
      }
      var was = old.remove(i.kind().id() + "|" + i.id());
      if (was == null) {
        out.add(new Change(i.accountId(), i.kind(), i.region(), i.id(), i.name(), ADDED, List.of()));
      } else {
        var fields = changedFields(was.data(), i.data(), allFields);
        if (!fields.isEmpty()) {
          out.add(new Change(i.accountId(), i.kind(), i.region(), i.id(), i.name(), CHANGED, fields));
        }
      }
    });
    old.values().forEach(i -> out.add(new Change(i.accountId(), i.kind(), i.region(), i.id(), i.name(), REMOVED,
        List.of())));
  }

  /** The top-level fields whose values differ, in name order. */
  static List<String> changedFields(JsonNode before, JsonNode after, boolean allFields) {
    var names = new TreeSet<String>();
    before.fieldNames().forEachRemaining(names::add);
    after.fieldNames().forEachRemaining(names::add);
    var out = new ArrayList<String>();
    for (String n : names) {
      if (!allFields && VOLATILE.contains(n)) {
        continue;
      }
      JsonNode b = before.get(n);
      JsonNode a = after.get(n);
      boolean same = b == null || b.isNull() ? a == null || a.isNull() : b.equals(a);
      if (!same) {
        out.add(n);
      }
    }
    return out;
  }
}
