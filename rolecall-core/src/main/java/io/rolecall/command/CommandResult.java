package io.rolecall.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command produced in one account: the raw contents ({@code -o json}), the XSOAR context
 * keyed by path ({@code -o context}), the human-readable table, and warnings: how what a write read back
 * differs from what was asked, or how a lost response was settled. Contents and context hold only maps, lists,
 * strings, numbers and booleans.
 */
public record CommandResult(Object contents, Map<String, Object> context, Table table, List<String> warnings) {
  public CommandResult {
    context = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(context));
    warnings = List.copyOf(warnings);
  }

  public static CommandResult of(Object contents, Map<String, Object> context, Table table) {
    return new CommandResult(contents, context, table, List.of());
  }

  public CommandResult withWarnings(List<String> more) {
    var all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new CommandResult(contents, context, table, all);
  }
}
