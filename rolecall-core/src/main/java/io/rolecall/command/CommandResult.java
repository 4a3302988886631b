package io.rolecall.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a command produced in one account: the raw contents ({@code -o json}), the XSOAR context
 * keyed by path ({@code -o context}), the human-readable table, and the change it made if any.
 * Contents and context hold only maps, lists, strings, numbers and booleans.
 */
public record CommandResult(Object contents, Map<String, Object> context, Table table, Change change) {
  public CommandResult {
    context = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(context));
  }

  public static CommandResult of(Object contents, Map<String, Object> context, Table table) {
    return new CommandResult(contents, context, table, null);
  }

  public CommandResult withChange(Change c) {
    return new CommandResult(contents, context, table, c);
  }
}
