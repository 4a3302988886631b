package io.rolecall.cli.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    return io.rolecall.sandbox.external.AwsCli.installed();
  }

  Result run(String... args) {
    var env = new HashMap<>(credentials);
    env.put("AWS_MAX_ATTEMPTS", "1");
    var r = io.rolecall.sandbox.external.AwsCli.run(endpoint, env, args);
    return new Result(r.exit(), r.out(), r.err());
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
