package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.config.Env;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rolecall serve` from the command line: flags checked, the engine started on the instance, stopped cleanly. */
class ServeCommandTest {
  static final String TOKEN = "serve-test-token-" + "4f6e8d0c2b4a6e8f";

  @TempDir
  Path dir;

  @Test
  void badFlagsAreUsageErrors() {
    var run = CliRun.inProcess(java.util.Map.of(), "serve", "--port", "70000");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--port: expected 0 to 65535");
    var workers = CliRun.inProcess(java.util.Map.of(), "serve", "--workers", "999");
    assertThat(workers.exit()).isEqualTo(2);
  }

  @Test
  void aTokensFileOthersCanReadIsRefusedWithoutShowingItsTokens() throws Exception {
    var tokens = dir.resolve("tokens.jsonl");
    String secret = "people-token-" + "9e8d7c6b5a4f3e2d";
    java.nio.file.Files.writeString(tokens, "{\"name\": \"alice\", \"token\": \"" + secret + "\"}\n");
    java.nio.file.Files.setPosixFilePermissions(tokens,
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    var env = java.util.Map.of("ROLECALL_ENGINE_TOKEN", TOKEN);
    var run = CliRun.inProcess(env, "serve", "--port", "0", "--tokens-file", tokens.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("tokens file " + tokens, "chmod 600").doesNotContain(secret);
  }

  @Test
  void servesTheInstanceUntilStopped() throws Exception {
    try (var sb = new SandboxEngine(dir)) {
      var env = new HashMap<>(sb.env);
      env.put("ROLECALL_ENGINE_TOKEN", TOKEN);
      var out = new ByteArrayOutputStream();
      var err = new ByteArrayOutputStream();
      var cli = new Cli(new RedactingPrintStream(out), new RedactingPrintStream(err), Env.of(env));
      var args = List.of("--config", sb.config.toString(), "--instance", "test", "--db", sb.db.toString(), "serve",
          "--port", "0").toArray(String[]::new);
      var server = Thread.ofVirtual().start(() -> Main.run(args, cli));
      URI uri = awaitUri(out, err);
      var http = HttpClient.newHttpClient();
      var response = http.send(HttpRequest.newBuilder(uri.resolve("/v1/commands/aws-iam-account-password-policy-get"))
          .header("Authorization", "Bearer " + TOKEN)
          .POST(HttpRequest.BodyPublishers.ofString("{\"args\": {\"account_id\": \"222222222222\"}}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"ok\":true");
      server.interrupt();
      server.join(Duration.ofSeconds(20));
      assertThat(server.isAlive()).isFalse();
      String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
      assertThat(printed).contains("token from $ROLECALL_ENGINE_TOKEN").doesNotContain(TOKEN)
          .doesNotContain(SandboxEngine.CANARY);
    }
  }

  private static URI awaitUri(ByteArrayOutputStream out, ByteArrayOutputStream err) throws InterruptedException {
    var pattern = Pattern.compile("rolecall engine on (http://\\S+)");
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      var m = pattern.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return URI.create(m.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("serve did not start: " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
  }
}
