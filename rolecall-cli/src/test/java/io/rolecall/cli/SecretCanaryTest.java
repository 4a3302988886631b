package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.auth.Credential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5: no secret ever reaches output, logs, errors or the store. Known canary values go in;
 * everything that comes out (stdout, stderr with --debug logging, files under the store directory)
 * is searched for them.
 */
class SecretCanaryTest {
  static final String SECRET = "CANARY-secret-7d1e0b9a4c";
  static final String TOKEN = "CANARY-token-2f8a6c0e3b";

  @TempDir
  Path tmp;

  @Test
  void failingEndpointWithDebugLoggingNeverShowsTheSecretOrToken() throws Exception {
    Path db = tmp.resolve("store/rolecall.db");
    for (var extra : List.of(List.<String>of(), List.of("--role-name", "Audit", "account_id=222222222222"),
        List.of("--role-arn", "arn:aws:iam::222222222222:role/Audit", "--role-session-name", "s1"))) {
      var args = new ArrayList<>(List.of("--debug", "--endpoint-url", "http://127.0.0.1:1", "--region", "us-east-1",
          "--access-key", "AKIACANARYEXAMPLE01", "--secret-key", SECRET + "@@@" + TOKEN, "--retries", "1",
          "--timeout", "2,1", "--db", db.toString(), "aws-iam-account-password-policy-get"));
      args.addAll(extra);
      var run = CliRun.subprocess(Map.of(), args.toArray(String[]::new));
      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      assertThat(run.err()).contains("cannot connect");
      assertNoCanary(run.all());
    }
    assertNoCanaryInFiles(tmp);
  }

  @Test
  void explicitSessionTokenFlagIsMaskedToo() {
    var run = CliRun.subprocess(Map.of(), "--debug", "--endpoint-url", "http://127.0.0.1:1", "--region", "us-east-1",
        "--access-key", "AKIACANARYEXAMPLE01", "--secret-key", SECRET, "--session-token", TOKEN, "--retries", "0",
        "test");
    assertThat(run.exit()).isEqualTo(1);
    assertNoCanary(run.all());
  }

  @Test
  void successfulRunWithDebugLoggingShowsNoIssuedSecretOrToken() {
    try (var sandbox = Sandbox.start()) {
      AccessKey engine = sandbox.account("111111111111").iam().createUserWithAccessKey("engine");
      sandbox.account("222222222222").iam().createRole("Audit", TrustPolicy.trustingAccount("111111111111"));
      var run = CliRun.subprocess(Map.of(), "--debug", "--endpoint-url", sandbox.endpoint().toString(), "--region",
          "us-east-1", "--access-key", engine.accessKeyId(), "--secret-key", engine.secretAccessKey(), "--role-name",
          "Audit", "aws-iam-account-password-policy-get", "account_id=222222222222", "-o", "json");
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.err()).contains("DEBUG");
      List<Credential> issued = sandbox.world().issuedCredentials();
      assertThat(issued).anyMatch(Credential::temporary);
      for (Credential c : issued) {
        assertThat(run.all()).doesNotContain(c.secretAccessKey());
        if (c.sessionToken() != null) {
          assertThat(run.all()).doesNotContain(c.sessionToken());
        }
      }
    }
  }

  private static void assertNoCanary(String text) {
    assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain("CANARY-secret").doesNotContain("CANARY-token");
  }

  private static void assertNoCanaryInFiles(Path dir) throws Exception {
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(f.toString()).doesNotContain("CANARY-secret").doesNotContain("CANARY-token");
      }
    }
  }
}
