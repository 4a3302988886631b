package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rolecall test account_id=a,b,c`: each account tested, one line per account, exit 1 if any failed. */
class TestCommandCliTest {
  @TempDir
  Path dir;

  @Test
  void aCommaListTestsEachAccountOnOneLineEach() {
    try (var e = new SandboxEngine(dir)) {
      var r = e.run("test", "account_id=222222222222,333333333333");
      assertThat(r.exit()).as(r.all()).isZero();
      assertThat(r.out().lines()).containsExactly("222222222222  ok", "333333333333  ok");
      assertThat(r.err()).isEmpty();
    }
  }

  @Test
  void oneFailingAccountFailsTheTestAndSaysWhich() {
    try (var e = new SandboxEngine(dir)) {
      var r = e.run("test", "account_id=222222222222,444444444444,333333333333");
      assertThat(r.exit()).as(r.all()).isEqualTo(1);
      var lines = r.out().lines().toList();
      assertThat(lines).hasSize(3);
      assertThat(lines.get(0)).isEqualTo("222222222222  ok");
      assertThat(lines.get(1)).startsWith("444444444444  FAIL ").contains("444444444444");
      assertThat(lines.get(2)).isEqualTo("333333333333  ok");
      assertThat(r.err()).isEqualTo("rolecall: test failed in 1 of 3 accounts\n");
      assertThat(r.all()).doesNotContain(SandboxEngine.CANARY);
    }
  }

  @Test
  void oneAccountStillPrintsEachStep() {
    try (var e = new SandboxEngine(dir)) {
      var r = e.run("test", "account_id=222222222222");
      assertThat(r.exit()).as(r.all()).isZero();
      assertThat(r.out()).contains("ok").endsWith("ok\n");
      assertThat(r.out().lines().count()).isGreaterThan(2);
    }
  }

  @Test
  void aBadIdInTheListIsAUsageErrorBeforeAnyCall() {
    try (var e = new SandboxEngine(dir)) {
      UsageErrorsCliTest.assertUsage(e.run("test", "account_id=222222222222,12"),
          "test: account_id: expected 12-digit account ids, comma-separated, got '222222222222,12'");
      UsageErrorsCliTest.assertUsage(e.run("test", "account_id=all"), "test: account_id");
      assertThat(e.sb.calls().total()).isZero();
    }
  }
}
