package io.rolecall.command;

/** Where a command runs. */
public enum Targeting {
  /** In each account named by {@code account_id} (role name + account), or as the instance's identity. */
  ACCOUNTS,
  /** As the instance's identity only (role ARN or base credentials), e.g. Identity Center administration. */
  INSTANCE
}
