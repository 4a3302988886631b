package io.rolecall.cli;

import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line pointed at a sandbox as a user would set it up: a config file with an instance
 * "test" whose secret key is a ${ROLECALL_TEST_SECRET} reference, and a store in a temporary
 * directory. The engine's secret key is a canary: it must never show up in output or in the store.
 * Accounts 222222222222 and 333333333333 trust the engine; 444444444444 wants another ExternalId.
 */
final class SandboxEngine implements AutoCloseable {
  static final String MANAGEMENT = "111111111111";
  static final String ROLE = "RolecallRemediation";
  static final String EXTERNAL_ID = "ext-cli-42";
  static final String CANARY = "CANARY-" + "7d1f0c9e4b2a8d6f3e5c1b9a0f2e4d6c8";
  static final List<String> TRUSTING = List.of("222222222222", "333333333333");
  static final String UNTRUSTED = "444444444444";

  final Sandbox sb = Sandbox.start();
  final Path dir;
  final Path config;
  final Path db;
  final String accessKeyId;
  final Map<String, String> env;

  SandboxEngine(Path dir) {
    this.dir = dir;
    var engine = sb.account(MANAGEMENT).iam().createUser("engine");
    accessKeyId = sb.world().issueAccessKey(engine.principal(), CANARY).accessKeyId();
    var trust = TrustPolicy.trusting(engine.arn()).withExternalId(EXTERNAL_ID);
    for (String a : TRUSTING) {
      sb.account(a).iam().createRole(ROLE, trust);
    }
    sb.account(UNTRUSTED).iam().createRole(ROLE, TrustPolicy.trusting(engine.arn()).withExternalId("someone-else"));
    config = dir.resolve("rolecall.yaml");
    db = dir.resolve("store").resolve("rolecall.db");
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
          """.formatted(sb.endpoint(), accessKeyId, ROLE, EXTERNAL_ID));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env = Map.of("ROLECALL_TEST_SECRET", CANARY);
  }

  /** rolecall --config FILE --instance test --db DB ARGS..., in this JVM. */
  CliRun run(String... args) {
    return runWith(db.toString(), List.of(args));
  }

  /** The same with another store (--db), or a path that is none. */
  CliRun runWith(String store, List<String> args) {
    return CliRun.inProcess(env, line(store, args));
  }

  /** The command line of {@link #runWith}, for a subprocess. */
  String[] line(String store, List<String> args) {
    var all = new ArrayList<>(List.of("--config", config.toString(), "--instance", "test", "--db", store));
    all.addAll(args);
    return all.toArray(String[]::new);
  }

  @Override
  public void close() {
    sb.close();
  }
}
