package io.rolecall.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A `rolecall serve` process of its own (a fresh JVM on the test class path), as an operator runs one: started,
 * waited for until it prints where it listens, spoken to over HTTP, and stopped or killed with SIGKILL (kill -9).
 * Every wait has a deadline that fires.
 */
final class EngineProcess implements AutoCloseable {
  static final String TOKEN = "failover-test-token-" + "8e2c4a6f0b1d3e5f";
  private static final Pattern LISTENING = Pattern.compile("rolecall engine on (http://\\S+)");

  final CliRun.Started started;
  final URI uri;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private EngineProcess(CliRun.Started started, URI uri) {
    this.started = started;
    this.uri = uri;
  }

  /** Starts `rolecall ARGS... serve --port 0 SERVE_ARGS...` and waits (at most 60 s) until it listens. */
  static EngineProcess start(Map<String, String> env, String[] line) {
    var all = new java.util.HashMap<>(env);
    all.put("ROLECALL_ENGINE_TOKEN", TOKEN);
    var started = CliRun.start(all, line);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    try {
      while (Instant.now().isBefore(deadline)) {
        var m = LISTENING.matcher(Files.readString(started.outFile()));
        if (m.find()) {
          return new EngineProcess(started, URI.create(m.group(1)));
        }
        if (!started.process().isAlive()) {
          throw new IllegalStateException("rolecall serve exited " + started.process().exitValue() + ": "
              + Files.readString(started.errFile()));
        }
        Thread.sleep(100);
      }
      started.process().destroyForcibly();
      throw new IllegalStateException("rolecall serve did not listen within 60 s: " + Files.readString(started.errFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> send(String method, String path, String body) {
    var b = HttpRequest.newBuilder(uri.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + TOKEN)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL: no shutdown hook, no goodbye; its executions stay picked in the store until found dead. */
  void kill() {
    started.process().destroyForcibly();
    waitFor();
  }

  long pid() {
    return started.process().pid();
  }

  String log() {
    try {
      return Files.readString(started.errFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void waitFor() {
    try {
      if (!started.process().waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("rolecall serve (pid " + pid() + ") did not end within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (started.process().isAlive()) {
      started.process().destroy();
      try {
        if (!started.process().waitFor(20, TimeUnit.SECONDS)) {
          started.process().destroyForcibly();
          started.process().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
