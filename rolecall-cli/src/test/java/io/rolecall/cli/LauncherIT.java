package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.external.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
    assertThat(run.output()).contains("Java 25").containsPattern("rolecall \\d+\\.\\d+\\.\\d+\\S* \\(commit"
        + " ([0-9a-f]{12}(-dirty)?|unknown)\\)");
  }

  /**
   * The engine and CLI jar as shipped, alone in a directory: no emulator in it (nor its moto launcher), every other
   * command there, and demo and sandbox saying in one line what they need.
   */
  @Test
  void theJarShippedAloneHasNoEmulatorAndSaysWhatDemoNeeds() throws Exception {
    var jar = ROOT.resolve("rolecall-cli/target/rolecall.jar");
    try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
      assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
          .noneMatch(n -> n.startsWith("io/rolecall/sandbox/"))
          .anyMatch(n -> n.startsWith("io/rolecall/server/"));
    }
    Path alone = Files.createTempDirectory("rolecall-shipped");
    Files.copy(jar, alone.resolve("rolecall.jar"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var version = run(alone, java, "-jar", "rolecall.jar", "--version");
    assertThat(version.exit()).as(version.output()).isZero();
    for (String command : new String[] {"demo", "sandbox"}) {
      var refused = run(alone, java, "-jar", "rolecall.jar", command);
      assertThat(refused.exit()).as(refused.output()).isEqualTo(2);
      assertThat(refused.output().strip()).isEqualTo("rolecall: " + command + ": needs the emulator,"
          + " rolecall-sandbox.jar beside rolecall.jar, which this installation does not have; run it from a clone"
          + " of the repository (bin/rolecall " + command + ")");
    }
  }

  private static Run run(Path dir, String... command) throws IOException, InterruptedException {
    Path output = Files.createTempFile("rolecall-shipped", ".txt");
    var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    pb.environment().put("HOME", dir.toString());
    var process = pb.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end within 120 s");
    }
    return new Run(process.exitValue(), Files.readString(output));
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
    var env = new HashMap<>(System.getenv());
    env.put("ROLECALL_SKIP_BUILD", "1");
    env.put("HOME", Files.createTempDirectory("rolecall-home").toString());
    if (Files.exists(AOT)) {
      env.put("ROLECALL_JAVA_OPTS", "-XX:AOTMode=on");
    }
    var r = ExternalTools.run(command, env, Duration.ofSeconds(120));
    return new Run(r.exit(), r.out() + r.err());
  }
}
