package io.rolecall.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's run across its targets: one outcome per account, merged into the shapes the front ends
 * render. With one target, contents and context are that target's; with several, each context path
 * holds the list of every account's values, and the table has one row per account. A result's warnings are in
 * its contents (a "Warnings" list, when there are any) and in the table's note.
 */
public record Execution(CommandSpec spec, List<AccountOutcome> outcomes) {
  public Execution {
    outcomes = List.copyOf(outcomes);
  }

  /** 0 when every target succeeded, 1 when any failed (the others still ran and are reported). */
  public int exitCode() {
    return outcomes.stream().allMatch(AccountOutcome::succeeded) ? 0 : 1;
  }

  public List<AccountOutcome> failures() {
    return outcomes.stream().filter(o -> !o.succeeded()).toList();
  }

  public boolean single() {
    return outcomes.size() == 1;
  }

  public Object contents() {
    if (single()) {
      var only = outcomes.getFirst();
      return only.succeeded() ? contents(only.result()) : errorEntry(only);
    }
    var all = new ArrayList<Object>();
    for (var o : outcomes) {
      all.add(o.succeeded() ? contents(o.result()) : errorEntry(o));
    }
    return all;
  }

  /** Every warning of the successful targets, each naming its account when there are several. */
  public List<String> warnings() {
    var all = new ArrayList<String>();
    for (var o : outcomes) {
      if (o.succeeded()) {
        for (String w : o.result().warnings()) {
          all.add(single() || o.accountId() == null ? w : o.accountId() + ": " + w);
        }
      }
    }
    return all;
  }

  private static Object contents(CommandResult r) {
    if (r.warnings().isEmpty() || !(r.contents() instanceof Map<?, ?> m)) {
      return r.contents();
    }
    var withWarnings = new LinkedHashMap<Object, Object>(m);
    withWarnings.put("Warnings", r.warnings());
    return withWarnings;
  }

  /**
   * The context of the successful targets and, when any failed, {@link #ERRORS} beside it: one entry per failed
   * target ({@code AccountId}, {@code Command}, {@code Error}), so a playbook can branch on the failures.
   */
  public Map<String, Object> context() {
    var all = new LinkedHashMap<String, Object>(successContext());
    var errors = new ArrayList<Object>();
    for (var f : failures()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("AccountId", f.accountId());
      m.put("Command", spec.name());
      m.put("Error", f.error());
      errors.add(m);
    }
    if (!errors.isEmpty()) {
      all.put(ERRORS, errors);
    }
    return all;
  }

  /** The context key of the failed targets' entries (keyed by AccountId). */
  public static final String ERRORS = "Rolecall.Error";

  private Map<String, Object> successContext() {
    if (single()) {
      var only = outcomes.getFirst();
      return only.succeeded() ? only.result().context() : Map.of();
    }
    var merged = new LinkedHashMap<String, Object>();
    for (var o : outcomes) {
      if (!o.succeeded()) {
        continue;
      }
      for (var e : o.result().context().entrySet()) {
        @SuppressWarnings("unchecked")
        var list = (List<Object>) merged.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
        if (e.getValue() instanceof List<?> values) {
          list.addAll(values);
        } else {
          list.add(e.getValue());
        }
      }
    }
    return merged;
  }

  /** The successful targets' tables joined into one (same command, same columns), warnings in the note. */
  public Table table() {
    Table merged = rows();
    var warnings = warnings();
    if (merged == null || warnings.isEmpty()) {
      return merged;
    }
    var note = new StringBuilder(merged.note() == null ? "" : merged.note());
    for (String w : warnings) {
      note.append(note.isEmpty() ? "" : "\n").append("Warning: ").append(w);
    }
    return merged.withNote(note.toString());
  }

  private Table rows() {
    Table merged = null;
    for (var o : outcomes) {
      if (!o.succeeded()) {
        continue;
      }
      Table t = o.result().table();
      if (merged == null) {
        merged = t;
      } else {
        var rows = new ArrayList<>(merged.rows());
        rows.addAll(t.rows());
        String note = merged.note() == null ? t.note() : t.note() == null ? merged.note() : merged.note() + "\n" + t.note();
        merged = new Table(merged.title(), merged.columns(), rows, note);
      }
    }
    return merged;
  }

  /** A table of the failed targets, or null when none failed. */
  public Table failureTable() {
    if (failures().isEmpty()) {
      return null;
    }
    Table t = Table.of("Failed", "Account", "Error");
    for (var f : failures()) {
      t = t.row(f.accountId() == null ? "-" : f.accountId(), f.error());
    }
    return t;
  }

  private static Map<String, Object> errorEntry(AccountOutcome o) {
    var m = new LinkedHashMap<String, Object>();
    m.put("AccountId", o.accountId());
    m.put("Error", o.error());
    return m;
  }
}
