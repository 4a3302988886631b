package io.rolecall.aws;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.StsEndpoints;
import io.rolecall.auth.Timeouts;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds SDK clients from settings and caches them: one client per (service, region, credentials,
 * transport settings), shared by every command and thread that needs the same one. Clients are
 * thread-safe and costly to build, so a process never builds the same one twice.
 */
public final class AwsClients implements AutoCloseable {
  private record Key(AwsService service, String region, AwsCredentialsProvider credentials, URI endpoint,
      Timeouts timeouts, int retries, boolean insecure, URI proxy, java.util.Set<String> nonProxyHosts,
      StsEndpoints sts) {}

  private final HttpClients http;
  private final Map<Key, SdkClient> clients = new ConcurrentHashMap<>();

  public AwsClients() {
    this(new HttpClients());
  }

  AwsClients(HttpClients http) {
    this.http = http;
  }

  /** SDK clients cached now (for tests: they follow the sessions in use). */
  int size() {
    return clients.size();
  }

  public StsClient sts(AuthSettings s, String region, AwsCredentialsProvider creds) {
    return get(AwsService.STS, s, region, creds, () -> configure(StsClient.builder(), AwsService.STS, s,
        stsRegion(s, region), creds).build());
  }

  public IamClient iam(AuthSettings s, String region, AwsCredentialsProvider creds) {
    return get(AwsService.IAM, s, region, creds,
        () -> configure(IamClient.builder(), AwsService.IAM, s, Region.of(region), creds).build());
  }

  public S3Client s3(AuthSettings s, String region, AwsCredentialsProvider creds) {
    return get(AwsService.S3, s, region, creds, () -> {
      var b = configure(S3Client.builder(), AwsService.S3, s, Region.of(region), creds);
      // Emulators and PrivateLink endpoints have no per-bucket DNS names.
      b.forcePathStyle(s.endpointFor(AwsService.S3.key()) != null);
      return b.build();
    });
  }

  public Ec2Client ec2(AuthSettings s, String region, AwsCredentialsProvider creds) {
    return get(AwsService.EC2, s, region, creds,
        () -> configure(Ec2Client.builder(), AwsService.EC2, s, Region.of(region), creds).build());
  }

  public IdentitystoreClient identityStore(AuthSettings s, String region, AwsCredentialsProvider creds) {
    return get(AwsService.IDENTITY_STORE, s, region, creds, () -> configure(IdentitystoreClient.builder(),
        AwsService.IDENTITY_STORE, s, Region.of(region), creds).build());
  }

  public SsoAdminClient ssoAdmin(AuthSettings s, String region, AwsCredentialsProvider creds) {
    return get(AwsService.SSO_ADMIN, s, region, creds, () -> configure(SsoAdminClient.builder(),
        AwsService.SSO_ADMIN, s, Region.of(region), creds).build());
  }

  public CloudTrailClient cloudTrail(AuthSettings s, String region, AwsCredentialsProvider creds) {
    return get(AwsService.CLOUDTRAIL, s, region, creds, () -> configure(CloudTrailClient.builder(),
        AwsService.CLOUDTRAIL, s, Region.of(region), creds).build());
  }

  public OrganizationsClient organizations(AuthSettings s, String region, AwsCredentialsProvider creds) {
    return get(AwsService.ORGANIZATIONS, s, region, creds, () -> configure(OrganizationsClient.builder(),
        AwsService.ORGANIZATIONS, s, Region.of(region), creds).build());
  }

  public RdsClient rds(AuthSettings s, String region, AwsCredentialsProvider creds) {
    return get(AwsService.RDS, s, region, creds, () -> configure(RdsClient.builder(), AwsService.RDS, s,
        Region.of(region), creds).build());
  }

  public KmsClient kms(AuthSettings s, String region, AwsCredentialsProvider creds) {
    return get(AwsService.KMS, s, region, creds, () -> configure(KmsClient.builder(), AwsService.KMS, s,
        Region.of(region), creds).build());
  }

  /**
   * The region an STS client signs for. Regional endpoints are the default; "legacy" sends
   * commercial-partition calls to the global endpoint, while GovCloud and China keep their own
   * (they have no global one).
   */
  static Region stsRegion(AuthSettings s, String region) {
    if (s.stsEndpoints() == StsEndpoints.LEGACY && AuthSettings.partitionOf(region).equals("aws")) {
      return Region.AWS_GLOBAL;
    }
    return Region.of(region);
  }

  @SuppressWarnings("unchecked")
  private <C extends SdkClient> C get(AwsService service, AuthSettings s, String region,
      AwsCredentialsProvider creds, Supplier<C> factory) {
    var key = new Key(service, region, creds, s.endpointFor(service.key()), s.timeouts(), s.retries(),
        s.insecure(), s.proxy(), s.nonProxyHosts(), s.stsEndpoints());
    return (C) clients.computeIfAbsent(key, k -> factory.get());
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
      B builder, AwsService service, AuthSettings s, Region region, AwsCredentialsProvider creds) {
    builder.region(region)
        .credentialsProvider(creds)
        .httpClient(http.forSettings(s))
        // The meter is inert unless a caller binds a CallScope (inventory counts and paces attempts with it);
        // LostResponses marks failures that follow an unanswered attempt, for writes to settle by reading.
        .overrideConfiguration(o -> o.retryStrategy(retryStrategy(s.retries())).addExecutionInterceptor(CallMeter.INSTANCE)
            .addExecutionInterceptor(LostResponses.INSTANCE));
    URI endpoint = s.endpointFor(service.key());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }

  /**
   * The SDK's standard strategy (exponential backoff with jitter; throttling, 5xx and connection
   * errors retried), with the user's attempt count. 0 retries means exactly one attempt.
   */
  static RetryStrategy retryStrategy(int retries) {
    if (retries == 0) {
      return AwsRetryStrategy.doNotRetry();
    }
    return AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(retries + 1).build();
  }

  /** Closes and forgets the clients that sign with {@code credentials} (a session nobody will use again). */
  void closeFor(AwsCredentialsProvider credentials) {
    clients.entrySet().removeIf(e -> {
      if (e.getKey().credentials() == credentials) {
        e.getValue().close();
        return true;
      }
      return false;
    });
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    clients.clear();
    http.close();
  }
}
