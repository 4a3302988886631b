package io.rolecall.cli;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.store.Store;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code rolecall inventory sync|summary|list|findings}: the roll call (SPEC §2.3). */
@Command(name = "inventory",
    description = "Roll call of identities and assets across accounts: sync, summary, list, findings.",
    subcommands = {InventorySyncCommand.class, InventorySummaryCommand.class, InventoryListCommand.class,
        InventoryFindingsCommand.class})
final class InventoryCommand implements Runnable {
  @ParentCommand
  RolecallCommand root;

  /** How inventory results print: a table for people, JSON, or CSV (lists only). */
  enum Format { TABLE, JSON, CSV }

  @Override
  public void run() {
    throw new UsageException("inventory: expected a subcommand: sync, summary, list or findings"
        + " (rolecall inventory --help)");
  }

  Cli cli() {
    return root.cli;
  }

  InventoryStore openStore() {
    return new InventoryStore(Store.open(root.dbLocation()));
  }

  /** The -o value for an inventory command; {@code allowed} are the formats this command prints. */
  Format format(Format... allowed) {
    String text = root.global.output;
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
