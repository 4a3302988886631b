package io.rolecall.sandbox.seed;

/**
 * What {@link IdentityCenterSeeder} puts in an organization's Identity Center: users, groups, memberships, permission
 * sets and assignments spread over the member accounts. All zero by default; {@code with...} methods return changed
 * copies.
 *
 * @param membershipsPerUser groups each user joins, at most {@code groups}
 * @param permissionSets     cycling through four shapes: AdministratorAccess; ReadOnlyAccess; ReadOnlyAccess plus an
 *                           inline policy that writes to S3; AdministratorAccess bounded by ReadOnlyAccess
 * @param assignmentsPerAccount assignments each member account gets, mostly to groups, one in five to a user
 * @param region             where the instance lives (its roles' path names the region outside us-east-1)
 */
public record IdentityCenterSpec(int users, int groups, int membershipsPerUser, int permissionSets,
                                 int assignmentsPerAccount, String region) {

  public IdentityCenterSpec {
    for (int n : new int[] {users, groups, membershipsPerUser, permissionSets, assignmentsPerAccount}) {
      if (n < 0) throw new IllegalArgumentException("Identity Center counts cannot be negative: " + this);
    }
    if (membershipsPerUser > groups) {
      throw new IllegalArgumentException("memberships per user (" + membershipsPerUser + ") cannot exceed groups ("
          + groups + ")");
    }
    if (assignmentsPerAccount > 0 && (permissionSets == 0 || users + groups == 0)) {
      throw new IllegalArgumentException("assignments need at least one permission set and one user or group");
    }
  }

  public static IdentityCenterSpec empty() {
    return new IdentityCenterSpec(0, 0, 0, 0, 0, "us-east-1");
  }

  /** The shape of the access benchmark across 1,000 accounts. */
  public static IdentityCenterSpec accessBenchmark() {
    return new IdentityCenterSpec(5000, 400, 3, 60, 3, "us-east-1");
  }

  public boolean isEmpty() {
    return users == 0 && groups == 0 && permissionSets == 0;
  }

  public IdentityCenterSpec withUsers(int n) {
    return new IdentityCenterSpec(n, groups, membershipsPerUser, permissionSets, assignmentsPerAccount, region);
  }

  public IdentityCenterSpec withGroups(int n, int perUser) {
    return new IdentityCenterSpec(users, n, perUser, permissionSets, assignmentsPerAccount, region);
  }

  public IdentityCenterSpec withPermissionSets(int n) {
    return new IdentityCenterSpec(users, groups, membershipsPerUser, n, assignmentsPerAccount, region);
  }

  public IdentityCenterSpec withAssignmentsPerAccount(int n) {
    return new IdentityCenterSpec(users, groups, membershipsPerUser, permissionSets, n, region);
  }

  public IdentityCenterSpec inRegion(String r) {
    return new IdentityCenterSpec(users, groups, membershipsPerUser, permissionSets, assignmentsPerAccount, r);
  }
}
