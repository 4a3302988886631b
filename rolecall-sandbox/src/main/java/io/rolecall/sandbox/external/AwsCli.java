package io.rolecall.sandbox.external;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS CLI (whichever `aws` is first on PATH) pointed at an emulator, for the cross-checks of every module: one
 * runner, with the CLI's output in files (so nothing it prints can block it), its environment emptied of AWS
 * settings but for what the caller gives, and a timeout that fires.
 *
 * <p>When `aws` is a Python script (AWS CLI v1 from PyPI, Debian's v2), command lines go to aws-cli-server.py, one
 * Python process per JVM that has imported the CLI once and runs each command in a fork of itself, the installed
 * script included: importing the CLI was about 0.3 s of every ~0.45 s call. Otherwise, or when that server cannot
 * start, each command is a process of its own.
 */
public final class AwsCli {
  /** What every command runs with, under the caller's additions: no profile, no IMDS, no pager. */
  private static final Map<String, String> BASE = Map.of("AWS_CONFIG_FILE", "/dev/null",
      "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_DEFAULT_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED",
      "true", "AWS_PAGER", "");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  /** Requests in ASCII, whatever the server's locale makes of its stdin. */
  private static final ObjectMapper JSON = new ObjectMapper(
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build());
  private static final Pattern ANSWER = Pattern.compile("\\{\"(pid|exit|ready)\": (-?\\d+|true)}");

  private static Server server;
  private static boolean serverUnavailable;

  private AwsCli() {}

  public static boolean installed() {
    return ExternalTools.awsCli().isPresent();
  }

  /**
   * {@code aws --endpoint-url ENDPOINT --output json ARGS...} with {@code env} (keys, region, retries...) over the
   * base environment; fails the calling test when it runs longer than a minute.
   */
  public static ExternalTools.Result run(URI endpoint, Map<String, String> env, String... args) {
    var line = new ArrayList<>(List.of("--endpoint-url", endpoint.toString(), "--output", "json"));
    line.addAll(List.of(args));
    var environment = ExternalTools.withoutAwsSettings(BASE);
    environment.putAll(env);
    return ExternalTools.captured("aws " + String.join(" ", args), (out, err) -> exit(line, environment, out, err));
  }

  private static synchronized int exit(List<String> line, Map<String, String> env, Path out, Path err)
      throws IOException, InterruptedException {
    Server s = server();
    if (s != null) {
      return s.run(line, env, out, err);
    }
    var command = new ArrayList<>(List.of(ExternalTools.awsCli().orElseThrow().toString()));
    command.addAll(line);
    return ExternalTools.exit(command, env, TIMEOUT, out, err);
  }

  private static AssertionError timedOut(List<String> line) {
    var command = new ArrayList<>(List.of("aws"));
    command.addAll(line);
    return ExternalTools.timedOut(command, TIMEOUT);
  }

  private static Server server() {
    if (server != null && server.process.isAlive()) {
      return server;
    }
    server = null;
    if (serverUnavailable) {
      return null;
    }
    try {
      server = Server.start();
    } catch (IOException | RuntimeException | AssertionError e) {
      System.err.println("AwsCli: running each AWS CLI command as its own process (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    serverUnavailable = server == null;
    return server;
  }

  /** aws-cli-server.py, started with the interpreter of the `aws` script on PATH. */
  private static final class Server {
    final Process process;
    final OutputStream requests;
    final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private Server(Process process) {
      this.process = process;
      this.requests = process.getOutputStream();
      Thread.ofPlatform().daemon().name("aws-cli-server").start(() -> readAnswers(process.getInputStream()));
    }

    static Server start() throws IOException, InterruptedException {
      Path aws = realScript(ExternalTools.awsCli().orElseThrow(() -> new IOException("no aws on PATH")));
      String python = interpreter(aws).orElseThrow(() -> new IOException(aws + " is not a Python script"));
      Path script = Files.createTempFile("aws-cli-server-", ".py");
      try (InputStream in = AwsCli.class.getResourceAsStream("aws-cli-server.py")) {
        Files.write(script, in.readAllBytes());
      }
      script.toFile().deleteOnExit();
      var pb = new ProcessBuilder(python, script.toString(), aws.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().clear();
      pb.environment().putAll(ExternalTools.withoutAwsSettings(Map.of()));
      var started = new Server(pb.start());
      Runtime.getRuntime().addShutdownHook(new Thread(started.process::destroyForcibly));
      String ready = started.answers.poll(30, TimeUnit.SECONDS);
      if (ready == null || !ready.contains("\"ready\"")) {
        started.process.destroyForcibly();
        throw new IOException("aws-cli-server.py did not start with " + python);
      }
      return started;
    }

    int run(List<String> line, Map<String, String> env, Path out, Path err) throws IOException, InterruptedException {
      var request = new LinkedHashMap<String, Object>();
      request.put("args", line);
      request.put("env", env);
      request.put("out", out.toString());
      request.put("err", err.toString());
      requests.write(JSON.writeValueAsBytes(request));
      requests.write('\n');
      requests.flush();
      long pid = number(answers.poll(30, TimeUnit.SECONDS), "pid", line);
      String exit = answers.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (exit == null) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw timedOut(line);
      }
      return (int) number(exit, "exit", line);
    }

    private long number(String answer, String key, List<String> line) {
      Matcher m = answer == null ? null : ANSWER.matcher(answer.strip());
      if (m == null || !m.matches() || !m.group(1).equals(key)) {
        process.destroyForcibly();
        throw new AssertionError("aws-cli-server.py answered " + answer + " to aws " + String.join(" ", line));
      }
      return Long.parseLong(m.group(2));
    }

    private void readAnswers(InputStream in) {
      try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String answer; (answer = reader.readLine()) != null; ) {
          answers.add(answer);
        }
      } catch (IOException ended) {
        // The server is gone; a waiting run() times out or sees no answer.
      }
    }
  }

  /** pyenv's shim is a shell script that finds the real `aws`; ask pyenv for that one. */
  private static Path realScript(Path aws) throws IOException {
    if (!aws.toString().contains("/.pyenv/shims/")) {
      return aws;
    }
    var which = ExternalTools.run(List.of("pyenv", "which", "aws"), System.getenv(), Duration.ofSeconds(10));
    if (which.exit() != 0) {
      throw new IOException("pyenv which aws failed: " + which.err().strip());
    }
    return Path.of(which.out().strip());
  }

  /** The interpreter on the script's #! line when it is a Python one ("#!/usr/bin/python3", "#!/usr/bin/env python"). */
  static Optional<String> interpreter(Path script) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(script)) {
      head = in.readNBytes(256);
    }
    String first = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
    if (!first.startsWith("#!")) {
      return Optional.empty();
    }
    String[] words = first.substring(2).strip().split("\\s+");
    String program = words[0].endsWith("/env") && words.length > 1 ? words[1] : words[0];
    if (!Path.of(program).getFileName().toString().startsWith("python")) {
      return Optional.empty();
    }
    return Optional.of(program.contains("/") ? program
        : ExternalTools.onPath(program).map(Path::toString).orElse(program));
  }
}
