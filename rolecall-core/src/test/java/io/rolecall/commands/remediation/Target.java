package io.rolecall.commands.remediation;

import io.rolecall.audit.AuditEntry;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.command.CommandExecutor;
import io.rolecall.command.Execution;
import io.rolecall.commands.Commands;
import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * An engine pointed at a sandbox: user "engine" in the management account 111111111111, the role
 * {@value #ROLE} (requiring ExternalId {@value #EXTERNAL_ID}) in each target account, and an
 * executor journaling to a SQLite store in {@code dir}. Commands run through the real SDK over HTTP.
 */
final class Target implements AutoCloseable {
  static final String MANAGEMENT = "111111111111";
  static final String ROLE = "RolecallRemediation";
  static final String EXTERNAL_ID = "ext-remediation-1";
  static final String ENGINE_ARN = "arn:aws:iam::" + MANAGEMENT + ":user/engine";

  final Sandbox sb = Sandbox.start();
  final Store store;
  final Sessions sessions = new Sessions();
  final AuthSettings settings;
  final CommandExecutor executor;

  Target(Path dir, String... accounts) {
    var engine = sb.account(MANAGEMENT).iam().createUserWithAccessKey("engine");
    for (String account : accounts) {
      trust(account);
    }
    store = Store.open(dir.resolve("rolecall.db").toString());
    settings = AuthSettings.builder().instanceName("test-instance").region("us-east-1")
        .endpointUrl(sb.endpoint()).accessKey(engine.accessKeyId()).secretKey(Secret.of(engine.secretAccessKey()))
        .roleName(ROLE).externalId(EXTERNAL_ID).retries(0).build();
    executor = new CommandExecutor(Commands.registry(), sessions, store::auditJournal, "tester (test)", 4,
        Clock.systemUTC());
  }

  /** Creates the role in {@code account}, trusting the engine with the ExternalId. */
  Account trust(String account) {
    var a = sb.account(account);
    a.iam().createRole(ROLE, TrustPolicy.trusting(ENGINE_ARN).withExternalId(EXTERNAL_ID));
    return a;
  }

  Execution run(String command, Map<String, String> args) {
    return executor.execute(settings, command, args);
  }

  List<AuditEntry> journal() {
    return store.auditJournal().recent(100);
  }

  @Override
  public void close() {
    sessions.close();
    store.close();
    sb.close();
  }
}
