package io.rolecall.command;

import io.rolecall.CommandFailedException;

/**
 * A command failed after changing part of what it set out to change (say, removed a user from 3 of 60 groups). The
 * message says what was and was not done; {@link #change()} is what was applied, which the executor journals like
 * any applied change, so the audit journal never misses a write because a later one failed.
 */
public class PartialChangeException extends CommandFailedException {
  private final transient Change change;

  public PartialChangeException(String message, Change change, Throwable cause) {
    super(message, cause);
    this.change = change;
  }

  public Change change() {
    return change;
  }
}
