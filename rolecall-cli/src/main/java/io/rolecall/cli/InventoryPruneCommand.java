package io.rolecall.cli;

import io.rolecall.config.Retention;
import io.rolecall.inventory.Prune;
import io.rolecall.render.Json;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall inventory prune --keep-runs N | --older-than 90d}: drops old runs' snapshots; the current state
 * and the items it needs are always kept, and so are the runs' outcomes (history). Without options, the config
 * file's {@code retention:} applies.
 */
@Command(name = "prune", description = "Drop old runs' snapshots: keep the newest --keep-runs N, and/or none older than"
    + " --older-than D (CloudTrail events older than D go too). The current state and the items it needs are always"
    + " kept, and every run's outcome stays in the history. Without options: the config file's retention.")
final class InventoryPruneCommand implements Callable<Integer> {
  @ParentCommand
  InventoryCommand inventory;

  @Option(names = "--keep-runs", paramLabel = "N", description = "Keep the newest N runs' snapshots (N >= 1).")
  Integer keepRuns;

  @Option(names = "--older-than", paramLabel = "DURATION", description = "Drop snapshots of runs started longer ago: 90d, 720h.")
  String olderThan;

  @Override
  public Integer call() {
    var format = inventory.format(InventoryCommand.Format.TABLE, InventoryCommand.Format.JSON);
    Retention retention;
    if (keepRuns == null && olderThan == null) {
      var config = inventory.config();
      retention = config == null ? null : config.retention();
      if (retention == null) {
        throw new io.rolecall.UsageException("inventory prune: give --keep-runs N (keep the newest N runs) and/or"
            + " --older-than D (such as 90d), or set retention: in the config file");
      }
    } else {
      retention = Retention.parse(keepRuns, "--keep-runs", olderThan, "--older-than");
    }
    try (var store = inventory.openExistingStore()) {
      var result = Prune.run(store, retention.keepRuns(), retention.olderThan(), Clock.systemUTC().instant());
      var cli = inventory.cli();
      if (format == InventoryCommand.Format.JSON) {
        cli.out().println(Json.pretty(result.json()));
      } else {
        cli.out().println("pruned " + result.runs().size() + " run(s): " + result.items() + " item(s)"
            + (retention.olderThan() == null ? "" : ", " + result.events() + " event(s)")
            + "; the current state is kept whole");
      }
      return 0;
    }
  }
}
