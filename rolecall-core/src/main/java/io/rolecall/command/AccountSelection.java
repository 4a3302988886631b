package io.rolecall.command;

import java.util.List;

/** The accounts a command targets: listed ones, or every ACTIVE account of the organization. */
public record AccountSelection(boolean all, List<String> accountIds) {
  public static final AccountSelection ALL = new AccountSelection(true, List.of());

  public AccountSelection {
    accountIds = List.copyOf(accountIds);
  }

  public static AccountSelection of(List<String> ids) {
    return new AccountSelection(false, ids);
  }

  @Override
  public String toString() {
    return all ? "all" : String.join(",", accountIds);
  }
}
