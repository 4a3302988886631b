package io.rolecall.cli;

import io.rolecall.UsageException;
import io.rolecall.audit.AuditEntry;
import io.rolecall.audit.AuditView;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;
import io.rolecall.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall audit [--limit N] [-o json]}: the changes rolecall made, newest first, from the store (--db). It
 * only reads: a store that does not exist is not created (a mistyped --db is an error naming the path).
 */
@Command(name = "audit", description = "List the changes rolecall applied (the audit journal), newest first.")
final class AuditCommand implements Callable<Integer> {
  static final int MAX_LIMIT = 10_000;

  @ParentCommand
  RolecallCommand root;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "Show at most N entries, 1 to " + MAX_LIMIT + " (default 20).")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new UsageException("--limit: expected a whole number from 1 to " + MAX_LIMIT + ", got " + limit);
    }
    OutputFormat format = OutputFormat.parse(root.global.output);
    if (format == OutputFormat.CONTEXT) {
      throw new UsageException("--output: audit prints table or json, not context");
    }
    String location = root.dbLocation();
    List<AuditEntry> entries;
    if (!root.dbGiven() && !Files.exists(Path.of(location))) {
      entries = List.of(); // the default store, never created: nothing was ever recorded, and reading creates none
    } else {
      try (var store = Store.openExisting(location)) {
        entries = store.auditJournal().recent(limit);
      }
    }
    if (format == OutputFormat.JSON) {
      root.cli.out().println(Json.pretty(AuditView.json(entries)));
    } else {
      root.cli.out().print(TextTable.render(AuditView.table(entries)));
    }
    return 0;
  }
}
