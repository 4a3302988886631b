package io.rolecall.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.render.Json;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI against an emulator, its JSON answer parsed: output to a file (so the timeout can fire whatever it
 * prints), the environment emptied of AWS settings but for the keys and region given.
 */
public final class AwsCliJson {
  private AwsCliJson() {}

  public static JsonNode run(URI endpoint, String key, String secret, String... command) throws Exception {
    var args = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString(), "--output", "json"));
    args.addAll(List.of(command));
    var out = Files.createTempFile("aws-cli-", ".json");
    try {
      var pb = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
      pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
      pb.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", key, "AWS_SECRET_ACCESS_KEY", secret,
          "AWS_DEFAULT_REGION", "us-east-1", "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
          "AWS_PAGER", "", "AWS_EC2_METADATA_DISABLED", "true"));
      var p = pb.start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("aws " + String.join(" ", command) + " did not finish within 60 s");
      }
      assertThat(p.exitValue()).as("aws " + String.join(" ", command)).isZero();
      return Json.mapper().readTree(Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
