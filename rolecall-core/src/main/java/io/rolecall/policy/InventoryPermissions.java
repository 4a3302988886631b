package io.rolecall.policy;

import java.util.List;
import java.util.stream.Stream;

/**
 * The read permissions of the roll call ({@code inventory sync}): the calls its collectors make, as IAM actions. One
 * list: the generated policies take it from here, and tests hold it to the collectors (every action a collector
 * names, and every call a full sync makes on the emulator, is here; nothing here goes uncalled).
 *
 * <p>{@link #MEMBER} is what each account's role needs; {@link #MANAGEMENT} what the management account's role needs
 * besides (the organization's structure and SCPs, IAM Identity Center), and only there. {@link #ENGINE} is what the
 * identity that runs the sync needs itself: listing the organization's accounts for {@code --accounts all}.
 */
public final class InventoryPermissions {
  private InventoryPermissions() {}

  /**
   * Each account: IAM (authorization details, keys, MFA, credential report, password policy), EC2 (network,
   * instances, snapshots and AMIs with their sharing), CloudTrail (events, trails), S3 buckets, RDS, KMS keys.
   */
  public static final List<String> MEMBER = List.of(
      "iam:GetAccountAuthorizationDetails", "iam:GetAccountPasswordPolicy", "iam:ListAccessKeys",
      "iam:GetAccessKeyLastUsed", "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:GenerateCredentialReport",
      "iam:GetCredentialReport",
      "ec2:DescribeInstances", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
      "ec2:DescribeNetworkInterfaces", "ec2:DescribeSnapshots", "ec2:DescribeSnapshotAttribute",
      "ec2:DescribeImages", "ec2:DescribeImageAttribute",
      "cloudtrail:LookupEvents", "cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus",
      "s3:ListAllMyBuckets", "s3:GetBucketPublicAccessBlock", "s3:GetBucketPolicyStatus", "s3:GetBucketAcl",
      "s3:GetBucketOwnershipControls", "s3:GetBucketVersioning", "s3:GetBucketLogging",
      "rds:DescribeDBInstances", "rds:DescribeDBSnapshots", "rds:DescribeDBSnapshotAttributes",
      "rds:DescribeDBClusterSnapshots", "rds:DescribeDBClusterSnapshotAttributes",
      "kms:ListKeys", "kms:DescribeKey", "kms:GetKeyRotationStatus");

  /** The management account only: Organizations structure and SCPs, Identity Center instances, sets, directory. */
  public static final List<String> MANAGEMENT = List.of(
      "organizations:ListRoots", "organizations:ListOrganizationalUnitsForParent",
      "organizations:ListAccountsForParent", "organizations:ListPolicies", "organizations:DescribePolicy",
      "organizations:ListTargetsForPolicy",
      "sso:ListInstances", "sso:ListPermissionSets", "sso:DescribePermissionSet",
      "sso:ListManagedPoliciesInPermissionSet", "sso:ListCustomerManagedPolicyReferencesInPermissionSet",
      "sso:GetInlinePolicyForPermissionSet", "sso:GetPermissionsBoundaryForPermissionSet",
      "sso:ListAccountsForProvisionedPermissionSet", "sso:ListAccountAssignments",
      "identitystore:ListUsers", "identitystore:ListGroups", "identitystore:ListGroupMemberships");

  /** The syncing identity itself, beside sts:AssumeRole on the roles: {@code --accounts all}. */
  public static final List<String> ENGINE = List.of("organizations:ListAccounts");

  /**
   * The IAM action that permits an API call ("service:Operation"): the same name, except where IAM spells it
   * otherwise (S3's ListBuckets is s3:ListAllMyBuckets; its GetPublicAccessBlock is s3:GetBucketPublicAccessBlock).
   */
  public static String iamAction(String call) {
    return switch (call) {
      case "s3:ListBuckets" -> "s3:ListAllMyBuckets";
      case "s3:GetPublicAccessBlock" -> "s3:GetBucketPublicAccessBlock";
      default -> call;
    };
  }

  /** Every action a role of the roll call may need, member and management. */
  public static List<String> all() {
    return Stream.concat(MEMBER.stream(), MANAGEMENT.stream()).toList();
  }
}
