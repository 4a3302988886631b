package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.sandbox.external.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the AWS CLI against a sandbox with only the given key in its environment. */
record AwsCli(Sandbox sb) {
  record Result(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(out);
    }
  }

  static boolean installed() {
    return ExternalTools.awsCli().isPresent();
  }

  Result run(AccessKey key, String... args) throws Exception {
    var command = new ArrayList<>(List.of("aws", "--endpoint-url", sb.endpoint().toString(), "--output", "json"));
    command.addAll(List.of(args));
    var pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.putAll(Map.of("AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
        "AWS_DEFAULT_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true", "AWS_PAGER", "",
        "AWS_MAX_ATTEMPTS", "1"));
    env.putAll(key.env());
    // Output goes to files, not pipes, so a CLI that hangs cannot block the reads and the timeout below fires.
    Path out = Files.createTempFile("aws-cli-", ".out");
    Path err = Files.createTempFile("aws-cli-", ".err");
    try {
      var process = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("aws " + String.join(" ", args) + " did not finish within 60 s");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
