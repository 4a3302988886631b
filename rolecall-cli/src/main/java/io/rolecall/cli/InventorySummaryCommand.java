package io.rolecall.cli;

import io.rolecall.CommandFailedException;
import io.rolecall.command.Table;
import io.rolecall.inventory.Summary;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code rolecall inventory summary [-o json]}: the latest run, per account (SPEC §2.3's JSON shape). */
@Command(name = "summary", description = "Counts per account of the latest sync, with each account's status.")
final class InventorySummaryCommand implements Callable<Integer> {
  @ParentCommand
  InventoryCommand inventory;

  @Override
  public Integer call() {
    var format = inventory.format(InventoryCommand.Format.TABLE, InventoryCommand.Format.JSON);
    try (var store = inventory.openStore()) {
      var summary = Summary.latest(store).orElseThrow(() -> new CommandFailedException(
          "inventory summary: no finished sync in " + store.store().description() + "; run 'rolecall inventory sync' first"));
      print(inventory.cli(), summary, format);
      return 0;
    }
  }

  private static final List<String> COLUMNS = List.of("users", "groups", "roles", "localPolicies", "awsPolicies",
      "accessKeys", "instances", "vpcs", "subnets", "securityGroups", "networkInterfaces", "events", "apiCalls", "throttled");

  @SuppressWarnings("unchecked")
  static void print(Cli cli, Map<String, Object> summary, InventoryCommand.Format format) {
    if (format == InventoryCommand.Format.JSON) {
      cli.out().println(Json.pretty(summary));
      return;
    }
    var headers = new java.util.ArrayList<>(List.of("account", "status"));
    headers.addAll(COLUMNS);
    headers.add("error");
    var table = Table.of("Inventory run " + summary.get("runId"), headers.toArray(String[]::new));
    for (var a : (List<Map<String, Object>>) summary.get("accounts")) {
      var row = new java.util.ArrayList<Object>(List.of(a.get("accountId"), a.get("status")));
      COLUMNS.forEach(c -> row.add(a.get(c)));
      row.add(a.get("error"));
      table = table.row(row.toArray());
    }
    cli.out().print(TextTable.render(table));
  }
}
