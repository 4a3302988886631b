package io.rolecall.sandbox;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Builds real AWS SDK clients pointed at a sandbox. */
final class Aws {
  private Aws() {}

  static AwsCredentialsProvider credentials(AccessKey key) {
    return StaticCredentialsProvider.create(key.sessionToken() == null
        ? AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())
        : AwsSessionCredentials.create(key.accessKeyId(), key.secretAccessKey(), key.sessionToken()));
  }

  static StsClient sts(Sandbox sb, AccessKey key) {
    return sts(sb, credentials(key), AwsRetryStrategy.doNotRetry());
  }

  static StsClient sts(Sandbox sb, AwsCredentialsProvider credentials, RetryStrategy retry) {
    return StsClient.builder().endpointOverride(sb.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(retry))
        .build();
  }

  static IamClient iam(Sandbox sb, AccessKey key) {
    return IamClient.builder().endpointOverride(sb.endpoint()).region(Region.AWS_GLOBAL)
        .credentialsProvider(credentials(key))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** Path-style, as against any endpoint without per-bucket host names. */
  static S3Client s3(Sandbox sb, AccessKey key) {
    return S3Client.builder().endpointOverride(sb.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(credentials(key))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /**
   * S3 Control's endpoint rules put the account id in the host name (111111111111.127.0.0.1 is no host at all), so
   * the client resolves every call to the sandbox's endpoint as it is.
   */
  static S3ControlClient s3control(Sandbox sb, AccessKey key) {
    return S3ControlClient.builder().region(Region.US_EAST_1)
        .endpointProvider(params -> CompletableFuture.completedFuture(Endpoint.builder().url(sb.endpoint()).build()))
        .credentialsProvider(credentials(key))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static Ec2Client ec2(Sandbox sb, AccessKey key, Region region) {
    return Ec2Client.builder().endpointOverride(sb.endpoint()).region(region)
        .credentialsProvider(credentials(key))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static OrganizationsClient organizations(Sandbox sb, AccessKey key) {
    return OrganizationsClient.builder().endpointOverride(sb.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials(key))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** The SDK's standard retry strategy (3 attempts, AWS's retryable and throttling errors) with 10 ms backoffs. */
  static RetryStrategy fastStandardRetries() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .backoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(10)))
        .throttlingBackoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(10)))
        .build();
  }

  static AccessKey key(Credentials c) {
    return new AccessKey(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  /** AssumeRole with {@code from}'s keys; returns the session's keys. */
  static AccessKey assume(Sandbox sb, AccessKey from, String roleArn, String externalId) {
    try (var sts = sts(sb, from)) {
      return key(sts.assumeRole(AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("test")
          .externalId(externalId).build()).credentials());
    }
  }
}
