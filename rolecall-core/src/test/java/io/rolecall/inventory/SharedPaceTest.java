package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.aws.Sessions;
import io.rolecall.command.AccountSelection;
import io.rolecall.command.CommandExecutor;
import io.rolecall.commands.Commands;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's commands and its syncs spend one pace per (account, region, service): every IAM attempt either
 * makes in an account is a permit from the same bucket, so together they stay under the account's quota.
 */
class SharedPaceTest {
  static final String ACCOUNT = "222222222222";

  final Estate estate = new Estate();

  @AfterEach
  void close() {
    estate.close();
  }

  @Test
  void commandsAndASyncInOneAccountTakeTheirPermitsFromOneBucket() {
    estate.seeded(ACCOUNT);
    var limits = new RateLimits();
    try (var sessions = new Sessions()) {
      var paced = new CommandExecutor(Commands.registry(), sessions, () -> null, "test", 4, Clock.systemUTC(),
          limits::pacing);
      for (int i = 0; i < 3; i++) {
        assertThat(paced.execute(estate.settings(), "aws-iam-account-password-policy-get",
            Map.of("account_id", ACCOUNT)).exitCode()).isZero();
      }
      // IAM's quota is account-wide: its bucket has no region.
      assertThat(limits.taken(ACCOUNT, "Iam", "us-east-1")).isEqualTo(3);

      var request = new InventorySync.Request(AccountSelection.of(List.of(ACCOUNT)), List.of("us-east-1"),
          Set.of(Part.IAM), 4, Duration.ofDays(1));
      var result = new InventorySync(sessions, estate.sqlite("pace.db"), limits, Clock.systemUTC())
          .run(estate.settings(), request, InventorySync.Listener.NONE);
      assertThat(result.failed()).isZero();
    }
    long iamServed = estate.sb.calls().snapshot().entrySet().stream()
        .filter(e -> e.getKey().account().equals(ACCOUNT) && e.getKey().service().equals("iam"))
        .mapToLong(Map.Entry::getValue).sum();
    assertThat(iamServed).isGreaterThan(3);
    assertThat(limits.taken(ACCOUNT, "Iam", "us-east-1")).isEqualTo(iamServed);
  }
}
