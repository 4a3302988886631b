package io.rolecall.cli;

import io.rolecall.aws.ConnectivityCheck;
import io.rolecall.auth.AuthSettings;
import io.rolecall.aws.Sessions;
import io.rolecall.command.ArgType;
import io.rolecall.command.AccountSelection;
import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.render.ControlChars;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall test [account_id=ID[,ID...]]}: XSOAR's Test button. For one account (or none: the instance's own
 * identity) it prints each step, then ok or what is wrong; for a comma list it tests each account and prints one line
 * per account, exit 1 if any failed.
 */
@Command(name = "test", description = "Check the configuration, the identity, the role and one read call; print ok or what is wrong.")
final class TestCommand implements Callable<Integer> {
  @ParentCommand
  RolecallCommand root;

  @Parameters(arity = "0..1", paramLabel = "account_id=ID[,ID...]",
      description = "Test the role-name role in this account, or in each account of a comma list (one line each).")
  List<String> words = List.of();

  @Override
  public Integer call() {
    List<String> accounts = List.of();
    if (words.size() > 1) {
      throw new UsageException("test: expected at most one argument, account_id=<12-digit id>, got " + words.size()
          + ": " + String.join(" ", words.stream().map(Shown::quoted).toList()));
    }
    if (!words.isEmpty()) {
      String w = words.getFirst();
      if (!w.startsWith("account_id=")) {
        throw new UsageException("test: expected account_id=<12-digit id>[,<id>...], got " + Shown.quoted(w));
      }
      accounts = parseAccounts(w.substring("account_id=".length())).accountIds();
    }
    var settings = root.settings();
    try (var sessions = new Sessions()) {
      return accounts.size() > 1 ? testEach(sessions, settings, accounts)
          : testOne(sessions, settings, accounts.isEmpty() ? null : accounts.getFirst());
    }
  }

  private int testOne(Sessions sessions, AuthSettings settings, String account) {
    var steps = ConnectivityCheck.run(sessions, settings, account);
    var out = root.cli.out();
    for (var step : steps) {
      out.printf("%-14s %-4s %s%n", step.name(), step.ok() ? "ok" : "FAIL", ControlChars.escape(step.detail()));
    }
    var failed = steps.stream().filter(s -> !s.ok()).findFirst();
    if (failed.isPresent()) {
      root.cli.error("test failed at " + failed.get().name() + ": " + failed.get().detail() + root.instanceHint());
      return failed.get().name().equals("configuration") ? 2 : 1;
    }
    out.println("ok");
    return 0;
  }

  /** One line per account, in the order given: "ID  ok" or "ID  FAIL step: detail". */
  private int testEach(Sessions sessions, AuthSettings settings, List<String> accounts) {
    var out = root.cli.out();
    int failures = 0;
    for (String account : accounts) {
      var steps = ConnectivityCheck.run(sessions, settings, account);
      var failed = steps.stream().filter(s -> !s.ok()).findFirst();
      if (failed.isPresent() && failed.get().name().equals("configuration")) {
        // The same for every account: say it once, as a single test does.
        root.cli.error("test failed at configuration: " + failed.get().detail() + root.instanceHint());
        return 2;
      }
      if (failed.isPresent()) {
        failures++;
        out.printf("%s  FAIL %s: %s%n", account, failed.get().name(), ControlChars.escape(failed.get().detail()));
      } else {
        out.printf("%s  ok%n", account);
      }
    }
    if (failures > 0) {
      root.cli.error("test failed in " + failures + " of " + accounts.size() + " accounts");
      return 1;
    }
    return 0;
  }

  private static AccountSelection parseAccounts(String text) {
    try {
      Object v = new ArgType.Accounts().parse(text);
      if (v instanceof AccountSelection s && !s.all() && !s.accountIds().isEmpty()) {
        return s;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new UsageException("test: account_id: expected 12-digit account ids, comma-separated, got " + Shown.quoted(text));
  }
}
