package io.rolecall.commands.remediation;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.command.CommandExecutor;
import io.rolecall.commands.Commands;
import io.rolecall.sandbox.external.ExternalTools;
import io.rolecall.sandbox.external.MotoServer;
import io.rolecall.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Assumptions;

/**
 * What the moto cross-checks of the commands share: one moto_server per test class (or the class skipped, saying
 * why), and per test a reset emulator, a fresh store for the journal and an executor over every command.
 */
final class MotoCommands implements AutoCloseable {
  static final String KEY = "AKIAMOTOTESTKEY00001";
  static final String SECRET = "moto-secret-key-for-tests";

  final Store store;
  final Sessions sessions = new Sessions();
  final CommandExecutor executor;
  private final MotoServer moto;

  MotoCommands(MotoServer moto, Path dir) {
    this.moto = moto;
    moto.reset();
    store = Store.open(dir.resolve("rolecall.db").toString());
    executor = new CommandExecutor(Commands.registry(), sessions, store::auditJournal, "tester", 4, Clock.systemUTC());
  }

  /** Starts moto_server for {@code test}; skips the class, printing why, without it (or without the AWS CLI). */
  static MotoServer startOrSkip(Class<?> test, boolean needsAwsCli) {
    if (needsAwsCli) {
      boolean cli = ExternalTools.awsCli().isPresent();
      if (!cli) {
        System.err.println(test.getSimpleName() + " skipped: the AWS CLI ('aws') is not on PATH");
      }
      Assumptions.assumeTrue(cli, "the AWS CLI ('aws') is not on PATH");
    }
    var started = MotoServer.startIfInstalled();
    if (started.isEmpty()) {
      System.err.println(test.getSimpleName() + " skipped: moto_server is not on PATH");
    }
    Assumptions.assumeTrue(started.isPresent(), "moto_server is not on PATH");
    return started.get();
  }

  /** The emulator's endpoint and test keys, no retries: a test adds what it needs (a role, say). */
  AuthSettings.Builder settings() {
    return AuthSettings.builder().region("us-east-1").endpointUrl(moto.endpoint()).accessKey(KEY)
        .secretKey(Secret.of(SECRET)).retries(0);
  }

  @Override
  public void close() {
    sessions.close();
    store.close();
  }
}
