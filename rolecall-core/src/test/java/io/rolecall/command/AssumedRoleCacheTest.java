package io.rolecall.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.commands.Commands;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** SPEC §1: assumed-role credentials are cached per role, so N commands cost one AssumeRole. */
class AssumedRoleCacheTest {
  @Test
  void twentyCommandsAgainstOneRoleCostOneAssumeRole() throws Exception {
    try (var sandbox = Sandbox.start(); var sessions = new Sessions()) {
      var engine = sandbox.account("111111111111").iam().createUserWithAccessKey("engine");
      sandbox.account("222222222222").iam().createRole("Audit", TrustPolicy.trustingAccount("111111111111").withExternalId("x-1"));
      var settings = AuthSettings.builder().region("us-east-1").endpointUrl(sandbox.endpoint())
          .accessKey(engine.accessKeyId()).secretKey(Secret.of(engine.secretAccessKey()))
          .roleName("Audit").externalId("x-1").build();
      var executor = new CommandExecutor(Commands.registry(), sessions, () -> null, "test", 4, Clock.systemUTC());
      // Ten in sequence, ten at once: the cache must also hold under concurrency.
      for (int i = 0; i < 10; i++) {
        assertThat(executor.execute(settings, "aws-iam-account-password-policy-get",
            Map.of("account_id", "222222222222")).exitCode()).isZero();
      }
      try (var pool = Executors.newFixedThreadPool(10)) {
        var futures = IntStream.range(0, 10).mapToObj(i -> pool.submit(() -> executor.execute(settings,
            "aws-iam-account-password-policy-get", Map.of("account_id", "222222222222")).exitCode())).toList();
        for (var f : futures) {
          assertThat(f.get()).isZero();
        }
      }
      assertThat(sandbox.calls().count("iam", "GetAccountPasswordPolicy")).isEqualTo(20);
      assertThat(sandbox.calls().count("sts", "AssumeRole")).isEqualTo(1);
    }
  }

  @Test
  void sessionCloseToExpiryIsRefreshedOnceThenReused() {
    try (var sandbox = Sandbox.start(); var sessions = new Sessions()) {
      var engine = sandbox.account("111111111111").iam().createUserWithAccessKey("engine");
      sandbox.account("222222222222").iam().createRole("Audit", TrustPolicy.trustingAccount("111111111111"));
      var settings = AuthSettings.builder().region("us-east-1").endpointUrl(sandbox.endpoint())
          .accessKey(engine.accessKeyId()).secretKey(Secret.of(engine.secretAccessKey())).roleName("Audit").build();
      var executor = new CommandExecutor(Commands.registry(), sessions, () -> null, "test", 4, Clock.systemUTC());
      var args = Map.of("account_id", "222222222222");
      // The sandbox issues the first 900 s session with its clock 800 s behind, so the session expires
      // 100 s from now: inside the SDK's refresh window. The next command must assume the role again.
      sandbox.clock().advance(Duration.ofSeconds(-800));
      assertThat(executor.execute(settings, "aws-iam-account-password-policy-get", args).exitCode()).isZero();
      long afterFirst = sandbox.calls().count("sts", "AssumeRole");
      sandbox.clock().advance(Duration.ofSeconds(800));
      assertThat(executor.execute(settings, "aws-iam-account-password-policy-get", args).exitCode()).isZero();
      assertThat(sandbox.calls().count("sts", "AssumeRole")).isEqualTo(afterFirst + 1);
      // The refreshed session has its full 900 s: reused from here on.
      for (int i = 0; i < 3; i++) {
        assertThat(executor.execute(settings, "aws-iam-account-password-policy-get", args).exitCode()).isZero();
      }
      assertThat(sandbox.calls().count("sts", "AssumeRole")).isEqualTo(afterFirst + 1);
    }
  }
}
