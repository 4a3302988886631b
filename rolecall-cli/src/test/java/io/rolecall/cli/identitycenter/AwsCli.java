package io.rolecall.cli.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.sandbox.external.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The AWS CLI, pointed at an emulator, to read back state independently of rolecall and of the Java SDK. */
record AwsCli(URI endpoint, Map<String, String> credentials) {

  record Result(int exit, String out, String err) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("aws printed no JSON: " + out + err, e);
      }
    }
  }

  static boolean installed() {
    return ExternalTools.awsCli().isPresent();
  }

  Result run(String... args) {
    var command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString(), "--output", "json"));
    command.addAll(List.of(args));
    var pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    pb.environment().putAll(Map.of("AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
        "AWS_DEFAULT_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true", "AWS_PAGER", "",
        "AWS_MAX_ATTEMPTS", "1"));
    pb.environment().putAll(credentials);
    try {
      var process = pb.start();
      var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      var err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      return new Result(process.exitValue(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code aws identitystore ...} on one store, expecting success. */
  JsonNode identityStore(String storeId, String operation, String... args) {
    var all = new ArrayList<>(List.of("identitystore", operation, "--identity-store-id", storeId));
    all.addAll(List.of(args));
    Result r = run(all.toArray(String[]::new));
    assertThat(r.exit()).as("aws identitystore %s: %s", operation, r.err()).isZero();
    return r.json();
  }
}
