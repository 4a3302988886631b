package io.rolecall.sandbox.seed;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Ids;
import io.rolecall.sandbox.service.iam.AwsManagedPolicies;
import io.rolecall.sandbox.service.identitystore.StoreGroup;
import io.rolecall.sandbox.service.identitystore.StoreUser;
import io.rolecall.sandbox.service.ssoadmin.PermissionSet;
import io.rolecall.sandbox.service.ssoadmin.PermissionsBoundary;
import io.rolecall.sandbox.service.ssoadmin.SsoInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds an organization's IAM Identity Center without HTTP: an instance in the management account (its identity store
 * id derived from that account, so ids and role names repeat run to run), users, groups, memberships, permission sets
 * of four shapes, and assignments spread deterministically over the member accounts, each provisioned into its
 * {@code AWSReservedSSO_*} role. The access benchmark's shape (1,000 accounts, 5,000 users, 400 groups, 60 sets)
 * takes seconds.
 */
public final class IdentityCenterSeeder {
  private IdentityCenterSeeder() {}

  static final String WRITE_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":[\"s3:PutObject\",\"s3:DeleteObject\"],\"Resource\":\"arn:aws:s3:::shared-*/*\"}]}";
  private static final String[] SESSIONS = {"PT1H", "PT4H", "PT8H", "PT12H"};

  /**
   * Seeds an instance owned by {@code management} and returns it; {@code accountIds} are the assignment targets (the
   * accounts of its organization, or existing sandbox accounts when it has none).
   */
  public static SsoInstance seed(Account management, List<String> accountIds, IdentityCenterSpec spec) {
    var store = management.identityCenter().createInstance(spec.region(),
        "d-" + Ids.stableHex(10, "identity-center", management.id()));
    String instanceArn = management.identityCenter().instances().stream()
        .filter(i -> i.identityStoreId().equals(store.id())).findFirst().orElseThrow().instanceArn();
    var sso = management.ssoAdmin().instance(instanceArn).orElseThrow();
    List<StoreUser> users = spec.users() == 0 ? List.of() : store.seedUsers("icuser", spec.users());
    List<StoreGroup> groups = spec.groups() == 0 ? List.of() : store.seedGroups("icgroup", spec.groups());
    for (int u = 0; u < users.size(); u++) {
      for (int k = 0; k < spec.membershipsPerUser(); k++) {
        store.addMember(groups.get((u + k) % groups.size()), users.get(u));
      }
    }
    var sets = new ArrayList<PermissionSet>();
    for (int p = 0; p < spec.permissionSets(); p++) sets.add(permissionSet(sso, p));
    for (int a = 0; a < accountIds.size(); a++) {
      for (int j = 0; j < spec.assignmentsPerAccount(); j++) {
        var set = sets.get((a + j) % sets.size());
        boolean toUser = groups.isEmpty() || (!users.isEmpty() && (a + j) % 5 == 4);
        var status = toUser ? sso.assign(set, accountIds.get(a), users.get((a * 31 + j) % users.size()))
            : sso.assign(set, accountIds.get(a), groups.get((a * spec.assignmentsPerAccount() + j) % groups.size()));
        if (!status.succeeded()) {
          throw new IllegalStateException("assigning " + set.name() + " in " + accountIds.get(a) + " failed: "
              + status.failureReason());
        }
      }
    }
    return sso;
  }

  private static PermissionSet permissionSet(SsoInstance sso, int p) {
    String[] shapes = {"AdministratorAccess", "ReadOnly", "ReadOnlyWriteS3", "BoundedAdmin"};
    int shape = p % shapes.length;
    var set = sso.createPermissionSet(String.format("%s-%02d", shapes[shape], p), "Seeded " + shapes[shape],
        SESSIONS[p % SESSIONS.length], null);
    String admin = AwsManagedPolicies.arn("AdministratorAccess");
    String readOnly = AwsManagedPolicies.arn("ReadOnlyAccess");
    switch (shape) {
      case 0 -> sso.attachManagedPolicy(set.arn(), admin);
      case 1 -> sso.attachManagedPolicy(set.arn(), readOnly);
      case 2 -> {
        sso.attachManagedPolicy(set.arn(), readOnly);
        sso.putInlinePolicy(set.arn(), WRITE_S3);
      }
      default -> {
        sso.attachManagedPolicy(set.arn(), admin);
        sso.putPermissionsBoundary(set.arn(), PermissionsBoundary.managed(readOnly));
      }
    }
    return sso.permissionSet(set.arn());
  }
}
