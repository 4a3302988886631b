package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.rolecall.command.CommandSpec;
import io.rolecall.commands.Commands;
import io.rolecall.sandbox.external.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * integrations/xsoar: the checked-in integration YAML is what the registry and rolecall.py produce, and the
 * integration's Python (its own unittest, standard library only) passes against a real engine on the sandbox.
 */
class XsoarIntegrationTest {
  /** Surefire runs in the module directory. */
  static final Path DIR = Path.of("..", "integrations", "xsoar");

  @TempDir
  Path dir;

  @Test
  void theCheckedInYamlIsWhatTheRegistryProduces() throws Exception {
    String generated = XsoarIntegration.yaml(Commands.registry().specs(),
        Files.readString(DIR.resolve(XsoarIntegration.SCRIPT)));
    assertThat(Files.readString(DIR.resolve(XsoarIntegration.YAML)))
        .as("integrations/xsoar/rolecall.yml is out of date; regenerate it from the repository root with: java -cp"
            + " rolecall-cli/target/rolecall.jar io.rolecall.cli.XsoarIntegration integrations/xsoar")
        .isEqualTo(generated);
    JsonNode yaml = new YAMLMapper().readTree(generated);
    var params = new HashMap<String, JsonNode>();
    yaml.path("configuration").forEach(p -> params.put(p.path("name").asText(), p));
    assertThat(params.get("token").path("type").asInt()).as("the token is a credential parameter").isEqualTo(9);
    assertThat(params.get("token").has("defaultvalue")).isFalse();
    assertThat(params.get("insecure").path("type").asInt()).isEqualTo(8);
    assertThat(params.get("insecure").path("defaultvalue").asText()).isEqualTo("false");
    assertThat(params.get("url").path("required").asBoolean()).isTrue();
    assertThat(yaml.path("script").path("subtype").asText()).isEqualTo("python3");
    assertThat(yaml.path("script").path("script").asText()).contains("def dispatch(demisto)");
    var byName = new HashMap<String, JsonNode>();
    yaml.path("script").path("commands").forEach(c -> byName.put(c.path("name").asText(), c));
    assertThat(byName).containsKey("rolecall-list-commands");
    for (CommandSpec s : Commands.registry().specs()) {
      var c = byName.get(s.name());
      assertThat(c).as(s.name()).isNotNull();
      var args = new ArrayList<String>();
      c.path("arguments").forEach(a -> args.add(a.path("name").asText()));
      assertThat(args).as(s.name()).isEqualTo(s.args().stream().map(a -> a.name()).toList());
      var outputs = new ArrayList<String>();
      c.path("outputs").forEach(o -> outputs.add(o.path("contextPath").asText()));
      assertThat(outputs).as(s.name()).isEqualTo(s.outputs().stream().map(o -> o.path()).toList());
      assertThat(c.path("execution").asBoolean()).as(s.name() + " needs confirmation when it changes AWS")
          .isEqualTo(s.mutating());
    }
  }

  @Test
  void thePythonUnittestPassesAgainstAnEngineOnTheSandbox() throws Exception {
    var python = ExternalTools.onPath("python3");
    if (python.isEmpty()) {
      System.err.println("XsoarIntegrationTest: skipped: python3 is not on PATH");
    }
    Assumptions.assumeTrue(python.isPresent(), "python3 is not on PATH");
    try (var sb = new SandboxEngine(dir);
         var engine = EngineProcess.start(sb.env, sb.line(sb.db.toString(), List.of("serve", "--port", "0")))) {
      var pb = new ProcessBuilder(python.get().toString(), "-m", "unittest", "discover", "-v", "-s", DIR.toString(),
          "-p", "test_*.py").redirectErrorStream(true);
      pb.environment().put("ROLECALL_XSOAR_URL", engine.uri.toString());
      pb.environment().put("ROLECALL_XSOAR_TOKEN", EngineProcess.TOKEN);
      pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
      Path log = dir.resolve("unittest.log");
      pb.redirectOutput(log.toFile());
      var p = pb.start();
      boolean done = p.waitFor(180, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(done).as("python3 -m unittest finished within 180 s: " + out).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("\nOK").doesNotContain("skipped").doesNotContain("FAIL")
          .containsPattern("test_a_command_runs_through_the_engine_with_its_context .*\\.\\.\\. ok")
          .doesNotContain(EngineProcess.TOKEN).doesNotContain(SandboxEngine.CANARY);
      assertThat(engine.log()).doesNotContain(EngineProcess.TOKEN).doesNotContain(SandboxEngine.CANARY);
    }
  }
}
