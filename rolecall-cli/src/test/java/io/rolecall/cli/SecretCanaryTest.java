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

  /**
   * The error paths of issue 11: an audit journal that cannot record (its JDBC password a canary), a proxy's error
   * page that echoes the secret key, a lost response settled by reading, a read-back that differs, a --profile that
   * does not exist. With --debug logging, nothing printed and nothing stored holds a secret.
   */
  @Test
  void theJournalLostResponseReadBackAndNonAwsErrorPathsNeverShowASecret() throws Exception {
    var printed = new StringBuilder();
    var journal = CliRun.inProcess(Map.of(), "--debug", "--region", "us-east-1", "--access-key", "AKIACANARYEXAMPLE01",
        "--secret-key", SECRET, "--db", "jdbc:postgresql://127.0.0.1:1/rolecall?user=a&password=CANARY-secret-pg&connectTimeout=2",
        "aws-iam-account-password-policy-update", "minimum_password_length=14");
    assertThat(journal.exit()).as(journal.all()).isEqualTo(2);
    assertThat(journal.err()).contains("nothing was changed: the audit journal cannot record changes", "password=****");
    printed.append(journal.all());

    var proxy = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(
        java.net.InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext("/", ex -> {
      byte[] body = ("Bad Gateway: upstream refused key " + SECRET + " token " + TOKEN).getBytes();
      ex.sendResponseHeaders(502, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    proxy.start();
    try {
      var echoed = CliRun.inProcess(Map.of(), "--debug", "--endpoint-url", "http://127.0.0.1:" + proxy.getAddress().getPort(),
          "--region", "us-east-1", "--access-key", "AKIACANARYEXAMPLE01", "--secret-key", SECRET + "@@@" + TOKEN,
          "--retries", "0", "aws-iam-account-password-policy-get");
      assertThat(echoed.exit()).as(echoed.all()).isEqualTo(1);
      assertThat(echoed.err()).contains("HTTP 502 without an AWS error", "Bad Gateway: upstream refused key");
      printed.append(echoed.all());
    } finally {
      proxy.stop(0);
    }

    try (var e = new SandboxEngine(Files.createDirectories(tmp.resolve("engine")))) {
      var lost = MutatingScenarios.of("aws-iam-identitycenter-create-user", e);
      e.sb.faults().on("identitystore").action("CreateUser").dropResponse(1);
      var settled = e.run(LostResponseCliTest.line(lost, "--debug", "--retries", "1"));
      assertThat(settled.exit()).as(settled.all()).isZero();
      assertThat(settled.err()).contains("response was lost");
      printed.append(settled.all()).append(e.run("audit", "-o", "json").all());
      assertThat(printed.toString()).doesNotContain(SandboxEngine.CANARY);
      assertNoCanaryInFiles(e.db.getParent());
      try (var stored = Files.list(e.db.getParent())) {
        for (Path f : stored.toList()) {
          assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
              .doesNotContain(SandboxEngine.CANARY);
        }
      }
    }

    try (var e = new SandboxEngine(Files.createDirectories(tmp.resolve("engine2")))) {
      var altered = MutatingScenarios.of("aws-iam-account-password-policy-update", e);
      e.sb.faults().on("iam").action("UpdateAccountPasswordPolicy").thenAlter(altered.alteration());
      var warned = e.run(LostResponseCliTest.line(altered, "--debug"));
      assertThat(warned.exit()).as(warned.all()).isZero();
      assertThat(warned.err()).contains("read back differs");
      printed.append(warned.all()).append(e.run("audit", "-o", "json").all());
      assertThat(printed.toString()).doesNotContain(SandboxEngine.CANARY);
      try (var stored = Files.list(e.db.getParent())) {
        for (Path f : stored.toList()) {
          assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
              .doesNotContain(SandboxEngine.CANARY);
        }
      }
    }

    Path home = Files.createDirectories(tmp.resolve("home/.aws")).getParent();
    Files.writeString(home.resolve(".aws/credentials"), "[audit]\naws_access_key_id = AKIAEXAMPLE\n"
        + "aws_secret_access_key = " + SECRET + "\naws_session_token = " + TOKEN + "\n");
    var profile = CliRun.subprocess(Map.of("HOME", home.toString()), "--debug", "--profile", "audit2", "--region",
        "us-east-1", "aws-iam-account-password-policy-get");
    assertThat(profile.exit()).as(profile.all()).isEqualTo(2);
    printed.append(profile.all());
    assertNoCanary(printed.toString());
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
