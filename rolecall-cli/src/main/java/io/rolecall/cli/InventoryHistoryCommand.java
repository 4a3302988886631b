package io.rolecall.cli;

import io.rolecall.UsageException;
import io.rolecall.command.Table;
import io.rolecall.inventory.History;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rolecall inventory history [--account ID] [--limit N] [-o json]}: the runs, newest first. */
@Command(name = "history", description = "The syncs the store holds, newest first: when, which instance, what they"
    + " collected, and how each account fared (with --account: that account's status and error in each).")
final class InventoryHistoryCommand implements Callable<Integer> {
  @ParentCommand
  InventoryCommand inventory;

  @Option(names = "--account", paramLabel = "ID", description = "Only the runs that attempted this account.")
  String account;

  @Option(names = "--limit", paramLabel = "N", description = "At most N runs (default 20, at most 10000).")
  Integer limit;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() {
    var format = inventory.format(InventoryCommand.Format.TABLE, InventoryCommand.Format.JSON);
    var accounts = InventoryCommand.accounts(account, "--account");
    if (accounts.size() > 1) {
      throw new UsageException("--account: expected one 12-digit account id, got " + accounts.size());
    }
    int n = limit == null ? History.DEFAULT_LIMIT : limit;
    if (n < 1 || n > 10_000) {
      throw new UsageException("--limit: expected a whole number from 1 to 10000, got " + n);
    }
    String only = accounts.isEmpty() ? null : accounts.getFirst();
    try (var store = inventory.openExistingStore()) {
      var history = History.of(store, n, only);
      var cli = inventory.cli();
      if (format == InventoryCommand.Format.JSON) {
        cli.out().println(Json.pretty(history));
        return 0;
      }
      var rows = new ArrayList<List<Object>>();
      for (var r : (List<Map<String, Object>>) history.get("runs")) {
        var row = new ArrayList<Object>(List.of(r.get("runId"), r.get("startedAt"),
            r.get("finishedAt") == null ? "unfinished" : r.get("finishedAt"), String.valueOf(r.get("instance")),
            String.join(",", (List<String>) r.get("services")), String.join(",", (List<String>) r.get("regions"))));
        if (only == null) {
          row.addAll(List.of(r.get("accounts"), r.get("ok"), r.get("partial"), r.get("error"),
              Boolean.TRUE.equals(r.get("pruned")) ? "pruned" : ""));
        } else {
          var s = ((List<Map<String, Object>>) r.get("accountStatuses")).stream().findFirst();
          row.add(s.map(x -> x.get("status")).orElse("unfinished"));
          row.add(s.map(x -> x.get("error")).orElse(null));
        }
        rows.add(row);
      }
      var headers = new ArrayList<>(List.of("run", "started", "finished", "instance", "services", "regions"));
      headers.addAll(only == null ? List.of("accounts", "ok", "partial", "error", "snapshot") : List.of("status", "error"));
      cli.out().print(TextTable.render(new Table("Inventory history" + (only == null ? "" : " of " + only), headers, rows,
          rows.isEmpty() ? "No runs." : null)));
      return 0;
    }
  }
}
