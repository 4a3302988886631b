package io.rolecall.store;

import io.rolecall.Shown;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.rolecall.UsageException;
import io.rolecall.audit.AuditJournal;
import io.rolecall.auth.Redactor;
import io.rolecall.config.Env;
import io.rolecall.config.RolecallHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * rolecall's store: an embedded SQLite file by default, PostgreSQL by JDBC URL for teams. The schema
 * is migrated by Flyway on open, from the scripts for the store's kind. Every user of the store goes
 * through {@link #transaction}, which commits or rolls back as a whole.
 */
public final class Store implements AutoCloseable {
  public enum Kind { SQLITE, POSTGRESQL }

  /** Where the store lives when nothing says otherwise: rolecall.db in {@link RolecallHome#dir}. */
  public static Path defaultPath(Env env) {
    return RolecallHome.dir(env).resolve("rolecall.db");
  }

  private static final Pattern PASSWORD = Pattern.compile("(?i)([?&]password=)([^&]*)");

  private final Kind kind;
  private final String description;
  private final HikariDataSource dataSource;

  private Store(Kind kind, String description, HikariDataSource dataSource) {
    this.kind = kind;
    this.description = description;
    this.dataSource = dataSource;
  }

  /**
   * Opens (creating and migrating as needed) the store at {@code location}: a file path for SQLite,
   * a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL, or null for {@link #defaultPath} (front ends resolve
   * the default and {@code ~} with their environment first).
   */
  public static Store open(String location) {
    return open(location, true);
  }

  /**
   * Opens a store that exists already, for commands that only read: a mistyped {@code --db} is a usage error naming
   * the path, and creates neither a store nor its directories. (A PostgreSQL store is opened as by {@link #open}.)
   */
  public static Store openExisting(String location) {
    return open(location, false);
  }

  private static Store open(String location, boolean create) {
    String url = toJdbcUrl(location, create);
    Kind kind = url.startsWith("jdbc:postgresql:") ? Kind.POSTGRESQL : Kind.SQLITE;
    String shown = masked(url);
    var config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("rolecall-store");
    config.setAutoCommit(false);
    // Fail at once when the database cannot be reached: a command should say so, not hang.
    config.setInitializationFailTimeout(1);
    if (kind == Kind.SQLITE) {
      // One connection: SQLite has one writer at a time anyway, and a single connection never meets
      // SQLITE_BUSY. WAL lets readers in other processes proceed; FULL sync makes commits durable.
      config.setMaximumPoolSize(1);
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "FULL");
      config.addDataSourceProperty("busy_timeout", "30000");
      config.addDataSourceProperty("foreign_keys", "true");
    } else {
      config.setMaximumPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
      config.setConnectionTimeout(30_000);
    }
    if (kind == Kind.POSTGRESQL) {
      probe(url, shown);
    }
    HikariDataSource ds;
    Path file = kind == Kind.SQLITE ? sqliteFile(url) : null;
    try (var opening = file == null ? null : OpenLock.acquire(file)) {
      ds = new HikariDataSource(config);
      try {
        migrate(ds, kind);
      } catch (FlywayException e) {
        ds.close();
        throw e;
      }
    } catch (FlywayException | com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
      throw cannotOpen(shown, e);
    }
    return new Store(kind, shown, ds);
  }

  /**
   * One connection straight from the driver, so an unreachable server is reported at once: the pool's own fail-fast
   * check sleeps a second after a failed attempt before it gives up.
   */
  private static void probe(String url, String shown) {
    try (Connection ignored = java.sql.DriverManager.getConnection(url)) {
      // reachable, and the credentials are accepted
    } catch (SQLException e) {
      throw cannotOpen(shown, e);
    }
  }

  /** The store's location as shown (no password) and the root cause, redacted: a driver may echo what it was given. */
  private static UsageException cannotOpen(String shown, Exception e) {
    return new UsageException("db: cannot open " + shown + ": " + Redactor.global().redact(rootMessage(e)));
  }

  /** The file of a {@code jdbc:sqlite:} URL, or null for an in-memory database. */
  private static Path sqliteFile(String url) {
    String rest = url.substring("jdbc:sqlite:".length());
    int query = rest.indexOf('?');
    String path = query < 0 ? rest : rest.substring(0, query);
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    return path.isEmpty() || path.contains(":memory:") ? null : Path.of(path).toAbsolutePath();
  }

  private static void migrate(DataSource ds, Kind kind) {
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration/" + (kind == Kind.SQLITE ? "sqlite" : "postgresql"))
        .javaMigrations(new io.rolecall.store.migration.V4_1__ContentAddressedItems())
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }

  static String toJdbcUrl(String location) {
    return toJdbcUrl(location, true);
  }

  /**
   * The JDBC URL for {@code location}. For a new SQLite file ({@code create}), its directory is made owner-only and
   * the file itself is created 0600 before SQLite opens it (SQLite gives its -wal and -shm files the same mode): the
   * journal and inventory describe a security estate, not for other local users to read.
   */
  static String toJdbcUrl(String location, boolean create) {
    if (location != null && location.startsWith("jdbc:")) {
      if (!location.startsWith("jdbc:sqlite:") && !location.startsWith("jdbc:postgresql:")) {
        throw new UsageException("db: expected a file path, jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB, got "
            + Shown.quoted(masked(location)));
      }
      registerPassword(location);
      return location;
    }
    Path path = (location == null ? defaultPath(Env.system())
        : Path.of(RolecallHome.expand(location, Env.system()))).toAbsolutePath();
    if (!create) {
      if (!Files.isRegularFile(path)) {
        throw new UsageException("db: no store at " + path + " (nothing has been recorded there; check --db or the"
            + " config's db:)");
      }
      return "jdbc:sqlite:" + path;
    }
    try {
      Path dir = path.getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
      }
      if (!Files.exists(path)) {
        try {
          Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(path);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
          // another process created it first: theirs is as good
        }
      }
    } catch (IOException e) {
      throw new UsageException("db: cannot create the store " + path + ": " + reason(e));
    }
    return "jdbc:sqlite:" + path;
  }

  /** What an I/O failure means, in words (the JDK's message for some is only the path). */
  private static String reason(IOException e) {
    return switch (e) {
      case java.nio.file.FileAlreadyExistsException f -> f.getFile() + " exists and is not a directory";
      case java.nio.file.AccessDeniedException d -> "permission denied on " + d.getFile();
      case java.nio.file.NoSuchFileException n -> "no such file or directory: " + n.getFile();
      default -> e.getMessage();
    };
  }

  private static void ownerOnly(Path p, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException ignored) {
      // Not a POSIX file system; the platform's defaults apply.
    }
  }

  private static void registerPassword(String url) {
    Matcher m = PASSWORD.matcher(url);
    while (m.find()) {
      Redactor.global().register(m.group(2));
    }
  }

  /** The JDBC URL with any password masked, for messages. */
  static String masked(String url) {
    return PASSWORD.matcher(url).replaceAll("$1****");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  public Kind kind() {
    return kind;
  }

  /** The store's location as it may be shown (password masked). */
  public String description() {
    return description;
  }

  /** Work that needs a connection, run in one transaction: committed if it returns, rolled back if it throws. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  public <T> T transaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("store " + description + ": " + Redactor.global().redact(e.getMessage()), e);
    }
  }

  /**
   * The store's pool, for libraries that manage tables of their own in it (the engine's scheduler). Its connections
   * do not auto-commit; on SQLite there is one, so such a library must never hold it while calling back into code
   * that opens a {@link #transaction}.
   */
  public DataSource dataSource() {
    return dataSource;
  }

  public AuditJournal auditJournal() {
    return new SqlAuditJournal(this);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
