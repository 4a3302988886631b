package io.rolecall.cli;

import io.rolecall.command.Table;
import io.rolecall.inventory.Diff;
import io.rolecall.inventory.ReadOptions;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall inventory diff [--since 24h | --from RUN] [--to RUN] [--account ID] [--kind K]}: items added,
 * removed and changed between two states, with the fields that changed.
 */
@Command(name = "diff", description = "What was added, removed and changed between two states: the state --since ago"
    + " (or right after run --from) and the current state (or right after run --to), with the changed fields.")
final class InventoryDiffCommand implements Callable<Integer> {
  @ParentCommand
  InventoryCommand inventory;

  @Option(names = "--since", paramLabel = "DURATION", description = "Compare with the state this long ago: 30m, 24h, 7d (default 24h).")
  String since;

  @Option(names = "--from", paramLabel = "RUN", description = "Compare with the state right after this run.")
  String from;

  @Option(names = "--to", paramLabel = "RUN", description = "Compare up to the state right after this run (default: current).")
  String to;

  @Option(names = "--account", paramLabel = "ID[,ID...]", description = "Only these accounts.")
  String account;

  @Option(names = "--kind", paramLabel = "KIND[,KIND...]", description = "Only these kinds (as 'inventory list' names them).")
  String kind;

  @Option(names = "--all-fields", description = "Also report fields that change by use (last-used dates).")
  boolean allFields;

  @Override
  public Integer call() {
    var format = inventory.format(InventoryCommand.Format.TABLE, InventoryCommand.Format.JSON);
    var accounts = InventoryCommand.accounts(account, "--account");
    var kinds = ReadOptions.kinds(kind);
    try (var store = inventory.openExistingStore()) {
      store.latestRun().orElseThrow(() -> InventoryCommand.noSync("diff", store));
      var states = ReadOptions.diff(store, since, from, to, Clock.systemUTC().instant(), "--");
      var result = Diff.between(store, states.from(), states.to(), accounts, kinds, allFields);
      var cli = inventory.cli();
      if (format == InventoryCommand.Format.JSON) {
        cli.out().println(Json.pretty(result.json()));
        return 0;
      }
      var rows = new ArrayList<List<Object>>();
      for (var c : result.changes()) {
        rows.add(List.of(c.accountId(), c.kind().id(), c.region(), c.name() == null ? c.id() : c.name(), c.id(),
            c.change(), String.join(", ", c.fields())));
      }
      cli.out().print(TextTable.render(new Table("Changes from " + result.from() + " to " + result.to() + " ("
          + rows.size() + ")", List.of("account", "kind", "region", "name", "id", "change", "fields"), rows,
          rows.isEmpty() ? "No changes." : null)));
      if (!result.gaps().isEmpty()) {
        var gaps = new ArrayList<List<Object>>();
        result.gaps().forEach(g -> gaps.add(List.of(g.accountId(), g.part().id(), g.region(), g.reason())));
        cli.out().print(TextTable.render(new Table("Not compared (" + gaps.size() + ")",
            List.of("account", "part", "region", "reason"), gaps, null)));
      }
      return 0;
    }
  }
}
