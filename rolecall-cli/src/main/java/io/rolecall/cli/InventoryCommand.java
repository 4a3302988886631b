package io.rolecall.cli;

import io.rolecall.CommandFailedException;
import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.store.Store;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code rolecall inventory sync|summary|list|findings|history|diff|prune}: the roll call (SPEC §2.3). */
@Command(name = "inventory",
    description = "Roll call of identities and assets across accounts: sync, summary, list, findings, history, diff,"
        + " prune.",
    subcommands = {InventorySyncCommand.class, InventorySummaryCommand.class, InventoryListCommand.class,
        InventoryFindingsCommand.class, InventoryHistoryCommand.class, InventoryDiffCommand.class,
        InventoryPruneCommand.class})
final class InventoryCommand implements Runnable {
  @ParentCommand
  RolecallCommand root;

  /** How inventory results print: a table for people, JSON, or CSV (lists only). */
  enum Format { TABLE, JSON, CSV }

  @Override
  public void run() {
    throw new UsageException("inventory: expected a subcommand: sync, summary, list, findings, history, diff or prune"
        + " (rolecall inventory --help)");
  }

  Cli cli() {
    return root.cli;
  }

  /** The store to sync into: created (0600) when it does not exist yet. */
  InventoryStore openStore() {
    return new InventoryStore(Store.open(root.dbLocation()));
  }

  /** The store to read (or prune): it must exist; a mistyped --db is exit 2 naming the path, and creates nothing. */
  InventoryStore openExistingStore() {
    return new InventoryStore(Store.openExisting(root.dbLocation()));
  }

  /** The config file, when one is given or found (suppressions, retention); null otherwise. */
  io.rolecall.config.ConfigFile config() {
    return SettingsLoader.config(root.global, cli().env());
  }

  /** {@code --account ID[,ID...]}: 12-digit ids; null or empty means every account. */
  static List<String> accounts(String text, String option) {
    return io.rolecall.inventory.ReadOptions.accounts(text, option);
  }

  /** {@code --run ID}: a run the store holds; anything else is a usage error naming the option. */
  static InventoryStore.Run run(InventoryStore store, String runId, String option) {
    return io.rolecall.inventory.ReadOptions.run(store, runId, option);
  }

  /** The message when the store has never finished a sync. */
  static CommandFailedException noSync(String command, InventoryStore store) {
    return new CommandFailedException("inventory " + command + ": no finished sync in " + store.store().description()
        + "; run 'rolecall inventory sync' first");
  }

  /** The -o value for an inventory command; {@code allowed} are the formats this command prints. */
  Format format(Format... allowed) {
    return format(root.global.output, allowed);
  }

  /** The -o value {@code text} as one of the {@code allowed} formats (table when not given). */
  static Format format(String text, Format... allowed) {
    Format f = Format.TABLE;
    if (text != null) {
      try {
        f = Format.valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        f = null;
      }
    }
    for (Format a : allowed) {
      if (a == f) {
        return f;
      }
    }
    var names = java.util.Arrays.stream(allowed).map(a -> a.name().toLowerCase(Locale.ROOT)).toList();
    throw new UsageException("--output: expected " + String.join(" or ", names) + " here, got " + Shown.quoted(text));
  }
}
