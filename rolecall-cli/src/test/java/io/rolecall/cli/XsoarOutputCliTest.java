package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.render.Json;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -o markdown, -o context --xsoar-keys and failed accounts in -o context, through the CLI against the sandbox. */
class XsoarOutputCliTest {
  static final String GET = "aws-iam-account-password-policy-get";
  @TempDir
  Path dir;
  SandboxEngine engine;

  @BeforeEach
  void start() {
    engine = new SandboxEngine(dir);
    engine.sb.account("222222222222").iam().setPasswordPolicy(
        new PasswordPolicy(14, true, true, true, true, true, 90, 5, false));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void markdownIsTableToMarkdownsShape() {
    var run = engine.run("-o", "markdown", GET, "account_id=222222222222");
    assertThat(run.exit()).as(run.err()).isZero();
    var lines = run.out().split("\n");
    assertThat(lines[0]).startsWith("### ");
    assertThat(lines[1]).startsWith("|AccountId|");
    assertThat(lines[3]).startsWith("| 222222222222 | 14 |");
  }

  @Test
  void xsoarKeysWriteEachRootWithItsKeySelector() throws Exception {
    var run = engine.run("-o", "context", "--xsoar-keys", GET, "account_id=222222222222");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.has("AWS.IAM.PasswordPolicy(val.AccountId && val.AccountId == obj.AccountId)")).as(run.out()).isTrue();
    var plain = Json.mapper().readTree(engine.run("-o", "context", GET, "account_id=222222222222").out());
    assertThat(plain.has("AWS.IAM.PasswordPolicy")).isTrue();
  }

  @Test
  void failedAccountsAreInTheContextBesideTheSuccesses() throws Exception {
    var run = engine.run("-o", "context", GET, "account_id=222222222222," + SandboxEngine.UNTRUSTED);
    assertThat(run.exit()).isEqualTo(1);
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("AWS.IAM.PasswordPolicy").size()).isEqualTo(1);
    JsonNode errors = json.get("Rolecall.Error");
    assertThat(errors.size()).isEqualTo(1);
    assertThat(errors.get(0).get("AccountId").asText()).isEqualTo(SandboxEngine.UNTRUSTED);
    assertThat(errors.get(0).get("Error").asText()).isNotBlank();
    assertThat(run.out() + run.err()).doesNotContain(SandboxEngine.CANARY);
    var single = engine.run("-o", "context", GET, "account_id=" + SandboxEngine.UNTRUSTED);
    assertThat(single.exit()).isEqualTo(1);
    assertThat(Json.mapper().readTree(single.out()).has("Rolecall.Error")).as(single.out()).isTrue();
  }
}
