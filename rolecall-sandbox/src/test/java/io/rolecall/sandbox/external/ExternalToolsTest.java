package io.rolecall.sandbox.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one runner of external tools: nothing a tool prints can block it, its timeout fires, its environment is exact. */
class ExternalToolsTest {
  private static final Map<String, String> PATH = Map.of("PATH", "/usr/bin:/bin");

  @Test
  void aToolThatRunsTooLongIsKilledAndTheTestFails() {
    long before = ProcessHandle.current().children().count();
    assertThatThrownBy(() -> ExternalTools.run(List.of("sleep", "30"), PATH, Duration.ofMillis(300)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("sleep 30 did not finish within");
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().orElse("").endsWith("sleep")).count()).isZero();
    assertThat(ProcessHandle.current().children().count()).isLessThanOrEqualTo(before);
  }

  @Test
  void megabytesOnBothStreamsAreReadInFull() {
    var r = ExternalTools.run(List.of("bash", "-c", "head -c 2000000 /dev/zero | tr '\\0' a; head -c 1500000 /dev/zero"
        + " | tr '\\0' b >&2; exit 3"), PATH, Duration.ofSeconds(30));
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.out()).hasSize(2_000_000).matches("a+");
    assertThat(r.err()).hasSize(1_500_000).matches("b+");
  }

  @Test
  void theToolSeesExactlyTheEnvironmentGiven() {
    var r = ExternalTools.run(List.of("env"), Map.of("PATH", "/usr/bin:/bin", "ONLY", "this"), Duration.ofSeconds(30));
    assertThat(r.out().lines().sorted().toList()).containsExactly("ONLY=this", "PATH=/usr/bin:/bin");
  }

  @Test
  void withoutAwsSettingsDropsEveryAwsVariableAndAddsTheGivenOnes() {
    var env = ExternalTools.withoutAwsSettings(Map.of("AWS_REGION", "eu-west-1"));
    assertThat(env.keySet().stream().filter(k -> k.startsWith("AWS_"))).containsExactly("AWS_REGION");
  }

  @Test
  void aPythonScriptIsKnownByItsInterpreterLine(@TempDir Path dir) throws Exception {
    assertThat(AwsCli.interpreter(write(dir, "a", "#!/usr/bin/python3\nimport sys\n"))).contains("/usr/bin/python3");
    assertThat(AwsCli.interpreter(write(dir, "b", "#!/opt/py/bin/python3.11 -E\n"))).contains("/opt/py/bin/python3.11");
    assertThat(AwsCli.interpreter(write(dir, "c", "#!/usr/bin/env bash\nexec pyenv\n"))).isEmpty();
    assertThat(AwsCli.interpreter(write(dir, "d", "\u007fELF\u0002\u0001\u0001"))).isEmpty();
    assertThat(AwsCli.interpreter(write(dir, "e", ""))).isEmpty();
    assertThat(AwsCli.interpreter(write(dir, "f", "#!/usr/bin/env python3\n")).orElseThrow()).endsWith("python3");
  }

  @Test
  void linesAreReadUntilTheWantedOneAndDrainedAfterIt() throws Exception {
    var process = new ProcessBuilder("bash", "-c", "echo starting; echo READY=1; head -c 3000000 /dev/zero | tr '\\0' x;"
        + " echo; echo done").start();
    var lines = ExternalTools.Lines.of(process).await(l -> l.startsWith("READY="), Duration.ofSeconds(30));
    assertThat(lines).startsWith("starting", "READY=1");
    // Megabytes after the wanted line do not block the process: it ends on its own.
    assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void outputThatEndsWithoutTheWantedLineFailsWithWhatWasPrinted() {
    var process = start("echo only this; exit 1");
    assertThatThrownBy(() -> ExternalTools.Lines.of(process).await(l -> l.startsWith("READY="), Duration.ofSeconds(30)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("the output ended").hasMessageContaining("only this");
  }

  @Test
  void aProcessThatNeverPrintsTheWantedLineIsKilledAtTheTimeout() throws Exception {
    var process = start("echo waiting; sleep 30");
    assertThatThrownBy(() -> ExternalTools.Lines.of(process).await(l -> l.startsWith("READY="), Duration.ofMillis(500)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("nothing wanted within").hasMessageContaining("waiting");
    assertThat(process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("killed").isTrue();
  }

  private static Process start(String script) {
    try {
      return new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path write(Path dir, String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
