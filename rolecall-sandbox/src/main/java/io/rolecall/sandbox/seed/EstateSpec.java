package io.rolecall.sandbox.seed;

import java.util.List;

/**
 * What {@link Seeder} puts in each account: counts of IAM entities, and per region the network, instances and
 * CloudTrail events. All zero by default; {@code with...} methods return changed copies.
 *
 * @param keysPerUser 0 to 2 (IAM's limit)
 * @param vpcs per region; each gets two subnets and two security groups
 * @param instances per region, spread over the subnets, each with its primary network interface
 * @param events CloudTrail management events per region, one a minute going back from now
 * @param risks also seed one of each EC2/IAM risk rolecall flags (see {@link Seeder#seedRisks}): per region a group
 *     open to the internet on admin and database ports and on all ports, an instance answering IMDSv1 in it, a
 *     public EBS snapshot and a public AMI; and a user whose active key has been unused for 120 days
 * @param riskyAssets one of each risky asset of S3, RDS, CloudTrail and KMS (see {@link RiskyAssets}): a public
 *     bucket, a bucket without a public access block, a publicly accessible RDS instance and public snapshots, a
 *     trail not logging, a customer KMS key without rotation
 */
public record EstateSpec(int users, int groups, int roles, int policies, int keysPerUser, int vpcs, int instances,
                         int events, List<String> regions, boolean risks, boolean riskyAssets) {

  public EstateSpec {
    regions = List.copyOf(regions);
    if (keysPerUser < 0 || keysPerUser > 2) throw new IllegalArgumentException("keysPerUser is 0 to 2: " + keysPerUser);
    if (instances > 0 && vpcs == 0) throw new IllegalArgumentException("instances need a VPC: give vpcs >= 1");
    for (int n : new int[] {users, groups, roles, policies, vpcs, instances, events}) {
      if (n < 0) throw new IllegalArgumentException("counts cannot be negative: " + this);
    }
  }

  public static EstateSpec empty() {
    return new EstateSpec(0, 0, 0, 0, 0, 0, 0, 0, List.of("us-east-1"), false, false);
  }

  public EstateSpec withUsers(int n, int keysEach) {
    return new EstateSpec(n, groups, roles, policies, keysEach, vpcs, instances, events, regions, risks, riskyAssets);
  }

  public EstateSpec withGroups(int n) {
    return new EstateSpec(users, n, roles, policies, keysPerUser, vpcs, instances, events, regions, risks, riskyAssets);
  }

  public EstateSpec withRoles(int n) {
    return new EstateSpec(users, groups, n, policies, keysPerUser, vpcs, instances, events, regions, risks, riskyAssets);
  }

  public EstateSpec withPolicies(int n) {
    return new EstateSpec(users, groups, roles, n, keysPerUser, vpcs, instances, events, regions, risks, riskyAssets);
  }

  public EstateSpec withNetwork(int vpcCount, int instanceCount) {
    return new EstateSpec(users, groups, roles, policies, keysPerUser, vpcCount, instanceCount, events, regions, risks, riskyAssets);
  }

  public EstateSpec withEvents(int n) {
    return new EstateSpec(users, groups, roles, policies, keysPerUser, vpcs, instances, n, regions, risks, riskyAssets);
  }

  public EstateSpec inRegions(List<String> list) {
    return new EstateSpec(users, groups, roles, policies, keysPerUser, vpcs, instances, events, list, risks, riskyAssets);
  }

  public EstateSpec withRiskyAssets() {
    return new EstateSpec(users, groups, roles, policies, keysPerUser, vpcs, instances, events, regions, risks, true);
  }

  /** With one of each EC2/IAM risk (see {@link #risks}). */
  public EstateSpec withRisks() {
    return new EstateSpec(users, groups, roles, policies, keysPerUser, vpcs, instances, events, regions, true,
        riskyAssets);
  }
}
