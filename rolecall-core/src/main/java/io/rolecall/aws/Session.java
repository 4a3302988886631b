package io.rolecall.aws;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.RoleRequest;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One identity in one account and region: the clients a command calls AWS with. Clients come from
 * the shared cache, so opening sessions is cheap and two sessions on the same role share clients.
 */
public final class Session {
  private final AwsClients clients;
  private final AuthSettings settings;
  private final String region;
  private final RoleRequest role;
  private final AwsCredentialsProvider credentials;
  private volatile String accountId;
  /** The account the base identity must be in (account_id given without a role to assume), or null. */
  private final String requiredAccount;

  Session(AwsClients clients, AuthSettings settings, String region, RoleRequest role,
      AwsCredentialsProvider credentials, String accountId) {
    this(clients, settings, region, role, credentials, accountId, null);
  }

  Session(AwsClients clients, AuthSettings settings, String region, RoleRequest role,
      AwsCredentialsProvider credentials, String accountId, String requiredAccount) {
    this.requiredAccount = requiredAccount;
    this.clients = clients;
    this.settings = settings;
    this.region = region;
    this.role = role;
    this.credentials = credentials;
    this.accountId = accountId;
  }

  public AuthSettings settings() {
    return settings;
  }

  public String region() {
    return region;
  }

  /** The role this session runs as, or null for the base identity. */
  public RoleRequest role() {
    return role;
  }

  /** The same identity in another region (inventory walks regions with one account's session). */
  public Session inRegion(String otherRegion) {
    return new Session(clients, settings, otherRegion, role, credentials, accountId, requiredAccount);
  }

  /**
   * Resolves the credentials now (assuming the role if there is one), so that a failure is reported
   * as what it is, an authentication problem naming the role, rather than as the first call's error.
   */
  public Session authenticate() {
    try {
      credentials.resolveCredentials();
    } catch (SdkException | IllegalStateException e) {
      if (role != null) {
        throw AwsErrors.assumeRoleFailed(role, e);
      }
      var problem = AwsErrors.baseCredentialsProblem(e);
      throw problem != null ? problem : AwsErrors.callFailed("resolving the base credentials", e);
    }
    if (requiredAccount != null && accountId == null) {
      String actual;
      try {
        actual = sts().getCallerIdentity(r -> { }).account();
      } catch (SdkException e) {
        throw AwsErrors.callFailed("sts:GetCallerIdentity", e);
      }
      if (!requiredAccount.equals(actual)) {
        throw new io.rolecall.CommandFailedException("account_id " + requiredAccount + ": no --role-name or"
            + " --role-arn is set, and the instance's own identity is in account " + actual + ", not "
            + requiredAccount + "; set --role-name to assume a role in each target account");
      }
      accountId = actual;
    }
    return this;
  }

  /** The account this session acts in; asks STS once when neither the target nor the role says. */
  public String accountId() {
    if (accountId == null) {
      authenticate();
      try {
        accountId = sts().getCallerIdentity(r -> { }).account();
      } catch (SdkException e) {
        throw AwsErrors.callFailed("sts:GetCallerIdentity", e);
      }
    }
    return accountId;
  }

  /** The account id if already known, without calling AWS. */
  public String knownAccountId() {
    return accountId;
  }

  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  public StsClient sts() {
    return clients.sts(settings, region, credentials);
  }

  public IamClient iam() {
    return clients.iam(settings, region, credentials);
  }

  public S3Client s3() {
    return clients.s3(settings, region, credentials);
  }

  public Ec2Client ec2() {
    return clients.ec2(settings, region, credentials);
  }

  public IdentitystoreClient identityStore() {
    return clients.identityStore(settings, region, credentials);
  }

  public SsoAdminClient ssoAdmin() {
    return clients.ssoAdmin(settings, region, credentials);
  }

  public CloudTrailClient cloudTrail() {
    return clients.cloudTrail(settings, region, credentials);
  }

  public software.amazon.awssdk.services.rds.RdsClient rds() {
    return clients.rds(settings, region, credentials);
  }

  public software.amazon.awssdk.services.kms.KmsClient kms() {
    return clients.kms(settings, region, credentials);
  }

  public OrganizationsClient organizations() {
    return clients.organizations(settings, region, credentials);
  }
}
