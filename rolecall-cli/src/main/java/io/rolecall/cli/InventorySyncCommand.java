package io.rolecall.cli;

import io.rolecall.aws.Sessions;
import io.rolecall.inventory.InventorySync;
import io.rolecall.inventory.RateLimits;
import io.rolecall.inventory.Summary;
import io.rolecall.inventory.SyncOptions;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall inventory sync --accounts ID,ID|all [--regions r1,r2]}: takes the roll call into the store, then
 * prints the run's summary. Exit 1 when an account failed or was collected in part (each failure is in the summary
 * with its reason); the parts that failed keep their earlier state.
 */
@Command(name = "sync", description = "Collect identities, assets and CloudTrail events of many accounts into the store.")
final class InventorySyncCommand implements Callable<Integer> {
  @ParentCommand
  InventoryCommand inventory;

  @Option(names = "--accounts", paramLabel = "ID,ID...|all",
      description = "Accounts to take: 12-digit ids, comma-separated, or all (the organization's ACTIVE accounts).")
  String accounts;

  @Option(names = "--regions", paramLabel = "REGION,...",
      description = "Regions for EC2 and CloudTrail (default: the instance's region).")
  String regions;

  @Option(names = "--services", paramLabel = "iam,ec2,snapshots,cloudtrail,identitycenter,organizations",
      description = "What to collect (default: all); the parts not collected keep their current state. identitycenter"
          + " and organizations (SCPs) are collected once per run, with the base identity.")
  String services;

  @Option(names = "--events-since", paramLabel = "DURATION",
      description = "How far back the first sync of an account and region reads CloudTrail: 30m, 12h, 7d (default 1d,"
          + " at most 90d). Later syncs continue from where the last one stopped.")
  String eventsSince;

  @Option(names = "--identity-center-account", paramLabel = "ID",
      description = "The account holding the IAM Identity Center instance, when the base identity's account does not"
          + " (a delegated administrator): assumed with --role-name and --external-id.")
  String identityCenterAccount;

  @Override
  public Integer call() {
    var root = inventory.root;
    var cli = inventory.cli();
    var format = inventory.format(InventoryCommand.Format.TABLE, InventoryCommand.Format.JSON);
    var request = new InventorySync.Request(SyncOptions.accounts(accounts), SyncOptions.regions(regions),
        SyncOptions.parts(services), root.parallelism(), SyncOptions.eventsSince(eventsSince),
        SyncOptions.identityCenterAccount(identityCenterAccount));
    var settings = root.settings();
    boolean terminal = cli.err() == System.err && System.console() != null && System.console().isTerminal();
    try (var sessions = new Sessions(); var store = inventory.openStore(); var progress = new InventoryProgress(cli.err(), terminal)) {
      var result = new InventorySync(sessions, store, new RateLimits(), Clock.systemUTC()).run(settings, request, progress);
      progress.close();
      var summary = Summary.ofRun(store, result.runId());
      InventorySummaryCommand.print(cli, summary, format);
      var orgFailed = store.parts(result.runId()).stream().filter(p -> p.part().organizational() && !p.ok()).toList();
      for (var p : orgFailed) {
        cli.error(p.part().id() + " (organization step, account " + p.accountId() + "): " + p.error());
      }
      if (result.accounts().isEmpty()) {
        return orgFailed.isEmpty() ? 0 : 1; // the organization step alone (--services identitycenter,organizations)
      }
      if (result.errors() == result.accounts().size()) {
        cli.error("no account was assessed: all " + result.accounts().size() + " failed (reasons above); the store's"
            + " earlier data for them is unchanged");
        return 1;
      }
      if (result.failed() > 0) {
        var failed = result.accounts().stream().filter(a -> !a.ok()).toList();
        cli.error(failed.size() + " of " + result.accounts().size() + " accounts failed or were collected in part: "
            + String.join(", ", failed.stream().map(a -> a.accountId() + " (" + a.status() + ")").limit(20).toList())
            + (failed.size() > 20 ? ", ..." : "") + "; the parts that failed keep their earlier data");
        return 1;
      }
      return orgFailed.isEmpty() ? 0 : 1;
    }
  }
}
