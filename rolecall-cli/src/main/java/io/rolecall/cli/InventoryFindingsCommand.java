package io.rolecall.cli;

import io.rolecall.command.Table;
import io.rolecall.inventory.Coverage;
import io.rolecall.inventory.ReadOptions;
import io.rolecall.inventory.FindingsReport;
import io.rolecall.render.Json;
import io.rolecall.render.TextTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall inventory findings}: the tracked risks of the current state (or of one past run), filtered, each
 * with its status and first/last seen, beside the accounts in scope that were not assessed. Exit 1 when any account
 * in scope was not assessed: an answer about accounts it could not read is never "clean".
 */
@Command(name = "findings", description = "Identity and asset risks of the current state (root, MFA, old or unused keys,"
    + " admin policies, risky trust policies, weak password policy, security groups open to the internet, IMDSv1,"
    + " public snapshots and AMIs), each with its fix, tracked from sync to sync, with the accounts in scope"
    + " that were not assessed (never synced, latest attempt failed, data older than --max-age). Exit 1 when any"
    + " account in scope was not assessed. 'findings fix' runs their fixes.",
    subcommands = InventoryFindingsFixCommand.class)
final class InventoryFindingsCommand implements Callable<Integer> {
  @ParentCommand
  InventoryCommand inventory;

  @Option(names = "--account", paramLabel = "ID[,ID...]", description = "Only these accounts (the scope).")
  String account;

  @Option(names = "--severity", paramLabel = "LEVEL[,LEVEL...]", description = "Only these: critical, high, medium, low.")
  String severity;

  @Option(names = "--rule", paramLabel = "RULE[,RULE...]", description = "Only these rules (ids as listed in docs/inventory.md).")
  String rule;

  @Option(names = "--status", paramLabel = "STATUS[,STATUS...]",
      description = "Which to list: open, suppressed, resolved, or all (default: open,suppressed).")
  String status;

  @Option(names = "--new-since", paramLabel = "DURATION", description = "Only findings first seen within this long: 30m, 24h, 7d.")
  String newSince;

  @Option(names = "--max-age", paramLabel = "DURATION", description = "Data older than this leaves its account not assessed (default 7d).")
  String maxAge;

  @Option(names = "--run", paramLabel = "RUN", description = "One past run as it was (see 'inventory history').")
  String run;

  @Override
  public Integer call() {
    var format = inventory.format(InventoryCommand.Format.TABLE, InventoryCommand.Format.JSON, InventoryCommand.Format.CSV);
    Instant now = Clock.systemUTC().instant();
    var cli = inventory.cli();
    try (var store = inventory.openExistingStore()) {
      var query = ReadOptions.findings(store, run, severity, rule, account, status, newSince, maxAge, now,
          suppressions(), "--");
      if (run == null && store.latestRun().isEmpty()) {
        throw InventoryCommand.noSync("findings", store);
      }
      var report = FindingsReport.of(store, query);
      report.warnings().forEach(cli::warn);
      switch (format) {
        case JSON -> cli.out().println(Json.pretty(report.json()));
        case CSV -> csv(cli, report);
        case TABLE -> table(cli, report);
      }
      if (!report.coverage().isEmpty()) {
        cli.error((report.noneAssessed() ? "no account in scope was assessed: " : report.coverage().size() + " of "
            + report.accountsInScope() + " account(s) in scope not assessed: ")
            + String.join(", ", report.coverage().stream().map(Coverage.Gap::accountId).limit(20).toList())
            + (report.coverage().size() > 20 ? ", ..." : ""));
        return 1;
      }
      return 0;
    }
  }

  private List<io.rolecall.inventory.Suppression> suppressions() {
    var config = inventory.config();
    return config == null ? List.of() : config.suppressions();
  }

  private static void table(Cli cli, FindingsReport report) {
    var rows = new ArrayList<List<Object>>();
    for (var e : report.findings()) {
      var f = e.finding();
      rows.add(List.of(f.id(), f.rule().severity().id(), f.rule().id(), f.accountId(), f.principal(),
          e.status() + (e.stale() ? " (stale)" : ""), day(e.firstSeen()),
          e.suppression() != null ? f.evidence() + " [suppressed until " + e.suppression().expires() + ": "
              + e.suppression().reason() + "]" : f.evidence(), f.fix().commandLine()));
    }
    String note = null;
    if (report.findings().isEmpty()) {
      note = report.coverage().isEmpty() ? "No findings." : "No findings in the accounts that were assessed; "
          + report.coverage().size() + " account(s) were not assessed (below).";
    }
    cli.out().print(TextTable.render(new Table("Findings (" + report.findings().size() + ")", List.of("id", "severity",
        "rule", "account", "principal", "status", "firstSeen", "evidence", "fix"), rows, note)));
    if (!report.coverage().isEmpty()) {
      var gaps = new ArrayList<List<Object>>();
      report.coverage().forEach(g -> gaps.add(List.of(g.accountId(), g.status(), day(g.collectedAt()), g.reason())));
      cli.out().print(TextTable.render(new Table("Not assessed (" + report.coverage().size() + ")",
          List.of("account", "status", "collected", "reason"), gaps,
          report.noneAssessed() ? "No account in scope was assessed." : null)));
    }
  }

  private static void csv(Cli cli, FindingsReport report) {
    var out = cli.out();
    out.println("id,severity,rule,account,principal,status,stale,firstSeen,lastSeen,suppressedReason,evidence");
    for (var e : report.findings()) {
      var f = e.finding();
      out.println(String.join(",", List.of(f.id(), f.rule().severity().id(), f.rule().id(), f.accountId(),
          f.principal(), e.status(), String.valueOf(e.stale()), String.valueOf(e.firstSeen()),
          String.valueOf(e.lastSeen()), e.suppression() == null ? "" : e.suppression().reason(), f.evidence())
          .stream().map(InventoryListCommand::csv).toList()));
    }
  }

  private static String day(Instant t) {
    return t == null ? "" : t.toString().substring(0, 10);
  }
}
