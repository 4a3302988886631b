package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidMaxResultsException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTimeRangeException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

/** CloudTrail LookupEvents through the SDK: order, time window, pages of 50, attributes and the 2/s quota. */
class CloudTrailTest {
  final Sandbox sb = Sandbox.start();
  final Account account = sb.account("111111111111");
  final AccessKey admin = account.iam().createUserWithAccessKey("admin");
  final CloudTrailClient trail = CloudTrailClient.builder().endpointOverride(sb.endpoint()).region(Region.US_EAST_1)
      .credentialsProvider(Aws.credentials(admin)).httpClientBuilder(UrlConnectionHttpClient.builder())
      .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();

  @AfterEach
  void close() {
    trail.close();
    sb.close();
  }

  @Test
  void newestFirstWithinTheWindowInPagesOfFifty() {
    account.cloudTrail("us-east-1").lookupRate(0);
    Instant now = sb.clock().now();
    for (int i = 0; i < 120; i++) {
      account.cloudTrail("us-east-1").record(i % 2 == 0 ? "CreateUser" : "DescribeInstances", "iam.amazonaws.com",
          now.minus(Duration.ofSeconds(i * 10L)), "alice", i % 2 == 1, Map.of("u" + i, "AWS::IAM::User"));
    }
    account.cloudTrail("eu-west-1").record("CreateUser", "iam.amazonaws.com", now, "bob", false, Map.of());

    var times = new ArrayList<Instant>();
    int pages = 0;
    for (var page : trail.lookupEventsPaginator(r -> r.startTime(now.minus(Duration.ofSeconds(995))))) {
      pages++;
      assertThat(page.events()).hasSizeLessThanOrEqualTo(50);
      page.events().forEach(e -> times.add(e.eventTime()));
    }
    assertThat(pages).isEqualTo(2);
    assertThat(times).hasSize(100).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    var writes = trail.lookupEvents(r -> r.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.READ_ONLY)
        .attributeValue("false")).maxResults(5)).events();
    assertThat(writes).hasSize(5).allSatisfy(e -> {
      assertThat(e.eventName()).isEqualTo("CreateUser");
      assertThat(e.cloudTrailEvent()).contains("\"eventCategory\":\"Management\"", "\"awsRegion\":\"us-east-1\"");
      assertThat(e.resources()).singleElement().satisfies(res -> assertThat(res.resourceType()).isEqualTo("AWS::IAM::User"));
    });

    assertThatThrownBy(() -> trail.lookupEvents(r -> r.maxResults(51))).isInstanceOf(InvalidMaxResultsException.class);
    assertThatThrownBy(() -> trail.lookupEvents(r -> r.startTime(now).endTime(now.minusSeconds(1))))
        .isInstanceOf(InvalidTimeRangeException.class);
  }

  @Test
  void throttlesPastTwoRequestsPerSecondPerAccountAndRegion() {
    trail.lookupEvents(r -> { });
    trail.lookupEvents(r -> { });
    assertThatThrownBy(() -> trail.lookupEvents(r -> { })).isInstanceOfSatisfying(CloudTrailException.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException"));
  }
}
