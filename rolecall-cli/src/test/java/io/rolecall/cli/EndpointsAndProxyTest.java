package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which endpoint each setting sends STS calls to (SPEC §1: regional by default, legacy global on
 * request, GovCloud's own, PrivateLink URLs, AWS_ENDPOINT_URL_*), and that a proxy is used only
 * when asked for. The SDK resolves the endpoints; a recording proxy shows where it connected.
 */
class EndpointsAndProxyTest {
  private static List<String> connects(Map<String, String> env, String... flags) throws Exception {
    try (var proxy = new RecordingProxy()) {
      var args = new ArrayList<>(List.of("--proxy", proxy.url(), "--access-key", "AKIAEXAMPLE000000001",
          "--secret-key", "not-a-real-secret-0000", "--retries", "0", "--timeout", "5,2"));
      args.addAll(List.of(flags));
      args.add("test");
      var run = CliRun.inProcess(env, args.toArray(String[]::new));
      assertThat(run.exit()).as(run.all()).isEqualTo(1);
      return proxy.requestLines();
    }
  }

  @Test
  void stsIsRegionalByDefault() throws Exception {
    assertThat(connects(Map.of(), "--region", "eu-west-1")).contains("CONNECT sts.eu-west-1.amazonaws.com:443 HTTP/1.1");
  }

  @Test
  void legacyUsesTheGlobalEndpointInTheCommercialPartition() throws Exception {
    assertThat(connects(Map.of(), "--region", "eu-west-1", "--sts-regional-endpoints", "legacy"))
        .contains("CONNECT sts.amazonaws.com:443 HTTP/1.1");
  }

  @Test
  void govCloudKeepsItsOwnStsEndpointEvenWithLegacy() throws Exception {
    assertThat(connects(Map.of(), "--region", "us-gov-west-1", "--sts-regional-endpoints", "legacy"))
        .contains("CONNECT sts.us-gov-west-1.amazonaws.com:443 HTTP/1.1");
  }

  @Test
  void stsEndpointUrlForPrivateLink() throws Exception {
    assertThat(connects(Map.of(), "--region", "us-east-1", "--sts-endpoint-url",
        "https://vpce-0a1b2c3d.sts.us-east-1.vpce.amazonaws.com"))
        .contains("CONNECT vpce-0a1b2c3d.sts.us-east-1.vpce.amazonaws.com:443 HTTP/1.1");
  }

  @Test
  void serviceSpecificEnvironmentVariableWinsOverTheGeneralOne() throws Exception {
    assertThat(connects(Map.of("AWS_ENDPOINT_URL", "https://all.example.internal",
        "AWS_ENDPOINT_URL_STS", "https://sts.example.internal"), "--region", "us-east-1"))
        .contains("CONNECT sts.example.internal:443 HTTP/1.1");
  }

  @Test
  void systemProxyOnlyWhenAsked() throws Exception {
    try (var proxy = new RecordingProxy()) {
      var env = Map.of("HTTPS_PROXY", proxy.url(), "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE000000001",
          "AWS_SECRET_ACCESS_KEY", "not-a-real-secret-0000", "AWS_REGION", "us-east-1");
      var direct = CliRun.subprocess(env, "--retries", "0", "--timeout", "3,2", "test");
      assertThat(direct.exit()).isEqualTo(1);
      assertThat(proxy.requestLines()).isEmpty();
      var viaProxy = CliRun.subprocess(env, "--retries", "0", "--timeout", "3,2", "--system-proxy", "test");
      assertThat(viaProxy.exit()).isEqualTo(1);
      assertThat(proxy.requestLines()).contains("CONNECT sts.us-east-1.amazonaws.com:443 HTTP/1.1");
    }
  }

  @Test
  void proxyPasswordNeverShows() throws Exception {
    try (var proxy = new RecordingProxy()) {
      String withPassword = proxy.url().replace("http://", "http://ops:CANARY-proxy-pw-91@");
      var run = CliRun.inProcess(Map.of(), "--proxy", withPassword, "--access-key", "AKIAEXAMPLE000000001",
          "--secret-key", "not-a-real-secret-0000", "--region", "us-east-1", "--retries", "0", "--debug", "test");
      assertThat(run.exit()).isEqualTo(1);
      assertThat(proxy.requestLines()).isNotEmpty();
      assertThat(run.all()).doesNotContain("CANARY-proxy-pw-91");
    }
  }

  @Test
  void proxyAndSystemProxyTogetherIsAUsageError() throws Exception {
    var run = CliRun.inProcess(Map.of(), "--proxy", "http://127.0.0.1:9", "--system-proxy", "--region", "us-east-1", "test");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("proxy: give either --proxy or --system-proxy, not both");
  }
}
