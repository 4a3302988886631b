package io.rolecall.inventory;

import io.rolecall.sandbox.external.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temp dir, pg_ctl start on a free loopback port, stop and
 * delete on close. initdb refuses to run as root, so as root the cluster belongs to the {@code postgres} user
 * (run through runuser). {@link #startIfInstalled()} is empty when PostgreSQL's server programs are not installed.
 */
public final class PostgresCluster implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgres;

  private PostgresCluster(Path bin, Path dir, int port, boolean asPostgres) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** Where initdb and pg_ctl are: on PATH, else Debian's /usr/lib/postgresql/VERSION/bin (newest version). */
  static Optional<Path> binaries() {
    var onPath = ExternalTools.onPath("initdb").filter(p -> ExternalTools.onPath("pg_ctl").isPresent());
    if (onPath.isPresent()) {
      return Optional.of(onPath.get().toAbsolutePath().getParent());
    }
    try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(Path::toString));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public static Optional<PostgresCluster> startIfInstalled() {
    return binaries().map(PostgresCluster::start);
  }

  static PostgresCluster start(Path bin) {
    try {
      boolean root = "root".equals(System.getProperty("user.name"));
      Path dir = Files.createTempDirectory("rolecall-pg");
      var cluster = new PostgresCluster(bin, dir, freePort(), root);
      if (root) {
        run(List.of("chown", "postgres:postgres", dir.toString()));
      }
      cluster.as(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "rolecall",
          "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"));
      cluster.as(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
          dir.resolve("server.log").toString(), "-w", "-o",
          "-p " + cluster.port + " -k " + dir + " -h 127.0.0.1 -c fsync=off", "start"));
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a PostgreSQL cluster", e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=rolecall";
  }

  /** A new, empty database in the cluster, for a test that needs a store of its own. */
  public String createDatabase(String name) {
    try (var c = java.sql.DriverManager.getConnection(jdbcUrl()); var st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=rolecall";
  }

  private void as(List<String> command) {
    var full = new ArrayList<String>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full);
  }

  private static void run(List<String> command) {
    var r = ExternalTools.run(command, System.getenv(), Duration.ofSeconds(60));
    if (r.exit() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + r.out() + r.err());
    }
  }

  private static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    try {
      as(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
