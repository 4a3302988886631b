package io.rolecall.cli;

import io.rolecall.command.Table;
import io.rolecall.inventory.Summary;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall inventory summary [--account ID,...] [--run ID] [-o json]}: every account's current state (or one
 * past run as it was): status, counts, when each part was collected.
 */
@Command(name = "summary", description = "Every account's current state: status (ok, partial, error), counts, and when"
    + " each part (iam, ec2 and cloudtrail per region) was collected. --run reads one past run as it was.")
final class InventorySummaryCommand implements Callable<Integer> {
  @ParentCommand
  InventoryCommand inventory;

  @Option(names = "--account", paramLabel = "ID[,ID...]", description = "Only these accounts.")
  String account;

  @Option(names = "--run", paramLabel = "RUN", description = "One past run as it was (see 'inventory history').")
  String run;

  @Override
  public Integer call() {
    var format = inventory.format(InventoryCommand.Format.TABLE, InventoryCommand.Format.JSON);
    var accounts = InventoryCommand.accounts(account, "--account");
    try (var store = inventory.openExistingStore()) {
      Map<String, Object> summary;
      if (run != null) {
        InventoryCommand.run(store, run, "--run");
        summary = Summary.ofRun(store, run);
      } else {
        summary = Summary.current(store, accounts).orElseThrow(() -> InventoryCommand.noSync("summary", store));
      }
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
    var headers = new ArrayList<>(List.of("account", "status", "collected"));
    headers.addAll(COLUMNS);
    headers.add("error");
    String view = (String) summary.get("view");
    var table = Table.of(view.equals("current") ? "Inventory: current state" : "Inventory run " + view,
        headers.toArray(String[]::new));
    for (var a : (List<Map<String, Object>>) summary.get("accounts")) {
      var row = new ArrayList<Object>(List.of(a.get("accountId"), a.get("status"), a.get("collectedAt") == null ? "" : a.get("collectedAt")));
      COLUMNS.forEach(c -> row.add(a.get(c)));
      row.add(a.get("error"));
      table = table.row(row.toArray());
    }
    cli.out().print(TextTable.render(table));
  }
}
