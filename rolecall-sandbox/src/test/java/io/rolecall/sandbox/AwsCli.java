package io.rolecall.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;

/** Runs the AWS CLI against a sandbox with only the given key in its environment. */
record AwsCli(Sandbox sb) {
  record Result(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(out);
    }
  }

  static boolean installed() {
    return io.rolecall.sandbox.external.AwsCli.installed();
  }

  Result run(AccessKey key, String... args) {
    var env = new HashMap<>(key.env());
    env.put("AWS_MAX_ATTEMPTS", "1");
    var r = io.rolecall.sandbox.external.AwsCli.run(sb.endpoint(), env, args);
    return new Result(r.exit(), r.out(), r.err());
  }
}
