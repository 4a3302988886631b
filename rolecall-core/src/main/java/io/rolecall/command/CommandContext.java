package io.rolecall.command;

import io.rolecall.aws.Session;

/**
 * What a command runs with in one target: its validated arguments, an authenticated session, and the journal its
 * changes go to ({@link ChangeJournal#NONE} in a dry run).
 */
public record CommandContext(Arguments args, Session session, ChangeJournal journal) {
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
