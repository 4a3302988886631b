package io.rolecall.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.command.Table;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.TrailEvent;
import io.rolecall.inventory.View;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall inventory list KIND [--account ID] [--run ID] [-o table|json|csv]}: one kind of the current state
 * (or of one past run), each row with when its data was collected and by which run (events: every event stored).
 * JSON and CSV stream row by row, so listing a large estate needs no more memory than a small one.
 */
@Command(name = "list", description = "List one kind of the current state: users, groups, roles, policies, keys, mfa,"
    + " accounts, instances, vpcs, subnets, security-groups, network-interfaces, idc-instances, idc-users, idc-groups,"
    + " permission-sets, account-assignments, scps, organization, events. Each row says when its data was collected"
    + " (collectedAt) and by which run.")
final class InventoryListCommand implements Callable<Integer> {
  @ParentCommand
  InventoryCommand inventory;

  @Parameters(index = "0", paramLabel = "KIND", description = "What to list: one of the kinds named above.")
  String kind;

  @Option(names = "--account", paramLabel = "ID[,ID...]", description = "Only these accounts.")
  String account;

  @Option(names = "--run", paramLabel = "RUN", description = "One past run as it was (see 'inventory history').")
  String run;

  @Override
  public Integer call() {
    var format = inventory.format(InventoryCommand.Format.TABLE, InventoryCommand.Format.JSON, InventoryCommand.Format.CSV);
    var accounts = InventoryCommand.accounts(account, "--account");
    boolean events = kind.equals("events");
    List<Kind> kinds = events ? List.of() : Kind.forListName(kind);
    var out = inventory.cli().out();
    try (var store = inventory.openExistingStore()) {
      if (events) {
        emit(out, format, "Events", InventoryColumns.EVENTS, sink -> store.events(accounts, sink), TrailEvent::json);
        return 0;
      }
      View view;
      if (run != null) {
        InventoryCommand.run(store, run, "--run");
        view = View.run(run);
      } else {
        store.latestRun().orElseThrow(() -> InventoryCommand.noSync("list", store));
        view = View.current();
      }
      var columns = new ArrayList<InventoryColumns.Column<InventoryStore.Stored>>();
      for (var c : InventoryColumns.forKind(kinds.getFirst())) {
        columns.add(new InventoryColumns.Column<>(c.header(), s -> c.value().apply(s.item())));
      }
      columns.add(new InventoryColumns.Column<>("collectedAt", s -> s.collectedAt() == null ? null
          : s.collectedAt().toString()));
      columns.add(new InventoryColumns.Column<>("runId", InventoryStore.Stored::runId));
      emit(out, format, kind + (run == null ? " (current state)" : " (run " + run + ")"), columns,
          sink -> store.items(view, kinds, accounts, sink), InventoryStore.Stored::json);
      return 0;
    }
  }

  private static <T> void emit(PrintStream out, InventoryCommand.Format format, String title,
      List<InventoryColumns.Column<T>> columns, Consumer<Consumer<T>> source, java.util.function.Function<T, ObjectNode> json) {
    switch (format) {
      case JSON -> {
        out.println("[");
        var first = new boolean[] {true};
        source.accept(row -> {
          out.print(first[0] ? "  " : ",\n  ");
          first[0] = false;
          out.print(Json.write(json.apply(row)));
        });
        out.println(first[0] ? "]" : "\n]");
      }
      case CSV -> {
        out.println(String.join(",", columns.stream().map(c -> csv(c.header())).toList()));
        source.accept(row -> out.println(String.join(",", columns.stream().map(c -> csv(c.value().apply(row))).toList())));
      }
      case TABLE -> {
        var rows = new ArrayList<List<Object>>();
        source.accept(row -> rows.add(new ArrayList<>(columns.stream().map(c -> (Object) c.value().apply(row)).toList())));
        var table = new Table(title, columns.stream().map(InventoryColumns.Column::header).toList(), rows, null);
        out.print(TextTable.render(table));
      }
    }
  }

  /** A CSV cell, neutralized against formula injection and control characters (see Csv). */
  static String csv(String value) {
    return io.rolecall.render.Csv.cell(value);
  }
}
