package io.rolecall.sandbox.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI runner through its fork server: each command runs with its own environment (nothing of one call's keys
 * reaches the next), and exits, prints and fails as the `aws` script itself would.
 */
class AwsCliRunnerIT {
  static Sandbox sb;
  static AccessKey alice;
  static AccessKey bob;

  @BeforeAll
  static void start() {
    boolean found = AwsCli.installed();
    if (!found) {
      System.err.println("AwsCliRunnerIT skipped: the AWS CLI ('aws') is not on PATH");
    }
    Assumptions.assumeTrue(found, "the AWS CLI ('aws') is not on PATH");
    sb = Sandbox.start();
    alice = sb.account("111111111111").iam().createUserWithAccessKey("alice");
    bob = sb.account("222222222222").iam().createUserWithAccessKey("bob");
  }

  @AfterAll
  static void stop() {
    if (sb != null) {
      sb.close();
    }
  }

  @Test
  void everyCallRunsAsTheIdentityInItsOwnEnvironment() {
    for (int i = 0; i < 3; i++) {
      assertThat(arn(alice)).isEqualTo("arn:aws:iam::111111111111:user/alice");
      assertThat(arn(bob)).isEqualTo("arn:aws:iam::222222222222:user/bob");
    }
  }

  @Test
  void aRefusedCallExitsNonZeroWithTheCliMessageOnStderr() {
    var r = AwsCli.run(sb.endpoint(), Map.of("AWS_ACCESS_KEY_ID", "AKIANOSUCHKEY0000000", "AWS_SECRET_ACCESS_KEY", "x",
        "AWS_MAX_ATTEMPTS", "1"), "sts", "get-caller-identity");
    assertThat(r.exit()).isNotZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("GetCallerIdentity");
  }

  @Test
  void aBadCommandLineIsTheCliOwnUsageError() {
    var r = AwsCli.run(sb.endpoint(), alice.env(), "sts", "no-such-operation");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Invalid choice");
  }

  private static String arn(AccessKey key) {
    var r = AwsCli.run(sb.endpoint(), key.env(), "sts", "get-caller-identity", "--query", "Arn", "--output", "text");
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out().strip();
  }
}
