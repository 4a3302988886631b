package io.rolecall.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.CommandFailedException;
import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.command.Table;
import io.rolecall.inventory.Item;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.TrailEvent;
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
 * {@code rolecall inventory list KIND [--account ID] [-o table|json|csv]}: one kind of the latest run (events: every
 * event stored). JSON and CSV stream row by row, so listing a large estate needs no more memory than a small one.
 */
@Command(name = "list", description = "List one kind of the latest sync: users, groups, roles, policies, keys, mfa,"
    + " accounts, instances, vpcs, subnets, security-groups, network-interfaces, events.")
final class InventoryListCommand implements Callable<Integer> {
  @ParentCommand
  InventoryCommand inventory;

  @Parameters(index = "0", paramLabel = "KIND")
  String kind;

  @Option(names = "--account", paramLabel = "ID", description = "Only this account.")
  String account;

  @Override
  public Integer call() {
    var format = inventory.format(InventoryCommand.Format.TABLE, InventoryCommand.Format.JSON, InventoryCommand.Format.CSV);
    if (account != null && !account.matches("\\d{12}")) {
      throw new UsageException("--account: expected a 12-digit account id, got " + Shown.quoted(account));
    }
    boolean events = kind.equals("events");
    List<Kind> kinds = events ? List.of() : Kind.forListName(kind);
    var out = inventory.cli().out();
    try (var store = inventory.openStore()) {
      if (events) {
        emit(out, format, "Events", InventoryColumns.EVENTS, sink -> store.events(account, sink), InventoryListCommand::json);
        return 0;
      }
      var run = store.latestRun().orElseThrow(() -> new CommandFailedException("inventory list: no finished sync in "
          + store.store().description() + "; run 'rolecall inventory sync' first"));
      var columns = InventoryColumns.forKind(kinds.getFirst());
      emit(out, format, kind + " (run " + run.runId() + ")", columns,
          sink -> store.items(run.runId(), kinds, account, sink), InventoryListCommand::json);
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

  private static ObjectNode json(Item i) {
    return i.json();
  }

  private static ObjectNode json(TrailEvent e) {
    return e.json();
  }

  /** A CSV cell, neutralized against formula injection and control characters (see Csv). */
  static String csv(String value) {
    return io.rolecall.render.Csv.cell(value);
  }
}
