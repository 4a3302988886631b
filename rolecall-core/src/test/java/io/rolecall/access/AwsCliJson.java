package io.rolecall.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.render.Json;
import io.rolecall.sandbox.external.AwsCli;
import java.net.URI;
import java.util.Map;

/** The AWS CLI against an emulator, expected to succeed, its JSON answer parsed. */
public final class AwsCliJson {
  private AwsCliJson() {}

  public static JsonNode run(URI endpoint, String key, String secret, String... command) throws Exception {
    var r = AwsCli.run(endpoint, Map.of("AWS_ACCESS_KEY_ID", key, "AWS_SECRET_ACCESS_KEY", secret), command);
    assertThat(r.exit()).as("aws " + String.join(" ", command) + ": " + r.err()).isZero();
    return Json.mapper().readTree(r.out());
  }
}
