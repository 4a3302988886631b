package io.rolecall.store;

import io.rolecall.UsageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes opening one SQLite store, across processes (a lock on a file beside it) and within this one. Two
 * processes migrating a new store at once race Flyway's reads and writes, and SQLite refuses the loser's upgrade
 * from reader to writer at once (SQLITE_BUSY_SNAPSHOT, "database is locked"), whatever the busy timeout. The lock
 * is never on the database file itself: SQLite's own POSIX locks live there, and closing another descriptor of it
 * would drop them.
 */
final class OpenLock implements AutoCloseable {
  private static final ReentrantLock IN_PROCESS = new ReentrantLock();
  private static final long WAIT_SECONDS = 120;

  private final FileChannel channel;
  private final FileLock lock;

  private OpenLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Holds the lock for {@code db} until closed; without a writable directory, only the in-process part. */
  static OpenLock acquire(Path db) {
    try {
      if (!IN_PROCESS.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new UsageException("db: timed out waiting to open " + db);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException("db: interrupted while waiting to open " + db);
    }
    Path file = db.resolveSibling(db.getFileName() + ".lock");
    FileChannel channel;
    try {
      if (!Files.exists(file)) {
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
          // another process made it first
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(file);
        }
      }
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
    } catch (IOException e) {
      // A store in a directory we cannot write to: nobody can create or migrate it here either.
      return new OpenLock(null, null);
    }
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      FileLock lock;
      while ((lock = channel.tryLock()) == null) {
        if (System.nanoTime() > deadline) {
          throw new UsageException("db: another process has been opening " + db + " for " + WAIT_SECONDS + " s");
        }
        Thread.sleep(20);
      }
      return new OpenLock(channel, lock);
    } catch (IOException | InterruptedException | RuntimeException e) {
      closeQuietly(channel);
      IN_PROCESS.unlock();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (e instanceof UsageException u) {
        throw u;
      }
      throw new UsageException("db: cannot lock " + file + " to open the store: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
    } catch (IOException ignored) {
      // Closing the channel releases it too.
    } finally {
      closeQuietly(channel);
      IN_PROCESS.unlock();
    }
  }

  private static void closeQuietly(FileChannel c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing held any more
      }
    }
  }
}
