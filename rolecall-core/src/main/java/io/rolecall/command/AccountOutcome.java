package io.rolecall.command;

/** How a command fared in one account: a result, or the one-line reason it failed. */
public record AccountOutcome(String accountId, CommandResult result, String error) {
  public static AccountOutcome ok(String accountId, CommandResult result) {
    return new AccountOutcome(accountId, result, null);
  }

  public static AccountOutcome failed(String accountId, String error) {
    return new AccountOutcome(accountId, null, error);
  }

  public boolean succeeded() {
    return error == null;
  }
}
