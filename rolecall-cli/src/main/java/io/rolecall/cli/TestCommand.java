package io.rolecall.cli;

import io.rolecall.aws.ConnectivityCheck;
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

/** {@code rolecall test [account_id=ID]}: XSOAR's Test button. Prints each step, then ok or what is wrong. */
@Command(name = "test", description = "Check the configuration, the identity, the role and one read call; print ok or what is wrong.")
final class TestCommand implements Callable<Integer> {
  @ParentCommand
  RolecallCommand root;

  @Parameters(arity = "0..1", paramLabel = "account_id=ID", description = "Test the role-name role in this account.")
  List<String> words = List.of();

  @Override
  public Integer call() {
    String account = null;
    if (words.size() > 1) {
      throw new UsageException("test: expected at most one argument, account_id=<12-digit id>, got " + words.size()
          + ": " + String.join(" ", words.stream().map(Shown::quoted).toList()));
    }
    if (!words.isEmpty()) {
      String w = words.getFirst();
      if (!w.startsWith("account_id=")) {
        throw new UsageException("test: expected account_id=<12-digit id>, got " + Shown.quoted(w));
      }
      var selection = (AccountSelection) parseAccount(w.substring("account_id=".length()));
      account = selection.accountIds().getFirst();
    }
    var settings = root.settings();
    try (var sessions = new Sessions()) {
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
  }

  private static Object parseAccount(String text) {
    try {
      Object v = new ArgType.Accounts().parse(text);
      if (v instanceof AccountSelection s && !s.all() && s.accountIds().size() == 1) {
        return s;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new UsageException("test: account_id: expected one 12-digit account id, got " + Shown.quoted(text));
  }
}
