package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bin/rolecall, the README's first command, on the packaged jar: the launcher's JVM flags must start, and when the
 * build trained an AOT cache the JVM must accept it ({@code -XX:AOTMode=on} turns a rejected cache into a failure
 * instead of a silent slow start). Runs after {@code package}, as an integration test.
 */
class LauncherIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path AOT = ROOT.resolve("rolecall-cli/target/rolecall.aot");

  @Test
  void theLauncherStartsWithItsAotCache() throws Exception {
    var run = launch("--version");
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("rolecall", "Java 25");
  }

  @Test
  void theDemoRunsThroughTheLauncher() throws Exception {
    var run = launch("demo");
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("demo finished: every step behaved as expected");
  }

  record Run(int exit, String output) {}

  private static Run launch(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of(ROOT.resolve("bin/rolecall").toString()));
    command.addAll(List.of(args));
    var pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("ROLECALL_SKIP_BUILD", "1");
    pb.environment().put("HOME", Files.createTempDirectory("rolecall-home").toString());
    if (Files.exists(AOT)) {
      pb.environment().put("ROLECALL_JAVA_OPTS", "-XX:AOTMode=on");
    }
    var process = pb.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
