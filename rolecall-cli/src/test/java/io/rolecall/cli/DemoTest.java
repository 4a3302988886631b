package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** `rolecall demo` checks itself: every step must end with the exit code it declares. */
class DemoTest {
  @Test
  void theDemoRunsEveryStepAsExpected() {
    var r = CliRun.inProcess(Map.of("HOME", System.getProperty("java.io.tmpdir")), "demo");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("demo finished: every step behaved as expected",
        "(dry run: nothing written)", "optional → required", "Audit journal, newest first",
        "\"GroupName\" : \"security-team\"", "Inventory run r", "cross-account-trust-without-condition",
        "access-key-older-than-90-days", "AKIA", "Not assessed (1)", "Inventory: current state",
        "Who reaches 333333333333 at admin or above", "idc:", "/ann", "What idc:")
        .doesNotContain(DemoOrganization.SUSPENDED);
    assertThat(r.err()).contains("1 of 4 accounts failed: 444444444444") // account_id=all: 4 ACTIVE, 1 suspended skipped
        .contains("1 of 4 account(s) in scope not assessed: 444444444444");
  }
}
