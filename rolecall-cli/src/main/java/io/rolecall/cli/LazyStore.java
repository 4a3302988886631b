package io.rolecall.cli;

import io.rolecall.store.Store;

/** Opens the store on first use only: read-only commands should not pay for opening and migrating it. */
final class LazyStore implements AutoCloseable {
  private final String location;
  private Store store;

  LazyStore(String location) {
    this.location = location;
  }

  synchronized Store get() {
    if (store == null) {
      store = Store.open(location);
    }
    return store;
  }

  @Override
  public synchronized void close() {
    if (store != null) {
      store.close();
    }
  }
}
