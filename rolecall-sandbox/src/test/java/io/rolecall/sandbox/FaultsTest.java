package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** Injected faults as the SDK's standard retry strategy experiences them, counted by the call log. */
class FaultsTest {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
  final StsClient retrying = Aws.sts(sb, Aws.credentials(ops), Aws.fastStandardRetries());

  @AfterEach
  void close() {
    retrying.close();
    sb.close();
  }

  @Test
  void throttlingIsRetriedAndEveryAttemptIsLogged() {
    sb.faults().on("sts").action("GetCallerIdentity").throttle(2);
    assertThat(retrying.getCallerIdentity().account()).isEqualTo("111111111111");
    assertThat(sb.calls().count("sts", "GetCallerIdentity")).isEqualTo(3);
    assertThat(sb.calls().count("111111111111", "sts", "GetCallerIdentity")).isEqualTo(3);
    assertThat(sb.calls().throttled("sts", "GetCallerIdentity")).isEqualTo(2);
    assertThat(sb.faults().pending()).isZero();
  }

  @Test
  void persistentThrottlingSurfacesAsThrottlingAfterThreeAttempts() {
    sb.faults().on("sts").throttle(10);
    assertThatThrownBy(retrying::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
      assertThat(e.isThrottlingException()).isTrue();
    });
    assertThat(sb.calls().total()).isEqualTo(3);
    assertThat(sb.faults().pending()).isEqualTo(7);
    sb.faults().clear();
    assertThat(retrying.getCallerIdentity().account()).isEqualTo("111111111111");
  }

  @Test
  void serverErrorsAreRetriedAndSurfaceWithTheirStatus() {
    sb.faults().on("sts").serverError(1);
    assertThat(retrying.getCallerIdentity().account()).isEqualTo("111111111111");
    assertThat(sb.calls().count("sts", "GetCallerIdentity")).isEqualTo(2);

    sb.faults().on("sts").unavailable(1);
    try (var once = Aws.sts(sb, ops)) {
      assertThatThrownBy(once::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
      });
    }
  }

  @Test
  void droppedConnectionsAreIoErrors() {
    sb.faults().on("*").dropConnection(50);
    assertThatThrownBy(retrying::getCallerIdentity).isInstanceOf(SdkClientException.class)
        .hasRootCauseInstanceOf(IOException.class);
    // The SDK made 3 attempts; HttpURLConnection may silently resend a request once on a closed connection.
    assertThat(sb.calls().count("sts", "GetCallerIdentity")).isBetween(3L, 6L);
    sb.faults().clear();
    sb.faults().on("sts").dropConnection(1);
    assertThat(retrying.getCallerIdentity().account()).isEqualTo("111111111111");
  }

  @Test
  void rulesMatchOnServiceActionAndAccount() {
    sb.faults().on("iam").throttle(1).on("sts").action("AssumeRole").throttle(1)
        .on("sts").account("999999999999").throttle(1);
    try (var once = Aws.sts(sb, ops)) {
      assertThat(once.getCallerIdentity().account()).isEqualTo("111111111111");
    }
    assertThat(sb.faults().pending()).isEqualTo(3);
    assertThat(sb.calls().throttledTotal()).isZero();
  }

  @Test
  void latencyIsAddedToEveryRequest() {
    retrying.getCallerIdentity(); // warm the connection and the SDK
    sb.faults().latency(Duration.ofMillis(300));
    long start = System.nanoTime();
    retrying.getCallerIdentity();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    // Cleared, the latency is gone: with an hour of it armed, only a cleared latency lets the request return within
    // the generous bound (no assertion on a short wall time).
    sb.faults().latency(Duration.ofHours(1));
    sb.faults().clear();
    assertThat(sb.faults().latency()).isZero();
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> retrying.getCallerIdentity());
  }

  @Test
  void concurrentRequestsWaitOutTheirLatencyInParallel() {
    sb.faults().latency(Duration.ofMillis(500));
    var http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();
    var request = HttpRequest.newBuilder(URI.create(sb.endpoint() + "/latest/api/token"))
        .header("X-aws-ec2-metadata-token-ttl-seconds", "60").PUT(HttpRequest.BodyPublishers.noBody()).build();
    long start = System.nanoTime();
    var futures = new ArrayList<CompletableFuture<HttpResponse<String>>>();
    for (int i = 0; i < 200; i++) futures.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    futures.forEach(f -> assertThat(f.join().statusCode()).isEqualTo(200));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(sb.calls().count("imds", "GetToken")).isEqualTo(200);
  }

  @Test
  void imdsFaults() throws Exception {
    sb.faults().on("imds").action("GetToken").unavailable(1);
    var http = HttpClient.newHttpClient();
    var request = HttpRequest.newBuilder(URI.create(sb.endpoint() + "/latest/api/token"))
        .header("X-aws-ec2-metadata-token-ttl-seconds", "60").PUT(HttpRequest.BodyPublishers.noBody()).build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void noRetryClientSeesTheFirstFault() {
    sb.faults().on("sts").throttle(1);
    try (var once = Aws.sts(sb, Aws.credentials(ops), AwsRetryStrategy.doNotRetry())) {
      assertThatThrownBy(once::getCallerIdentity).asInstanceOf(InstanceOfAssertFactories.type(StsException.class))
          .extracting(e -> e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
    }
  }
}
