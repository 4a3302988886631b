package io.rolecall.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.commands.remediation.PasswordPolicyUpdate;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fan-out over accounts: whatever goes wrong in one account, even an exception nobody expected, is that account's
 * failure, reported beside the others' results, never one error for the whole run after the others made changes.
 */
class FanOutFailuresTest {
  static final List<String> ACCOUNTS = List.of("222222222222", "333333333333", "444444444444");

  @TempDir
  Path dir;

  /** The real password-policy update, with a defect that shows in one account after its change is made. */
  static final class FailsAfterWritingIn333 implements Command {
    private final Command real = new PasswordPolicyUpdate();

    @Override
    public CommandSpec spec() {
      return real.spec();
    }

    @Override
    public CommandResult run(CommandContext ctx) {
      var result = real.run(ctx);
      if (ctx.accountId().equals("333333333333")) {
        throw new IllegalStateException("a defect nobody expected");
      }
      return result;
    }
  }

  @Test
  void anUnexpectedExceptionInOneAccountIsThatAccountsFailureAndTheOthersAreReported() {
    try (var sb = Sandbox.start(); var sessions = new Sessions();
        var store = Store.open(dir.resolve("rolecall.db").toString())) {
      var engine = sb.account("111111111111").iam().createUserWithAccessKey("engine");
      for (String a : ACCOUNTS) {
        sb.account(a).iam().createRole("Remediation", TrustPolicy.trustingAccount("111111111111"));
      }
      var settings = AuthSettings.builder().region("us-east-1").endpointUrl(sb.endpoint())
          .accessKey(engine.accessKeyId()).secretKey(Secret.of(engine.secretAccessKey())).roleName("Remediation")
          .retries(0).build();
      var executor = new CommandExecutor(new CommandRegistry(List.of(new FailsAfterWritingIn333())), sessions,
          store::auditJournal, "tester", 4, Clock.systemUTC());

      var e = executor.execute(settings, "aws-iam-account-password-policy-update",
          Map.of("account_id", String.join(",", ACCOUNTS), "minimum_password_length", "12"));

      assertThat(e.exitCode()).isEqualTo(1);
      assertThat(e.outcomes()).extracting(AccountOutcome::accountId).containsExactlyElementsOf(ACCOUNTS);
      assertThat(e.outcomes().get(0).succeeded()).isTrue();
      assertThat(e.outcomes().get(2).succeeded()).isTrue();
      assertThat(e.failures()).singleElement().satisfies(f -> {
        assertThat(f.accountId()).isEqualTo("333333333333");
        assertThat(f.error()).isEqualTo("internal error: java.lang.IllegalStateException: a defect nobody expected");
      });
      assertThat(e.table().rows()).hasSize(2);
      // Each change made is journaled, the one in the failing account included.
      assertThat(store.auditJournal().recent(10)).hasSize(3).allSatisfy(j -> assertThat(j.outcomeText()).isEqualTo("applied"));
      for (String a : ACCOUNTS) {
        assertThat(sb.account(a).iam().passwordPolicy().orElseThrow().minimumPasswordLength()).isEqualTo(12);
      }
    }
  }
}
