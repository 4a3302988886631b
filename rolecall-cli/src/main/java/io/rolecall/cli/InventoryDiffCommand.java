package io.rolecall.cli;

import io.rolecall.UsageException;
import io.rolecall.command.Table;
import io.rolecall.inventory.Diff;
import io.rolecall.inventory.Durations;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.View;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
    if (since != null && from != null) {
      throw new UsageException("diff: give --since or --from, not both");
    }
    var accounts = InventoryCommand.accounts(account, "--account");
    var kinds = new LinkedHashSet<Kind>();
    if (kind != null) {
      for (String k : kind.split(",", -1)) {
        kinds.addAll(Kind.forListName(k.trim()));
      }
    }
    var now = Clock.systemUTC().instant();
    Duration ago = since == null ? null : Durations.parse(since, "--since", Duration.ofMinutes(1), Duration.ofDays(3650));
    try (var store = inventory.openStore()) {
      store.latestRun().orElseThrow(() -> InventoryCommand.noSync("diff", store));
      View fromView = from != null ? afterRun(store, from, "--from")
          : View.asOf(now.minus(ago == null ? Duration.ofHours(24) : ago));
      View toView = to != null ? afterRun(store, to, "--to") : View.current();
      var result = Diff.between(store, fromView, toView, accounts, kinds, allFields);
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

  /** The state right after a run: what was current when it finished. */
  private static View afterRun(InventoryStore store, String runId, String option) {
    var run = InventoryCommand.run(store, runId, option);
    if (run.finishedAt() == null) {
      throw new UsageException(option + ": run " + runId + " never finished; pick a finished run from 'rolecall"
          + " inventory history'");
    }
    return View.afterRun(runId, run.finishedAt());
  }
}
