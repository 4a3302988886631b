package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.auth.Redactor;
import io.rolecall.aws.Sessions;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No growth with uptime, counted rather than timed: 700 requests through the engine, each its own assumed-role
 * session (its own roleSessionName), leave at most the engine's bound of idle role sessions, their SDK clients, and
 * their secrets in the redactor; the rest were let go. (bench/engine-soak measures heap and latency over 10,000.)
 */
class EngineFootprintTest {
  final EngineFixture fx;
  final Engine engine;

  /**
   * The requests go round these accounts: the engine paces each account's IAM calls (10/s), so on one account 700
   * requests would take 70 s of waiting, which says nothing about the footprint.
   */
  static final List<String> ACCOUNTS = IntStream.rangeClosed(1, 20).mapToObj(i -> "5000000000" + (10 + i)).toList();

  EngineFootprintTest() throws Exception {
    fx = new EngineFixture(Files.createTempDirectory("rolecall-footprint"));
    ACCOUNTS.forEach(fx::trustEngine);
    engine = fx.start(fx.dir.resolve("footprint.db").toString(), "engine-a", 0);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void rotatedSessionsBeyondTheBoundAreLetGoWithTheirClientsAndSecrets() throws Exception {
    int secretsBefore = Redactor.global().size();
    int requests = Sessions.ENGINE_IDLE_ROLES + 444;
    try (var pool = Executors.newFixedThreadPool(4)) {
      var futures = new ArrayList<Future<Integer>>();
      for (int i = 0; i < requests; i++) {
        String body = "{\"args\": {\"account_id\": \"" + ACCOUNTS.get(i % ACCOUNTS.size())
            + "\", \"roleSessionName\": \"rotated-" + i + "\"}}";
        futures.add(pool.submit(() -> fx.post(engine, EngineApiTest.GET_POLICY, body).statusCode()));
      }
      for (var f : futures) {
        assertThat(f.get()).isEqualTo(200);
      }
    }
    var sessions = engine.sessions();
    assertThat(sessions.roleSessions()).isEqualTo(Sessions.ENGINE_IDLE_ROLES);
    // Each kept session's IAM client, and the STS client of the engine's own identity.
    assertThat(sessions.sdkClients()).isEqualTo(Sessions.ENGINE_IDLE_ROLES + 1);
    // A secret key and a session token per kept session, at most.
    assertThat(Redactor.global().size() - secretsBefore).isBetween(1, 2 * Sessions.ENGINE_IDLE_ROLES + 2);
    assertThat(fx.sb.calls().count("sts", "AssumeRole")).isEqualTo(requests);
  }
}
