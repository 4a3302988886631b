package io.rolecall.sandbox.identitycenter;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/** Real AWS SDK clients for Identity Store, SSO Admin, IAM and Organizations, pointed at a sandbox, without retries. */
final class IdentityCenterClients {
  private IdentityCenterClients() {}

  static StaticCredentialsProvider credentials(AccessKey key) {
    return StaticCredentialsProvider.create(key.sessionToken() == null
        ? AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())
        : AwsSessionCredentials.create(key.accessKeyId(), key.secretAccessKey(), key.sessionToken()));
  }

  static IdentitystoreClient identityStore(Sandbox sb, AccessKey key) {
    return identityStore(sb, key, Region.US_EAST_1);
  }

  static IdentitystoreClient identityStore(Sandbox sb, AccessKey key, Region region) {
    return IdentitystoreClient.builder().endpointOverride(sb.endpoint()).region(region)
        .credentialsProvider(credentials(key))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static SsoAdminClient ssoAdmin(Sandbox sb, AccessKey key, Region region) {
    return SsoAdminClient.builder().endpointOverride(sb.endpoint()).region(region)
        .credentialsProvider(credentials(key))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static SsoAdminClient ssoAdmin(Sandbox sb, AccessKey key) {
    return ssoAdmin(sb, key, Region.US_EAST_1);
  }

  static IamClient iam(Sandbox sb, AccessKey key) {
    return IamClient.builder().endpointOverride(sb.endpoint()).region(Region.AWS_GLOBAL)
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
}
