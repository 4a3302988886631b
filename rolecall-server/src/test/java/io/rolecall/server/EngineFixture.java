package io.rolecall.server;

import io.rolecall.config.ConfigFile;
import io.rolecall.config.Env;
import io.rolecall.config.InstanceSettings;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * An engine on the sandbox, set up as a user would: a config file whose instance "test" reads its secret key from
 * ${ROLECALL_TEST_SECRET}, that secret being a canary that must never leave the engine (responses, log). Accounts
 * 222222222222 and 333333333333 trust the engine's user; 444444444444 wants another ExternalId. Every response
 * body is kept so a test can check none of them carries a secret.
 */
final class EngineFixture implements AutoCloseable {
  static final String MANAGEMENT = "111111111111";
  static final String ROLE = "RolecallRemediation";
  static final String EXTERNAL_ID = "ext-engine-42";
  static final String CANARY = "CANARY-" + "engine-5b0e7c3f9a1d2e4c6b8a0f1e3d5c7b9a";
  static final String TOKEN = "test-token-" + "0a9b8c7d6e5f4a3b2c1d0e9f";
  static final List<String> TRUSTING = List.of("222222222222", "333333333333");
  static final String UNTRUSTED = "444444444444";
  /** Quick polls and heartbeats, so in-process tests see takeovers and firings within a second or two. */
  static final io.rolecall.server.jobs.EngineScheduler.Timing TIMING =
      new io.rolecall.server.jobs.EngineScheduler.Timing(Duration.ofMillis(100), Duration.ofMillis(500), 4);

  final Sandbox sb;
  final Path dir;
  final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final List<Engine> engines = new ArrayList<>();
  private final Path config;
  private final Map<String, String> env;

  EngineFixture(Path dir) {
    this(dir, Sandbox.start());
  }

  EngineFixture(Path dir, Sandbox sandbox) {
    this(dir, sandbox, "");
  }

  /** With {@code moreConfig} (YAML of the config file's other top-level keys, such as suppressions) after instances. */
  EngineFixture(Path dir, Sandbox sandbox, String moreConfig) {
    this.sb = sandbox;
    this.dir = dir;
    var user = sb.account(MANAGEMENT).iam().createUser("engine");
    String accessKeyId = sb.world().issueAccessKey(user.principal(), CANARY).accessKeyId();
    for (String a : TRUSTING) {
      trustEngine(a);
      sb.account(a).iam().createUser("alice-" + a.substring(0, 3));
    }
    sb.account(UNTRUSTED).iam().createRole(ROLE, TrustPolicy.trusting(user.arn()).withExternalId("someone-else"));
    // A weak password policy: a finding for the dashboard and the API to show.
    sb.account("222222222222").iam().setPasswordPolicy(new PasswordPolicy(8, false, true, false, false, true, 0, 0, false));
    config = dir.resolve("rolecall.yaml");
    try {
      Files.writeString(config, """
          instances:
            test:
              region: us-east-1
              endpointUrl: %s
              accessKey: %s
              secretKey: ${ROLECALL_TEST_SECRET}
              roleName: %s
              externalId: %s
              retries: 0
          """.formatted(sb.endpoint(), accessKeyId, ROLE, EXTERNAL_ID) + moreConfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env = Map.of("ROLECALL_TEST_SECRET", CANARY);
  }

  /** An engine whose default instance is "test", on a SQLite store in the fixture's directory. */
  /** Creates the engine's role in {@code account}, trusting the engine's user with the external id. */
  void trustEngine(String account) {
    sb.account(account).iam().createRole(ROLE, TrustPolicy.trusting("arn:aws:iam::" + MANAGEMENT + ":user/engine")
        .withExternalId(EXTERNAL_ID));
  }

  Engine start() {
    return start(dir.resolve("rolecall.db").toString(), "engine-a", 2);
  }

  Engine start(String db, String runner, int workers) {
    return start(db, runner, workers, null);
  }

  /** An engine that applies {@code retention} after each sync job (null: keeps everything). */
  Engine start(String db, String runner, int workers, io.rolecall.config.Retention retention) {
    return start(db, runner, workers, retention, List.of());
  }

  /** An engine that keeps the given recurring syncs (as serve --schedule does). */
  Engine start(String db, String runner, int workers, io.rolecall.config.Retention retention,
      List<Engine.ScheduleOption> schedules) {
    var envs = Env.of(env);
    var file = ConfigFile.load(config, envs);
    var engine = Engine.start(new Engine.Options("127.0.0.1", 0, BearerToken.of(TOKEN), db,
        InstanceSettings.resolve(envs, file, "test"), file, envs, "tester (engine)", 16, workers, TIMING, runner,
        new PrintStream(logBytes, true, StandardCharsets.UTF_8), retention, List.of(), schedules));
    engines.add(engine);
    return engine;
  }

  String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  HttpResponse<String> send(Engine engine, String method, String path, String token, String body) {
    var b = HttpRequest.newBuilder(URI.create(engine.uri() + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      var response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      bodies.add(response.body());
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(Engine engine, String path) {
    return send(engine, "GET", path, TOKEN, null);
  }

  HttpResponse<String> post(Engine engine, String path, String body) {
    return send(engine, "POST", path, TOKEN, body);
  }

  @Override
  public void close() {
    engines.forEach(Engine::close);
    sb.close();
  }
}
