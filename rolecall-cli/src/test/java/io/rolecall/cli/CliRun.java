package io.rolecall.cli;

import io.rolecall.config.Env;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the rolecall command line the way a user does, and what it printed. {@link #inProcess} is
 * fast and shares the JVM (and its process-wide caches); {@link #subprocess} is a fresh JVM with a
 * real environment, for what only a real environment can show (profiles, IMDS, env credentials).
 */
public record CliRun(int exit, String out, String err) {

  /** In this JVM, with {@code env} as the whole environment, through the same redacting streams as main. */
  public static CliRun inProcess(Map<String, String> env, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var outStream = new RedactingPrintStream(out);
    var errStream = new RedactingPrintStream(err);
    int code = Main.run(args, new Cli(outStream, errStream, Env.of(env)));
    outStream.flush();
    errStream.flush();
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** In a new JVM on the test class path; {@code env} is added to a minimal environment (PATH, HOME). */
  public static CliRun subprocess(Map<String, String> env, String... args) {
    var started = start(env, args);
    return started.finish();
  }

  /** A rolecall process started as {@link #subprocess} starts it, not yet waited for (to kill it midway). */
  public record Started(Process process, Path outFile, Path errFile, String line) {
    /** Waits for it (at most 120 s, then kills it and fails) and reads what it printed. */
    public CliRun finish() {
      try {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("rolecall " + line + " did not finish in 120 s");
        }
        return new CliRun(process.exitValue(), Files.readString(outFile), Files.readString(errFile));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public static Started start(Map<String, String> env, String... args) {
    try {
      String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      command.addAll(List.of(args));
      var pb = new ProcessBuilder(command);
      pb.environment().keySet().removeIf(k -> !k.equals("PATH"));
      Path home = Files.createTempDirectory("rolecall-home");
      pb.environment().put("HOME", home.toString());
      pb.environment().putAll(env);
      Path outFile = Files.createTempFile("rolecall-out", ".txt");
      Path errFile = Files.createTempFile("rolecall-err", ".txt");
      pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
      return new Started(pb.start(), outFile, errFile, String.join(" ", args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything printed, both streams, for "never contains" checks. */
  public String all() {
    return out + err;
  }
}
