package io.rolecall.store;

import io.rolecall.CommandFailedException;

/** The store failed (disk full, database down, constraint broken). The command fails with exit 1. */
public final class StoreException extends CommandFailedException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
