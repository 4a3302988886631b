package io.rolecall.sandbox.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@code moto_server} process (a third-party AWS emulator) on a free loopback port, for tests that
 * cross-check rolecall and the sandbox against an implementation nobody here wrote. Tests call
 * {@link #startIfInstalled()} and skip, saying why, when moto is not on PATH.
 */
public final class MotoServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private MotoServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Where moto_server is, if installed: PATH lookup, as a shell would. */
  public static Optional<Path> executable() {
    return ExternalTools.onPath("moto_server");
  }

  /** A started server, or empty when moto_server is not installed (the caller skips with that reason). */
  public static Optional<MotoServer> startIfInstalled() {
    return executable().map(MotoServer::start);
  }

  /**
   * Started with extra environment, e.g. {@code MOTO_IAM_LOAD_MANAGED_POLICIES=true} so IAM holds AWS's managed
   * policies (moto leaves them out by default).
   */
  public static Optional<MotoServer> startIfInstalled(java.util.Map<String, String> environment) {
    return executable().map(e -> start(e, environment));
  }

  public static MotoServer start(Path executable) {
    return start(executable, java.util.Map.of());
  }

  public static MotoServer start(Path executable, java.util.Map<String, String> environment) {
    try {
      int port = freePort();
      Path log = Files.createTempFile("moto-", ".log");
      var builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      var process = builder.start();
      var server = new MotoServer(process, port, log);
      server.awaitReady(Duration.ofSeconds(30));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start moto_server", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Clears every account's state (moto's reset API), so tests sharing one server start clean. */
  public void reset() {
    try {
      var c = (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL().openConnection();
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      c.getOutputStream().close();
      if (c.getResponseCode() != 200) {
        throw new IllegalStateException("moto reset answered " + c.getResponseCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("moto reset failed", e);
    }
  }

  private void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited: " + tail());
      }
      try {
        var c = (HttpURLConnection) endpoint().resolve("/moto-api/").toURL().openConnection();
        c.setConnectTimeout(500);
        if (c.getResponseCode() > 0) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for moto_server", e);
      }
    }
    close();
    throw new IllegalStateException("moto_server did not answer within " + timeout + ": " + tail());
  }

  private String tail() {
    try {
      String all = Files.readString(log);
      return all.length() > 2000 ? all.substring(all.length() - 2000) : all;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
