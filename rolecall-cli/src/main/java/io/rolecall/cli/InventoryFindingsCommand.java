package io.rolecall.cli;

import io.rolecall.CommandFailedException;
import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.command.Table;
import io.rolecall.inventory.Finding;
import io.rolecall.inventory.Findings;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rolecall inventory findings [--account ID] [-o json]}: identity risks in the latest sync (SPEC §2.3). */
@Command(name = "findings", description = "Identity risks in the latest sync: root, MFA, old or unused keys, admin"
    + " policies, risky trust policies, weak password policy.")
final class InventoryFindingsCommand implements Callable<Integer> {
  @ParentCommand
  InventoryCommand inventory;

  @Option(names = "--account", paramLabel = "ID", description = "Only this account.")
  String account;

  @Override
  public Integer call() {
    var format = inventory.format(InventoryCommand.Format.TABLE, InventoryCommand.Format.JSON);
    if (account != null && !account.matches("\\d{12}")) {
      throw new UsageException("--account: expected a 12-digit account id, got " + Shown.quoted(account));
    }
    try (var store = inventory.openStore()) {
      if (store.latestRun().isEmpty()) {
        throw new CommandFailedException("inventory findings: no finished sync in " + store.store().description()
            + "; run 'rolecall inventory sync' first");
      }
      var findings = Findings.latest(store, account);
      var out = inventory.cli().out();
      if (format == InventoryCommand.Format.JSON) {
        out.println(Json.pretty(findings.stream().map(Finding::json).toList()));
        return 0;
      }
      var table = Table.of("Findings (" + findings.size() + ")", "severity", "rule", "account", "principal", "evidence")
          .withNote(findings.isEmpty() ? "No findings." : null);
      var rows = new java.util.ArrayList<java.util.List<Object>>();
      for (Finding f : findings) {
        rows.add(java.util.List.of(f.rule().severity().name().toLowerCase(Locale.ROOT), f.rule().id(), f.accountId(),
            f.principal(), f.evidence()));
      }
      out.print(TextTable.render(new Table(table.title(), table.columns(), rows, table.note())));
      return 0;
    }
  }
}
