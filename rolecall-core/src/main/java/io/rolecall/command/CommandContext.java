package io.rolecall.command;

import io.rolecall.aws.Session;

/** What a command runs with in one target: its validated arguments and an authenticated session. */
public record CommandContext(Arguments args, Session session) {
  public boolean dryRun() {
    return args.dryRun();
  }

  public String accountId() {
    return session.accountId();
  }

  public String region() {
    return session.region();
  }
}
