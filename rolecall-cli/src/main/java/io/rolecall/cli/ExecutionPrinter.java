package io.rolecall.cli;

import io.rolecall.command.Execution;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;

/**
 * Prints a command's execution in the chosen format; failures and warnings (a write read back otherwise than asked,
 * a lost response settled) also go to stderr, one line each, whatever the format.
 */
final class ExecutionPrinter {
  private ExecutionPrinter() {}

  static void print(Cli cli, Execution execution, OutputFormat format) {
    switch (format) {
      case JSON -> cli.out().println(Json.pretty(execution.contents()));
      case CONTEXT -> cli.out().println(Json.pretty(execution.context()));
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
    var failures = execution.failures();
    if (execution.single()) {
      failures.forEach(f -> cli.error(f.error()));
    } else if (!failures.isEmpty()) {
      cli.error(failures.size() + " of " + execution.outcomes().size() + " accounts failed: "
          + String.join(", ", failures.stream().map(f -> String.valueOf(f.accountId())).toList()));
    }
  }
}
