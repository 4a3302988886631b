package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.external.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * `rolecall sandbox` as a benchmark uses it: a separate process, seeded, printing its endpoint and keys; then an
 * inventory sync against it (in another process) with the role name and ExternalId given to both.
 */
class SandboxCommandTest {

  @Test
  void startsASeededSandboxThatASyncCanReadWithTheGivenExternalId() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sandbox",
        "--accounts", "2", "--external-id", "bench-x", "--role-name", "Auditor", "--users", "3", "--keys-per-user", "1",
        "--vpcs", "1", "--instances", "1", "--events", "2").redirectErrorStream(true).start();
    try {
      var env = new HashMap<String, String>();
      for (String line : ExternalTools.Lines.of(process).await(l -> l.startsWith("AWS_DEFAULT_REGION="),
          Duration.ofSeconds(120))) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          env.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      assertThat(env).containsKeys("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
      Path db = Files.createTempDirectory("rolecall-sandbox-cmd").resolve("i.db");
      var noKeys = CliRun.inProcess(Map.of("AWS_ENDPOINT_URL", env.get("AWS_ENDPOINT_URL"), "AWS_REGION", "us-east-1"),
          "--db", db.toString(), "--role-name", "Auditor", "inventory", "sync", "--accounts", "200000000001");
      assertThat(noKeys.exit()).isEqualTo(2);
      assertThat(noKeys.err()).startsWith("rolecall: no AWS credentials found");
      var wrongId = CliRun.inProcess(env, "--db", db.toString(), "--access-key", env.get("AWS_ACCESS_KEY_ID"),
          "--secret-key", env.get("AWS_SECRET_ACCESS_KEY"), "--role-name", "Auditor", "--external-id", "other",
          "inventory", "sync", "--accounts", "200000000001");
      assertThat(wrongId.exit()).isEqualTo(1);
      var sync = CliRun.inProcess(env, "--db", db.toString(), "--access-key", env.get("AWS_ACCESS_KEY_ID"),
          "--secret-key", env.get("AWS_SECRET_ACCESS_KEY"), "--role-name", "Auditor", "--external-id", "bench-x",
          "inventory", "sync", "--accounts", "200000000001,200000000002", "-o", "json");
      assertThat(sync.exit()).as(sync.err()).isZero();
      assertThat(sync.out()).contains("\"users\" : 3", "\"instances\" : 1", "\"events\" : 2");
      var findings = CliRun.inProcess(env, "--db", db.toString(), "inventory", "findings", "-o", "json");
      // The audit role trusts the operator's account with the ExternalId: no cross-account finding.
      assertThat(findings.out()).doesNotContain("cross-account-trust");
      assertThat(List.of(sync.all(), findings.all())).noneMatch(s -> s.contains(env.get("AWS_SECRET_ACCESS_KEY")));
    } finally {
      process.destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
