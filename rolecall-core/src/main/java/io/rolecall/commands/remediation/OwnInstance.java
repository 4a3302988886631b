package io.rolecall.commands.remediation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The EC2 instance rolecall itself runs on, if any, asked of the instance metadata service (IMDSv2: a token, then
 * the instance id) with a one-second budget per request, so a machine that is no instance answers "none" quickly.
 * The endpoint is the SDK's: {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}, else 169.254.169.254;
 * {@code AWS_EC2_METADATA_DISABLED=true} turns the look-up off. Asked once per process, and only by a change that
 * could lock the operator out.
 */
final class OwnInstance {
  private static final Duration BUDGET = Duration.ofSeconds(1);
  private static volatile Optional<String> cached;
  private static volatile String endpointOverride;

  private OwnInstance() {}

  /** The instance id (i-...), or empty when this is no EC2 instance (or its metadata service does not answer). */
  static Optional<String> id() {
    var c = cached;
    if (c == null) {
      c = lookUp();
      cached = c;
    }
    return c;
  }

  private static Optional<String> lookUp() {
    String endpoint = endpointOverride;
    if (endpoint == null && "true".equalsIgnoreCase(System.getenv("AWS_EC2_METADATA_DISABLED"))) {
      return Optional.empty();
    }
    if (endpoint == null) {
      endpoint = System.getenv("AWS_EC2_METADATA_SERVICE_ENDPOINT");
    }
    String base = endpoint == null || endpoint.isBlank() ? "http://169.254.169.254" : endpoint.replaceAll("/+$", "");
    try {
      var http = HttpClient.newBuilder().connectTimeout(BUDGET).followRedirects(HttpClient.Redirect.NEVER).build();
      var token = http.send(HttpRequest.newBuilder(URI.create(base + "/latest/api/token")).timeout(BUDGET)
          .header("X-aws-ec2-metadata-token-ttl-seconds", "60").PUT(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      if (token.statusCode() != 200) {
        return Optional.empty();
      }
      var id = http.send(HttpRequest.newBuilder(URI.create(base + "/latest/meta-data/instance-id")).timeout(BUDGET)
          .header("X-aws-ec2-metadata-token", token.body().trim()).GET().build(), HttpResponse.BodyHandlers.ofString());
      String text = id.body() == null ? "" : id.body().trim();
      // What the metadata service says is input like any other: only an instance id is taken.
      return id.statusCode() == 200 && text.matches("i-[0-9a-f]{8,17}") ? Optional.of(text) : Optional.empty();
    } catch (java.io.IOException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** For tests: ask this metadata service (null: the environment's again), forgetting the last answer. */
  static void useEndpoint(String base) {
    endpointOverride = base;
    cached = null;
  }
}
