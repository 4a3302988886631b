package io.rolecall.cli;

import io.rolecall.command.Execution;
import io.rolecall.command.XsoarKeys;
import io.rolecall.render.Json;
import io.rolecall.render.Markdown;
import io.rolecall.render.TextTable;

/**
 * Prints a command's execution in the chosen format; failures and warnings (a write read back otherwise than asked,
 * a lost response settled) also go to stderr, one line each, whatever the format.
 */
final class ExecutionPrinter {
  private ExecutionPrinter() {}

  static void print(Cli cli, Execution execution, OutputFormat format) {
    print(cli, execution, format, false);
  }

  /**
   * @param xsoarKeys with {@link OutputFormat#CONTEXT}, write each key with its XSOAR key selector
   *     ({@link XsoarKeys}); failed accounts are always in the context, under {@link Execution#ERRORS}
   */
  static void print(Cli cli, Execution execution, OutputFormat format, boolean xsoarKeys) {
    switch (format) {
      case JSON -> cli.out().println(Json.pretty(execution.contents()));
      case CONTEXT -> cli.out().println(Json.pretty(xsoarKeys
          ? XsoarKeys.apply(execution.spec(), execution.context()) : execution.context()));
      case MARKDOWN -> cli.out().print(markdown(execution));
      case TABLE -> {
        var table = execution.table();
        if (table != null) {
          cli.out().print(TextTable.render(table));
        }
        if (!execution.single() && execution.failureTable() != null) {
          if (table != null) {
            cli.out().println();
          }
          cli.out().print(TextTable.render(execution.failureTable()));
        }
      }
    }
    execution.warnings().forEach(cli::warn);
    if (xsoarKeys && format != OutputFormat.CONTEXT) {
      cli.warn("--xsoar-keys applies to -o context only");
    }
    var failures = execution.failures();
    if (execution.single()) {
      failures.forEach(f -> cli.error(f.error()));
    } else if (!failures.isEmpty()) {
      cli.error(failures.size() + " of " + execution.outcomes().size() + " accounts failed: "
          + String.join(", ", failures.stream().map(f -> String.valueOf(f.accountId())).toList()));
    }
  }

  /** The war room's rendering: the results' table and, when any target failed, the table of failures. */
  static String markdown(Execution execution) {
    var out = new StringBuilder();
    if (execution.table() != null) {
      out.append(Markdown.render(execution.table()));
    }
    if (execution.failureTable() != null) {
      out.append(out.isEmpty() ? "" : "\n").append(Markdown.render(execution.failureTable()));
    }
    return out.toString();
  }
}
