package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** The standalone main, as a benchmark script would use it: start, read the printed lines, call, kill. */
class SandboxMainTest {

  @Test
  void printsEndpointAndOperatorKeysAndSeedsTargetAccounts() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SandboxMain.class.getName(), "--accounts", "2", "--external-id", "bench").redirectErrorStream(true).start();
    try {
      var lines = new HashMap<String, String>();
      var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line; !lines.containsKey("AWS_DEFAULT_REGION") && (line = reader.readLine()) != null; ) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) lines.put(line.substring(0, eq), line.substring(eq + 1));
      }
      assertThat(lines).containsKeys("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
      var operator = new AccessKey(lines.get("AWS_ACCESS_KEY_ID"), lines.get("AWS_SECRET_ACCESS_KEY"));
      try (var sts = StsClient.builder().endpointOverride(URI.create(lines.get("AWS_ENDPOINT_URL")))
          .region(Region.US_EAST_1).credentialsProvider(Aws.credentials(operator))
          .httpClientBuilder(UrlConnectionHttpClient.builder())
          .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
        assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111111111111:user/operator");
        var session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::200000000002:role/RolecallAudit")
            .roleSessionName("bench").externalId("bench"));
        assertThat(session.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::200000000002:assumed-role/RolecallAudit/bench");
      }
    } finally {
      process.destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
