package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is a one-line error naming the argument and the accepted form (SPEC §5), whatever the input: stray
 * words, mistyped names, ports out of range, digits that are not ASCII, control characters; and what is not AWS
 * answering says what it said.
 */
class UsageErrorsCliTest {
  @TempDir
  Path dir;

  static void assertUsage(CliRun r, String... contains) {
    assertThat(r.exit()).as(r.all()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("rolecall: ").contains(contains);
  }

  @Test
  void wordsThatNoCommandReadsAreRefusedNotIgnored() {
    try (var e = new SandboxEngine(dir)) {
      assertUsage(e.run("account_id=200000000001", "test"), "unexpected 'account_id=200000000001' before 'test'");
      assertUsage(e.run("bogus-word", "inventory", "summary"), "unexpected 'bogus-word' before 'inventory'");
      assertUsage(e.run("audit", "extra"), "Unmatched argument");
      assertUsage(e.run("test", "account_id=222222222222", "again"), "test: expected at most one argument,"
          + " account_id=<12-digit id>, got 2");
      assertThat(e.sb.calls().total()).as("no command ran").isZero();
    }
  }

  @Test
  void aMistypedArgumentOrFlagGetsWhatWasMeant() {
    try (var e = new SandboxEngine(dir)) {
      assertUsage(e.run("aws-iam-account-password-policy-update", "account_id=222222222222", "minimum_pasword_length=14"),
          "unknown argument 'minimum_pasword_length'; did you mean 'minimum_password_length'?");
      assertUsage(e.run("--regoin", "us-east-1", "aws-iam-account-password-policy-get"), "Unknown option: '--regoin'",
          "did you mean --region");
      assertUsage(e.run("aws-iam-acount-password-policy-get"), "did you mean aws-iam-account-password-policy-get?");
      assertThat(e.sb.calls().total()).isZero();
    }
  }

  @Test
  void everyMissingRequiredArgumentIsNamedAtOnce() {
    assertUsage(CliRun.inProcess(Map.of(), "--region", "us-east-1", "aws-iam-identitycenter-create-user", "userName=x"),
        // userEmailAddress is optional, as upstream (issue 13, item 3).
        "aws-iam-identitycenter-create-user: 3 required arguments are missing: familyName (",
        "givenName (", "displayName (");
  }

  @Test
  void digitsMustBeAsciiDigits() {
    assertUsage(CliRun.inProcess(Map.of(), "--retries", "\uff11", "test"), "--retries", "'\uff11' is not a whole number");
    assertUsage(CliRun.inProcess(Map.of(), "--region", "us-east-1", "aws-iam-account-password-policy-update",
        "minimum_password_length=\uff11\uff14"), "argument 'minimum_password_length': expected a whole number from 6 to"
        + " 128, got '\uff11\uff14'");
    assertUsage(CliRun.inProcess(Map.of(), "audit", "--limit", "\u0661\u0660"), "--limit");
  }

  @Test
  void aPortOutOfRangeNamesTheOptionNotAnInternalError() {
    assertUsage(CliRun.inProcess(Map.of(), "--endpoint-url", "http://127.0.0.1:99999", "--region", "us-east-1",
        "aws-iam-account-password-policy-get"), "--endpoint-url: expected a port from 1 to 65535 in the URL, got 99999");
    assertUsage(CliRun.inProcess(Map.of(), "sandbox", "--port", "abc"), "sandbox: --port: expected a whole number"
        + " from 0 to 65535, got 'abc'");
  }

  @Test
  void serveRefusesAnAddressItCannotListenOnBeforeWritingAToken() {
    Path token = dir.resolve("home/.rolecall/engine-token");
    for (String bind : List.of("999.1.1.1", "192.0.2.77")) {
      var r = CliRun.inProcess(Map.of("HOME", dir.resolve("home").toString()), "--region", "us-east-1", "--db",
          dir.resolve("db/rolecall.db").toString(), "serve", "--bind", bind, "--port", "0");
      assertUsage(r, "--bind: ", "'" + bind + "'");
      assertThat(token).doesNotExist();
      assertThat(dir.resolve("home")).doesNotExist();
    }
  }

  @Test
  void controlCharactersAndLineBreaksInAValueNeverReachTheErrorLineRaw() {
    var runs = List.of(
        CliRun.inProcess(Map.of(), "--region", "us-east-1", "-o", "\u001b]0;owned\u0007json",
            "aws-iam-account-password-policy-get"),
        CliRun.inProcess(Map.of(), "--region", "us-east-1", "aws-iam-identitycenter-get-user", "userName=a\nrolecall: ok"),
        CliRun.inProcess(Map.of(), "--\u001b[2Jfoo", "test"),
        CliRun.inProcess(Map.of(), "aws-iam-\u202eteg-ycilop"));
    for (var r : runs) {
      assertThat(r.exit()).as(r.all()).isEqualTo(2);
      assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
      assertThat(r.err().chars().filter(c -> c != '\n' && io.rolecall.render.ControlChars.unsafe((char) c)))
          .as(r.err()).isEmpty();
    }
    assertThat(runs.get(0).err()).contains("\\u001b]0;owned\\u0007json");
  }

  @Test
  void anHttpErrorThatIsNotAnAwsErrorSaysItsStatusAndTheFirstLineOfItsBody() throws Exception {
    var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    var asProxy = new java.util.concurrent.atomic.AtomicBoolean(true);
    server.createContext("/", ex -> {
      boolean proxy = asProxy.get();
      byte[] body = (proxy ? "<html><head><title>502 Bad Gateway</title></head>\n<body>upstream \u001b[31mgone</body>"
          : "Internal Server Error\nTraceback (most recent call last): ...").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", proxy ? "text/html" : "text/plain");
      ex.sendResponseHeaders(proxy ? 502 : 500, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      for (var c : List.of(List.of("proxy", "HTTP 502 without an AWS error", ": 502 Bad Gateway"),
          List.of("emulator", "HTTP 500 without an AWS error", ": Internal Server Error"))) {
        asProxy.set(c.get(0).equals("proxy"));
        var r = CliRun.inProcess(Map.of(), "--endpoint-url", base, "--region", "us-east-1", "--access-key",
            "AKIAEXAMPLEEXAMPLE01", "--secret-key", "CANARY-secret-http-error", "--retries", "0",
            "aws-iam-account-password-policy-get");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains(c.get(1), c.get(2))
            .doesNotContain("null:").doesNotContain("CANARY");
        assertThat(r.err().strip().lines()).hasSize(1);
      }
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anUnknownProfileIsAUsageErrorNamingItAndTheProfilesThereAre() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home/.aws")).getParent();
    Files.writeString(home.resolve(".aws/credentials"), "[audit]\naws_access_key_id = AKIAEXAMPLE\n"
        + "aws_secret_access_key = CANARY-secret-profile\n");
    var r = CliRun.subprocess(Map.of("HOME", home.toString()), "--profile", "nosuchprofile", "--region", "us-east-1",
        "aws-iam-account-password-policy-get");
    assertUsage(r, "profile: no profile 'nosuchprofile' in ", "; defined: audit");
    assertThat(r.all()).doesNotContain("CANARY");
    var test = CliRun.subprocess(Map.of("HOME", home.toString()), "--profile", "nosuchprofile", "--region",
        "us-east-1", "test");
    assertThat(test.exit()).as(test.all()).isEqualTo(2);
    assertThat(test.err()).contains("test failed at configuration: profile: no profile 'nosuchprofile'");
  }

  @Test
  void aMissingInstanceListsTheInstancesTheConfigDefines() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path config = dir.resolve("rolecall.yaml");
    Files.writeString(config, "instances:\n  prod:\n    region: us-east-1\n  audit:\n    region: eu-west-1\n");
    var r = CliRun.subprocess(Map.of("HOME", home.toString()), "--config", config.toString(),
        "aws-iam-account-password-policy-get");
    assertUsage(r, "region: not set", "; or choose an instance of " + config + " with --instance NAME (defined: audit,"
        + " prod)");
  }
}
