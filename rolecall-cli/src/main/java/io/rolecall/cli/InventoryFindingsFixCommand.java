package io.rolecall.cli;

import io.rolecall.NotConfiguredException;
import io.rolecall.UsageException;
import io.rolecall.aws.Sessions;
import io.rolecall.command.CommandExecutor;
import io.rolecall.command.Table;
import io.rolecall.commands.Commands;
import io.rolecall.inventory.FindingFixes;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall inventory findings fix ID|--rule R[,R...] [--account ID,...] [--dry-run]}: runs the fix of each open
 * finding chosen through the normal command path, with the same global flags as any command (credentials, role,
 * region, --db for the journal). Each fix's change table prints as the command's own would; then one row per
 * finding. Exit 1 when any fix failed or was refused; findings without an automatic fix are listed and skipped.
 */
@Command(name = "fix", description = "Run the fix of open findings (one by id, or every open one of --rule) through"
    + " the normal command path: audit journal, read-back, per-account failures. --dry-run shows the changes and"
    + " writes nothing. A finding without an automatic fix is listed with the reason and skipped. The next sync of"
    + " the part shows a fixed finding resolved. Exit 1 when any fix failed.")
final class InventoryFindingsFixCommand implements Callable<Integer> {
  @ParentCommand
  InventoryFindingsCommand findings;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "The finding to fix (f-..., from 'inventory findings').")
  String id;

  @Option(names = "--rule", paramLabel = "RULE[,RULE...]", description = "Fix every open finding of these rules.")
  String rule;

  @Option(names = "--account", paramLabel = "ID[,ID...]", description = "Only findings of these accounts.")
  String account;

  @Option(names = "--dry-run", description = "Read and show each change without writing it.")
  boolean dryRun;

  @Override
  public Integer call() {
    var inventory = findings.inventory;
    var root = inventory.root;
    var cli = inventory.cli();
    var format = inventory.format(InventoryCommand.Format.TABLE, InventoryCommand.Format.JSON);
    if (id == null && rule == null) {
      throw new UsageException("inventory findings fix: give a finding id or --rule RULE[,RULE...]");
    }
    var settings = root.settings();
    try (var store = inventory.openExistingStore(); var sessions = new Sessions()) {
      if (store.latestRun().isEmpty()) {
        throw InventoryCommand.noSync("findings fix", store);
      }
      var config = inventory.config();
      var chosen = FindingFixes.choose(store, id, rule, account, config == null ? List.of() : config.suppressions(),
          Clock.systemUTC().instant());
      var executor = new CommandExecutor(Commands.registry(), sessions, () -> store.store().auditJournal(),
          RolecallCommand.actor(), root.parallelism(), Clock.systemUTC());
      var outcomes = FindingFixes.run(executor, settings, chosen, dryRun);
      if (format == InventoryCommand.Format.JSON) {
        cli.out().println(Json.pretty(outcomes.stream().map(o -> o.json(dryRun)).toList()));
      } else {
        for (var o : outcomes) {
          if (o.execution() != null && o.execution().table() != null) {
            cli.out().print(TextTable.render(o.execution().table()));
            cli.out().println();
          }
        }
        var rows = new ArrayList<List<Object>>();
        for (var o : outcomes) {
          var f = o.finding();
          rows.add(List.of(f.id(), f.rule().id(), f.accountId(), f.principal(), o.fix().commandLine(),
              o.result(dryRun)));
        }
        cli.out().print(TextTable.render(new Table("Findings fix" + (dryRun ? " (dry run: nothing written)" : "")
            + " (" + outcomes.size() + ")", List.of("id", "rule", "account", "principal", "fix", "result"), rows,
            outcomes.isEmpty() ? "No open finding matches." : null)));
      }
      for (var o : outcomes) {
        if (o.refused() != null) {
          cli.error(o.finding().id() + ": " + o.refused());
        } else if (o.execution() != null) {
          o.execution().warnings().forEach(w -> cli.warn(o.finding().id() + ": " + w));
          o.execution().failures().forEach(e -> cli.error(o.finding().id() + ": " + e.error()));
        } else if (o.skipped()) {
          cli.warn(o.finding().id() + ": skipped: " + o.fix().reason());
        }
      }
      if (!dryRun && outcomes.stream().anyMatch(o -> o.execution() != null && !o.failed())) {
        cli.err().println("rolecall: the next 'rolecall inventory sync' shows the fixed findings resolved");
      }
      return FindingFixes.exitCode(outcomes);
    } catch (NotConfiguredException e) {
      throw new UsageException(e.getMessage() + root.instanceHint());
    }
  }
}
