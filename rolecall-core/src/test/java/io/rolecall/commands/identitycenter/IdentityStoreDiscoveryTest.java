package io.rolecall.commands.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.command.CommandExecutor;
import io.rolecall.commands.Commands;
import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The identity store is discovered once per process (per identity and region), not once per command: an engine
 * running many commands pays for one ListInstances.
 */
class IdentityStoreDiscoveryTest {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");

  @AfterEach
  void close() {
    sb.close();
  }

  CommandExecutor executor(Sessions sessions) {
    return new CommandExecutor(Commands.registry(), sessions, () -> {
      throw new AssertionError("read-only commands journal nothing");
    }, "test", 4, Clock.systemUTC());
  }

  AuthSettings settings(String region) {
    return AuthSettings.builder().region(region).endpointUrl(sb.endpoint()).accessKey(ops.accessKeyId())
        .secretKey(Secret.of(ops.secretAccessKey())).retries(0).build();
  }

  @Test
  void oneListInstancesServesEveryCommandOfAProcess() {
    var store = sb.account("111111111111").identityCenter().createInstance();
    store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    try (var sessions = new Sessions()) {
      var executor = executor(sessions);
      for (int i = 0; i < 3; i++) {
        var run = executor.execute(settings("us-east-1"), "aws-iam-identitycenter-get-user", Map.of("userName", "ann"));
        assertThat(run.exitCode()).as(String.valueOf(run.failures())).isZero();
      }
      executor.execute(settings("us-east-1"), "aws-iam-identitycenter-list-groups", Map.of());
    }
    assertThat(sb.calls().count("sso", "ListInstances")).isEqualTo(1);
    assertThat(sb.calls().count("identitystore", "GetUserId")).isEqualTo(3);
  }

  @Test
  void anotherRegionIsDiscoveredOnItsOwn() {
    sb.account("111111111111").identityCenter().createInstance("us-east-1").createGroup("East");
    sb.account("111111111111").identityCenter().createInstance("eu-west-1").createGroup("West");
    try (var sessions = new Sessions()) {
      var executor = executor(sessions);
      var east = executor.execute(settings("us-east-1"), "aws-iam-identitycenter-list-groups", Map.of());
      var west = executor.execute(settings("eu-west-1"), "aws-iam-identitycenter-list-groups", Map.of());
      assertThat(east.table().rows()).extracting(r -> r.get(1)).containsExactly("East");
      assertThat(west.table().rows()).extracting(r -> r.get(1)).containsExactly("West");
    }
    assertThat(sb.calls().count("sso", "ListInstances")).isEqualTo(2);
  }

  @Test
  void aFailedDiscoveryIsNotRemembered() {
    try (var sessions = new Sessions()) {
      var executor = executor(sessions);
      var none = executor.execute(settings("us-east-1"), "aws-iam-identitycenter-list-users", Map.of());
      assertThat(none.exitCode()).isEqualTo(1);
      sb.account("111111111111").identityCenter().createInstance();
      var found = executor.execute(settings("us-east-1"), "aws-iam-identitycenter-list-users", Map.of());
      assertThat(found.exitCode()).isZero();
    }
    assertThat(sb.calls().count("sso", "ListInstances")).isEqualTo(2);
  }
}
