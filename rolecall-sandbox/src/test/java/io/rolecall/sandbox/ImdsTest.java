package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;

/** IMDSv2 as the SDK's InstanceProfileCredentialsProvider uses it, plus raw checks of the token rules. */
class ImdsTest {
  final Sandbox sb = Sandbox.start();
  final Account mgmt = sb.account("111111111111");
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    sb.close();
  }

  InstanceProfileCredentialsProvider provider() {
    return InstanceProfileCredentialsProvider.builder().endpoint(sb.endpoint().toString()).build();
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create(sb.endpoint() + path));
  }

  String token() throws Exception {
    return send(at("/latest/api/token").header("X-aws-ec2-metadata-token-ttl-seconds", "60")
        .PUT(HttpRequest.BodyPublishers.noBody())).body();
  }

  @Test
  void sdkInstanceProfileProviderGetsTheInstanceRolesCredentials() {
    mgmt.iam().createRole("EngineRole", TrustPolicy.trustingService("ec2.amazonaws.com"));
    sb.imds().attachInstanceRole(mgmt, "EngineRole");
    try (var provider = provider()) {
      var credentials = provider.resolveCredentials();
      assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
      assertThat(credentials.accessKeyId()).startsWith("ASIA");
      try (var sts = Aws.sts(sb, provider, AwsRetryStrategy.doNotRetry())) {
        var id = sts.getCallerIdentity();
        assertThat(id.arn()).isEqualTo("arn:aws:sts::111111111111:assumed-role/EngineRole/" + sb.imds().instanceId());
        assertThat(id.account()).isEqualTo("111111111111");
      }
    }
    assertThat(sb.calls().count("111111111111", "imds", "GetToken")).isPositive();
    assertThat(sb.calls().count("imds", "GetCredentials")).isEqualTo(2); // role name, then the document
  }

  @Test
  void withoutAnInstanceRoleTheProviderFails() {
    try (var provider = provider()) {
      assertThatThrownBy(provider::resolveCredentials).isInstanceOf(SdkClientException.class);
    }
  }

  @Test
  void everyGetNeedsAValidToken() throws Exception {
    assertThat(send(at("/latest/meta-data/instance-id")).statusCode()).isEqualTo(401);
    assertThat(send(at("/latest/meta-data/instance-id").header("X-aws-ec2-metadata-token", "forged")).statusCode())
        .isEqualTo(401);
    var ok = send(at("/latest/meta-data/instance-id").header("X-aws-ec2-metadata-token", token()));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo(sb.imds().instanceId()).startsWith("i-");
  }

  @Test
  void tokenTtlMustBeBetweenOneSecondAndSixHours() throws Exception {
    for (String ttl : new String[] {"0", "21601", "soon"}) {
      var response = send(at("/latest/api/token").header("X-aws-ec2-metadata-token-ttl-seconds", ttl)
          .PUT(HttpRequest.BodyPublishers.noBody()));
      assertThat(response.statusCode()).as("ttl %s", ttl).isEqualTo(400);
    }
    assertThat(send(at("/latest/api/token").PUT(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(400);
    var max = send(at("/latest/api/token").header("X-aws-ec2-metadata-token-ttl-seconds", "21600")
        .PUT(HttpRequest.BodyPublishers.noBody()));
    assertThat(max.statusCode()).isEqualTo(200);
    assertThat(max.headers().firstValue("X-aws-ec2-metadata-token-ttl-seconds")).hasValue("21600");
  }

  @Test
  void tokensExpire() throws Exception {
    String token = token();
    sb.clock().advance(java.time.Duration.ofSeconds(61));
    assertThat(send(at("/latest/meta-data/instance-id").header("X-aws-ec2-metadata-token", token)).statusCode())
        .isEqualTo(401);
  }

  @Test
  void identityDocumentNamesAccountAndRegion() throws Exception {
    mgmt.iam().createRole("EngineRole", TrustPolicy.trustingService("ec2.amazonaws.com"));
    sb.imds().attachInstanceRole(mgmt, "EngineRole").region("eu-west-1");
    var doc = send(at("/latest/dynamic/instance-identity/document").header("X-aws-ec2-metadata-token", token())).body();
    assertThat(doc).contains("\"accountId\" : \"111111111111\"", "\"region\" : \"eu-west-1\"",
        "\"instanceId\" : \"" + sb.imds().instanceId() + "\"");
  }
}
