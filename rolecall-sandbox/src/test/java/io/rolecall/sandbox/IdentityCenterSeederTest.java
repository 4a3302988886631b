package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.seed.IdentityCenterSeeder;
import io.rolecall.sandbox.seed.IdentityCenterSpec;
import io.rolecall.sandbox.seed.OrganizationSeeder;
import io.rolecall.sandbox.service.iam.AwsManagedPolicies;
import io.rolecall.sandbox.service.iam.RoleBoundaries;
import io.rolecall.sandbox.service.iam.SamlProviders;
import io.rolecall.sandbox.service.ssoadmin.PermissionSet;
import io.rolecall.sandbox.service.ssoadmin.PrincipalType;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Identity Center and organization seeding: the access benchmark's shape, what each account gets, repeatability. */
class IdentityCenterSeederTest {

  static List<String> accounts(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> String.valueOf(200_000_000_000L + i)).toList();
  }

  @Test
  void seedsTheAccessBenchmarkShapeWithoutHttp() {
    try (var sb = Sandbox.start()) {
      var org = sb.organization("111111111111");
      var targets = accounts(1000);
      targets.forEach(org::addAccount);
      var sso = IdentityCenterSeeder.seed(sb.account("111111111111"), targets, IdentityCenterSpec.accessBenchmark());

      var store = sb.account("111111111111").identityCenter().store(sso.instance().identityStoreId()).orElseThrow();
      assertThat(store.users()).hasSize(5000);
      assertThat(store.groups()).hasSize(400);
      assertThat(store.membershipsOfUser(store.users().getFirst().userId())).hasSize(3);
      assertThat(sso.permissionSets()).hasSize(60);
      assertThat(targets).allSatisfy(id -> assertThat(sb.account(id).iam().roles())
          .filteredOn(r -> r.name().startsWith("AWSReservedSSO_")).hasSize(3));
      assertThat(targets).allSatisfy(id -> assertThat(SamlProviders.of(sb.account(id)).list()).hasSize(1));
      assertThat(sb.calls().total()).as("seeding makes no HTTP calls").isZero();
    }
  }

  @Test
  void everyShapeOfPermissionSetAndBothKindsOfPrincipalAppear() {
    try (var sb = Sandbox.start()) {
      var org = sb.organization("111111111111");
      var targets = accounts(10);
      targets.forEach(org::addAccount);
      var spec = IdentityCenterSpec.empty().withUsers(20).withGroups(4, 2).withPermissionSets(4)
          .withAssignmentsPerAccount(3);
      var sso = IdentityCenterSeeder.seed(sb.account("111111111111"), targets, spec);

      var byName = sso.permissionSets().stream().collect(java.util.stream.Collectors.toMap(PermissionSet::name, s -> s));
      assertThat(byName.get("AdministratorAccess-00").managedPolicies())
          .containsExactly(AwsManagedPolicies.arn("AdministratorAccess"));
      assertThat(byName.get("ReadOnly-01").sessionDuration()).isEqualTo("PT4H");
      assertThat(byName.get("ReadOnlyWriteS3-02").inlinePolicy()).contains("s3:PutObject");
      assertThat(byName.get("BoundedAdmin-03").boundary().managedPolicyArn())
          .isEqualTo(AwsManagedPolicies.arn("ReadOnlyAccess"));

      var all = targets.stream().flatMap(id -> sso.permissionSets().stream().flatMap(s -> sso.assignments(s.arn(), id)
          .stream())).toList();
      assertThat(all).hasSize(30).extracting(a -> a.principalType()).contains(PrincipalType.USER, PrincipalType.GROUP);

      var bounded = byName.get("BoundedAdmin-03");
      var account = targets.stream().filter(id -> !sso.assignments(bounded.arn(), id).isEmpty()).findFirst()
          .map(sb::account).orElseThrow();
      var role = account.iam().role(sso.roleName(bounded, account.id())).orElseThrow();
      assertThat(role.maxSessionDuration()).isEqualTo(12 * 3600);
      assertThat(RoleBoundaries.of(account).boundary(role.arn())).contains(AwsManagedPolicies.arn("ReadOnlyAccess"));
    }
  }

  @Test
  void seedingTwiceGivesTheSameIdsAndRoleNames() {
    List<List<String>> runs = new java.util.ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (var sb = Sandbox.start()) {
        var org = sb.organization("111111111111");
        var targets = accounts(3);
        targets.forEach(org::addAccount);
        var sso = IdentityCenterSeeder.seed(sb.account("111111111111"), targets,
            IdentityCenterSpec.empty().withUsers(5).withGroups(2, 1).withPermissionSets(2).withAssignmentsPerAccount(2));
        var names = new java.util.ArrayList<String>();
        names.add(sso.arn());
        sso.permissionSets().forEach(s -> names.add(s.arn()));
        targets.forEach(id -> sb.account(id).iam().roles().forEach(r -> names.add(r.arn())));
        sb.account("111111111111").identityCenter().store(sso.instance().identityStoreId()).orElseThrow().users()
            .forEach(u -> names.add(u.userId()));
        runs.add(names.stream().sorted().toList());
      }
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
  }

  @Test
  void organizationSeedingSpreadsAccountsOverOusUnderAnScp() {
    try (var sb = Sandbox.start()) {
      var org = sb.organization("111111111111");
      var targets = accounts(5);
      targets.forEach(org::addAccount);
      var units = OrganizationSeeder.seed(org, targets, 2);
      assertThat(units).hasSize(2);
      assertThat(org.structure().accountsUnder(units.get(0).id())).containsExactly(targets.get(0), targets.get(2),
          targets.get(4));
      assertThat(org.policies().attachedTo(units.get(1).id())).extracting(p -> p.name())
          .containsExactly("FullAWSAccess", "DenyLeaveOrganization");
    }
  }

  @Test
  void specsRefuseImpossibleShapes() {
    assertThatThrownBy(() -> IdentityCenterSpec.empty().withGroups(2, 3)).hasMessageContaining("cannot exceed groups");
    assertThatThrownBy(() -> IdentityCenterSpec.empty().withUsers(3).withAssignmentsPerAccount(1))
        .hasMessageContaining("at least one permission set");
    assertThatThrownBy(() -> IdentityCenterSpec.empty().withUsers(-1)).hasMessageContaining("negative");
  }
}
