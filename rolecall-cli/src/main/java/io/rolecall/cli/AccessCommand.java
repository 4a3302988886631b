package io.rolecall.cli;

import io.rolecall.access.AccessGraph;
import io.rolecall.access.AccessInput;
import io.rolecall.access.Level;
import io.rolecall.access.Reach;
import io.rolecall.access.StoreGraph;
import io.rolecall.command.Table;
import io.rolecall.inventory.Durations;
import io.rolecall.inventory.FindingsReport;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;
import io.rolecall.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall access who|reach|path}: who can reach what, answered offline from the store's current state
 * (docs/access.md). Each answer says what it could not see: accounts not assessed, Identity Center or SCPs absent.
 */
@Command(name = "access", description = "Who can reach which account, as what: who (every principal reaching an"
    + " account at a level), reach (everything one principal reaches), path (how one reaches a role). Offline, from"
    + " the store's current state.",
    subcommands = {AccessCommand.Who.class, AccessCommand.ReachCmd.class, AccessCommand.Path.class})
final class AccessCommand implements Runnable {
  @ParentCommand
  RolecallCommand root;

  @Override
  public void run() {
    throw new io.rolecall.UsageException("access: expected a subcommand: who, reach or path (rolecall access --help)");
  }

  /** The graph of the current state, and how the answer prints. */
  abstract static class Query implements Callable<Integer> {
    @ParentCommand
    AccessCommand access;

    @Option(names = "--max-age", paramLabel = "DURATION",
        description = "Accounts whose IAM data is older than this are not assessed (default 7d).")
    String maxAge;

    InventoryCommand.Format format() {
      return InventoryCommand.format(access.root.global.output, InventoryCommand.Format.TABLE,
          InventoryCommand.Format.JSON);
    }

    AccessGraph graph(InventoryStore store) {
      Duration age = maxAge == null ? FindingsReport.DEFAULT_MAX_AGE
          : Durations.parse(maxAge, "--max-age", Duration.ofMinutes(1), Duration.ofDays(3650));
      if (store.latestRun().isEmpty()) {
        throw InventoryCommand.noSync("access", store);
      }
      return StoreGraph.current(store, Clock.systemUTC().instant(), age);
    }

    InventoryStore store() {
      return new InventoryStore(Store.openExisting(access.root.dbLocation()));
    }

    Cli cli() {
      return access.root.cli;
    }

    /** Prints the answer's coverage notes under a table: what the answer could not see. */
    @SuppressWarnings("unchecked")
    void coverage(Map<String, Object> coverage) {
      var out = cli().out();
      for (var a : (List<Map<String, Object>>) coverage.get("accountsNotAssessed")) {
        out.println("not assessed: " + a.get("accountId") + ": " + a.get("reason"));
      }
      for (var note : (List<String>) coverage.get("notes")) {
        out.println("note: " + note);
      }
      for (var gap : (List<String>) coverage.get("gaps")) {
        out.println("gap: " + gap);
      }
    }
  }

  @Command(name = "who", description = "Every starting principal (IAM users, root users, Identity Center users,"
      + " external accounts, *, services) that reaches at least --level in the account, with its shortest path."
      + " Exit 1 when the account itself was not assessed.")
  static final class Who extends Query {
    @Option(names = "--account", required = true, paramLabel = "ID", description = "The account (12 digits).")
    String account;

    @Option(names = "--level", paramLabel = "LEVEL", description = "admin (default), escalate, write or read.")
    String level;

    @Override
    public Integer call() {
      var format = format();
      String id = AccessInput.account("--account", account);
      Level min = level == null ? Level.ADMIN : AccessInput.level("--level", level);
      try (var store = store()) {
        var graph = graph(store);
        var answer = graph.who(id, min);
        if (format == InventoryCommand.Format.JSON) {
          cli().out().println(Json.pretty(answer.json()));
        } else {
          cli().out().print(TextTable.render(table("Who reaches " + id + " at " + min.id() + " or above ("
              + answer.principals().size() + ")", answer.principals(), true)));
          coverage(answer.coverage());
        }
        boolean assessed = graph.coverage().iam(id) && !graph.coverage().notAssessed().containsKey(id);
        if (!assessed) {
          cli().error("account " + id + " was not assessed (" + graph.coverage().notAssessed().getOrDefault(id,
              "IAM not collected") + "): the answer may be incomplete");
          return 1;
        }
        return 0;
      }
    }
  }

  @Command(name = "reach", description = "Every (account, role, level) one principal reaches, with its paths."
      + " PRINCIPAL: an IAM user, role or root ARN, idc:[STORE/]USERNAME, a service principal, or *.")
  static final class ReachCmd extends Query {
    @Option(names = "--principal", required = true, paramLabel = "PRINCIPAL", description = "Who to follow.")
    String principal;

    @Override
    public Integer call() {
      var format = format();
      var ref = AccessInput.principal("--principal", principal);
      try (var store = store()) {
        var answer = graph(store).reach(ref);
        if (format == InventoryCommand.Format.JSON) {
          cli().out().println(Json.pretty(answer.json()));
        } else {
          cli().out().print(TextTable.render(table("What " + answer.principal() + " reaches (" + answer.reach().size()
              + ")", answer.reach(), false)));
          coverage(answer.coverage());
        }
        return 0;
      }
    }
  }

  @Command(name = "path", description = "The paths from a principal to a role, each hop explained (edge and the"
      + " policy statement that grants it).")
  static final class Path extends Query {
    @Option(names = "--from", required = true, paramLabel = "PRINCIPAL", description = "Where paths start.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ROLE_ARN", description = "The role they reach.")
    String to;

    @Override
    public Integer call() {
      var format = format();
      var ref = AccessInput.principal("--from", from);
      String role = AccessInput.role("--to", to);
      try (var store = store()) {
        var answer = graph(store).path(ref, role);
        if (format == InventoryCommand.Format.JSON) {
          cli().out().println(Json.pretty(answer.json()));
          return 0;
        }
        var rows = new ArrayList<List<Object>>();
        int n = 0;
        for (var route : answer.paths()) {
          n++;
          int hop = 0;
          for (var h : route.path()) {
            rows.add(List.of(hop == 0 ? "#" + n : "", ++hop, h.from(), h.edge(), h.to(), h.grant() == null ? "" : h.grant(),
                hop == 1 ? String.join(", ", route.conditions()) : ""));
          }
        }
        cli().out().print(TextTable.render(new Table("Paths from " + answer.from() + " to " + answer.to() + " ("
            + answer.paths().size() + (answer.truncated() ? ", more not shown" : "") + ")",
            List.of("path", "hop", "from", "edge", "to", "grant", "conditions"), rows,
            rows.isEmpty() ? "No path." : answer.level() == null ? null : "The role's level in its account: "
                + answer.level().id())));
        coverage(answer.coverage());
        return 0;
      }
    }
  }

  private static Table table(String title, List<Reach> entries, boolean who) {
    var rows = new ArrayList<List<Object>>();
    for (Reach r : entries) {
      String via = r.path().isEmpty() ? "(itself)" : String.join(" > ", r.path().stream().map(h -> h.edge() + " "
          + shortName(h.to())).toList());
      rows.add(who ? List.of(r.principal(), r.kind(), r.level().id(), via, String.join(", ", r.conditions()),
          r.levelGrant() == null ? "" : r.levelGrant())
          : List.of(r.accountId(), r.target() == null ? "" : r.target(), r.level().id(), via,
              String.join(", ", r.conditions()), r.levelGrant() == null ? "" : r.levelGrant()));
    }
    var headers = who ? List.of("principal", "kind", "level", "via", "conditions", "grant")
        : List.of("account", "as", "level", "via", "conditions", "grant");
    return new Table(title, headers, rows, rows.isEmpty() ? "None." : null);
  }

  private static String shortName(String id) {
    int slash = id.lastIndexOf('/');
    return slash >= 0 && slash < id.length() - 1 ? id.substring(slash + 1) : id;
  }
}
