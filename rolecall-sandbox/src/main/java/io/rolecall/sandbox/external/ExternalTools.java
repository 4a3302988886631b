package io.rolecall.sandbox.external;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finding the third-party tools (moto_server, the AWS CLI) that tests cross-check against. */
public final class ExternalTools {
  private ExternalTools() {}

  /** What a tool printed and how it exited. */
  public record Result(int exit, String out, String err) {}

  /**
   * Runs {@code command} with exactly {@code environment}, stdin empty and its output in files (so nothing it
   * prints can block it); fails the calling test when it runs longer than {@code timeout}, having killed it.
   */
  public static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
    return captured(String.join(" ", command), (out, err) -> exit(command, environment, timeout, out, err));
  }

  /** Something that runs a tool with its stdout and stderr in the files given, and answers its exit code. */
  interface IntoFiles {
    int exit(Path out, Path err) throws IOException, InterruptedException;
  }

  /** What {@code tool} (its command line: {@code what}) printed into two temporary files, deleted after, and its exit. */
  static Result captured(String what, IntoFiles tool) {
    try {
      Path out = Files.createTempFile("tool-", ".out");
      Path err = Files.createTempFile("tool-", ".err");
      try {
        int exit = tool.exit(out, err);
        return new Result(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + what, e);
    }
  }

  /** As {@link #run}, writing to the files given; the exit code. */
  static int exit(List<String> command, Map<String, String> environment, Duration timeout, Path out, Path err)
      throws IOException {
    var pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().clear();
    pb.environment().putAll(environment);
    var process = pb.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw timedOut(command, timeout);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    }
    return process.exitValue();
  }

  static AssertionError timedOut(List<String> command, Duration timeout) {
    return new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
  }

  /** This JVM's environment without any AWS_ setting, plus {@code added}. */
  public static Map<String, String> withoutAwsSettings(Map<String, String> added) {
    var environment = new java.util.LinkedHashMap<>(System.getenv());
    environment.keySet().removeIf(k -> k.startsWith("AWS_"));
    environment.putAll(added);
    return environment;
  }

  public static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The AWS CLI, if installed. */
  public static Optional<Path> awsCli() {
    return onPath("aws");
  }

  /**
   * The output of a started process, read line by line as it comes on a thread of its own, so that the process never
   * blocks on a full pipe however much it prints after what the caller waits for.
   */
  public static final class Lines {
    private final Process process;
    private final List<String> lines = new java.util.ArrayList<>();
    private boolean ended;

    private Lines(Process process) {
      this.process = process;
      Thread.ofVirtual().name("tool-output").start(this::drain);
    }

    /** Starts reading {@code process}'s stdout (merge stderr into it when starting the process, if it matters). */
    public static Lines of(Process process) {
      return new Lines(process);
    }

    /**
     * The lines printed so far, once one of them satisfies {@code wanted}; fails the calling test, having killed the
     * process, when none does within {@code timeout} or the output ends first.
     */
    public synchronized List<String> await(java.util.function.Predicate<String> wanted, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (lines.stream().noneMatch(wanted)) {
        long left = deadline - System.nanoTime();
        if (ended || left <= 0) {
          process.destroyForcibly();
          throw new AssertionError((ended ? "the output ended" : "nothing wanted within " + timeout.toSeconds() + " s")
              + "; it printed: " + String.join("\n", lines));
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return List.copyOf(lines);
    }

    private void drain() {
      try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          synchronized (this) {
            lines.add(line);
            notifyAll();
          }
        }
      } catch (IOException ended) {
        // The process went away; await() reports what it printed.
      } finally {
        synchronized (this) {
          ended = true;
          notifyAll();
        }
      }
    }
  }
}
