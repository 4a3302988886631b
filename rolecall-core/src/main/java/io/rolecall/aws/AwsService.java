package io.rolecall.aws;

/**
 * The AWS services rolecall calls. {@code key} is how settings name a per-service endpoint; {@code
 * envSuffix} is the service's part of the standard {@code AWS_ENDPOINT_URL_<SERVICE>} variable.
 */
public enum AwsService {
  STS("sts", "STS"),
  IAM("iam", "IAM"),
  S3("s3", "S3"),
  S3_CONTROL("s3-control", "S3_CONTROL"),
  EC2("ec2", "EC2"),
  IDENTITY_STORE("identitystore", "IDENTITYSTORE"),
  SSO_ADMIN("sso-admin", "SSO_ADMIN"),
  CLOUDTRAIL("cloudtrail", "CLOUDTRAIL"),
  ORGANIZATIONS("organizations", "ORGANIZATIONS"),
  RDS("rds", "RDS"),
  KMS("kms", "KMS");

  private final String key;
  private final String envSuffix;

  AwsService(String key, String envSuffix) {
    this.key = key;
    this.envSuffix = envSuffix;
  }

  public String key() {
    return key;
  }

  /** The environment variable that overrides this service's endpoint, as the AWS CLI and SDKs read it. */
  public String endpointVariable() {
    return "AWS_ENDPOINT_URL_" + envSuffix;
  }
}
