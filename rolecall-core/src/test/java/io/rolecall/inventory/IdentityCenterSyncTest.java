package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.service.ssoadmin.CustomerPolicyReference;
import io.rolecall.sandbox.service.ssoadmin.PermissionsBoundary;
import io.rolecall.sandbox.service.ssoadmin.SsoInstance;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Identity Center and the SCPs in the roll call, through the real SDK against the sandbox: what is collected, with
 * which calls (the fewest that answer the question), and where it is stored.
 */
class IdentityCenterSyncTest {
  static final String A = "222222222222";
  static final String B = "333333333333";
  static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

  final Estate estate = new Estate();
  SsoInstance sso;

  @AfterEach
  void close() {
    estate.close();
  }

  /**
   * An organization (111111111111 managing A and B, B in an OU with its own SCP) with an Identity Center: ann and
   * bob in "admins", carol in "readers"; four permission sets (one never provisioned), assigned to groups and
   * users in A and B.
   */
  void organization() {
    estate.seeded(A, CurrentStateTest.SMALL);
    var b = estate.seeded(B, CurrentStateTest.SMALL);
    b.iam().createPolicy("ops-policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");
    var org = estate.sb.organization(Estate.MANAGEMENT).addAccount(A).addAccount(B);
    var ou = org.structure().createOrganizationalUnit(org.structure().rootId(), "prod");
    org.structure().moveAccount(B, ou.id());
    var scp = org.policies().create("no-leaving", "accounts stay", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
        + "\"Effect\":\"Deny\",\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}");
    org.policies().attach(scp.id(), ou.id());

    var mgmt = estate.sb.account(Estate.MANAGEMENT);
    var store = mgmt.identityCenter().createInstance("us-east-1", "d-0123456789");
    var ann = store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var bob = store.createUser("bob", "Bob", "Ray", "Bob Ray", "bob@example.com");
    var carol = store.createUser("carol", "Carol", "Fox", "Carol Fox", "carol@example.com");
    var admins = store.createGroup("admins");
    var readers = store.createGroup("readers");
    store.addMember(admins, ann);
    store.addMember(admins, bob);
    store.addMember(readers, carol);

    sso = mgmt.ssoAdmin().instance();
    var admin = sso.createPermissionSet("Admin");
    sso.attachManagedPolicy(admin.arn(), ADMIN);
    var ro = sso.createPermissionSet("ReadOnly", "read everything", "PT4H", null);
    sso.attachManagedPolicy(ro.arn(), READ_ONLY);
    sso.putInlinePolicy(ro.arn(), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::secrets/*\"}]}");
    sso.putPermissionsBoundary(ro.arn(), PermissionsBoundary.managed(READ_ONLY));
    var custom = sso.createPermissionSet("Custom");
    sso.attachCustomerManagedPolicy(custom.arn(), new CustomerPolicyReference("ops-policy", "/"));
    sso.createPermissionSet("Unused");
    sso.assign(admin, A, admins);
    sso.assign(ro, A, carol);
    sso.assign(ro, B, readers);
    sso.assign(custom, B, bob);
  }

  @Test
  void identityCenterIsCollectedWithOneCallPerSetPartAndOneAssignmentListingPerProvisionedAccount() {
    organization();
    var store = estate.sqlite("idc.db");
    var result = estate.sync(store, List.of(A, B));
    assertThat(result.failed()).isZero();

    var items = new ArrayList<InventoryStore.Stored>();
    store.items(View.current(), List.of(Kind.IDC_INSTANCE, Kind.IDC_USER, Kind.IDC_GROUP, Kind.PERMISSION_SET,
        Kind.ACCOUNT_ASSIGNMENT), List.of(), items::add);
    // Stored under the instance's owner, in its region.
    assertThat(items).allSatisfy(s -> {
      assertThat(s.item().accountId()).isEqualTo(Estate.MANAGEMENT);
      assertThat(s.item().region()).isEqualTo("us-east-1");
    });
    assertThat(items).filteredOn(s -> s.item().kind() == Kind.IDC_USER).extracting(s -> s.item().name())
        .containsExactlyInAnyOrder("ann", "bob", "carol");
    assertThat(items).filteredOn(s -> s.item().kind() == Kind.IDC_GROUP && s.item().name().equals("admins"))
        .singleElement().satisfies(s -> assertThat(s.item().data().get("members")).hasSize(2));
    var sets = items.stream().filter(s -> s.item().kind() == Kind.PERMISSION_SET)
        .collect(java.util.stream.Collectors.toMap(s -> s.item().name(), s -> s.item().data()));
    assertThat(sets).containsOnlyKeys("Admin", "ReadOnly", "Custom", "Unused");
    assertThat(sets.get("Admin").get("awsManagedPolicies")).extracting(n -> n.asText()).containsExactly(ADMIN);
    assertThat(sets.get("ReadOnly").at("/inlinePolicy/Statement/0/Effect").asText()).isEqualTo("Deny");
    assertThat(sets.get("ReadOnly").at("/permissionsBoundary/managedPolicyArn").asText()).isEqualTo(READ_ONLY);
    assertThat(sets.get("ReadOnly").get("sessionDuration").asText()).isEqualTo("PT4H");
    assertThat(sets.get("ReadOnly").get("provisionedAccounts")).extracting(n -> n.asText()).containsExactlyInAnyOrder(A, B);
    assertThat(sets.get("Custom").at("/customerManagedPolicies/0/name").asText()).isEqualTo("ops-policy");
    assertThat(sets.get("Unused").get("provisionedAccounts")).isEmpty();
    assertThat(items).filteredOn(s -> s.item().kind() == Kind.ACCOUNT_ASSIGNMENT).hasSize(4)
        .extracting(s -> s.item().data().get("accountId").asText() + " " + s.item().data().get("principalType").asText())
        .containsExactlyInAnyOrder(A + " GROUP", A + " USER", B + " GROUP", B + " USER");

    // The call plan: per set its six calls; assignments listed only where a set is provisioned (4 pairs of 4 x 2).
    var calls = estate.sb.calls();
    assertThat(calls.count("sso", "DescribePermissionSet")).isEqualTo(4);
    assertThat(calls.count("sso", "ListAccountsForProvisionedPermissionSet")).isEqualTo(4);
    assertThat(calls.count("sso", "GetPermissionsBoundaryForPermissionSet")).isEqualTo(4);
    assertThat(calls.count("sso", "ListAccountAssignments")).isEqualTo(4);
    assertThat(calls.count("identitystore", "ListGroupMemberships")).isEqualTo(2);
    assertThat(calls.count("identitystore", "ListUsers")).isEqualTo(1);

    // The summary's counts, under the owner, and its organization parts.
    var summary = Summary.current(store, List.of()).orElseThrow();
    @SuppressWarnings("unchecked")
    var parts = (List<Map<String, Object>>) ((Map<String, Object>) summary.get("organization")).get("parts");
    assertThat(parts).extracting(p -> p.get("accountId") + " " + p.get("part") + " " + p.get("region") + " "
        + p.get("status")).containsExactlyInAnyOrder(Estate.MANAGEMENT + " identitycenter us-east-1 ok",
        Estate.MANAGEMENT + " organizations global ok");
    // The management account was not a target: it is not an account in scope, so findings do not miss it.
    assertThat(CurrentStateTest.accounts(summary)).extracting(a -> a.get("accountId")).containsExactly(A, B);
    assertThat(Estate.report(store).coverage()).isEmpty();

    // The reserved roles the assignments made are in the members' IAM, exactly as AWS names them.
    var roles = new ArrayList<InventoryStore.Stored>();
    store.items(View.current(), List.of(Kind.ROLE), List.of(A), roles::add);
    assertThat(roles).filteredOn(r -> r.item().name().startsWith("AWSReservedSSO_")).extracting(r -> r.item().name())
        .containsExactlyInAnyOrder(sso.roleName(sso.permissionSetNamed("Admin").orElseThrow(), A),
            sso.roleName(sso.permissionSetNamed("ReadOnly").orElseThrow(), A));
  }

  @Test
  void serviceControlPoliciesSayWhichAccountsTheyApplyToAndAtWhichLevel() {
    organization();
    var store = estate.sqlite("scp.db");
    estate.sync(store, List.of(A, B), EnumSet.of(Part.ORGANIZATIONS));
    var items = new ArrayList<InventoryStore.Stored>();
    store.items(View.current(), List.of(Kind.SCP, Kind.ORGANIZATION), List.of(), items::add);
    var scps = items.stream().filter(s -> s.item().kind() == Kind.SCP)
        .collect(java.util.stream.Collectors.toMap(s -> s.item().name(), s -> s.item().data()));
    assertThat(scps).containsOnlyKeys("FullAWSAccess", "no-leaving");
    assertThat(scps.get("no-leaving").get("appliesTo")).extracting(n -> n.asText()).containsExactly(B);
    assertThat(scps.get("no-leaving").at("/document/Statement/0/Effect").asText()).isEqualTo("Deny");
    assertThat(scps.get("FullAWSAccess").get("appliesTo")).extracting(n -> n.asText()).contains(A, B);
    var org = items.stream().filter(s -> s.item().kind() == Kind.ORGANIZATION).findFirst().orElseThrow().item().data();
    assertThat(org.at("/paths/" + B)).hasSize(3); // root, the OU, the account
    assertThat(org.at("/paths/" + A)).hasSize(2); // root, the account
    // One account per level: FullAWSAccess is attached at B's root, OU and account alike.
    assertThat(scps.get("FullAWSAccess").at("/attachedAt/" + B)).hasSize(3);
  }

  @Test
  void withoutAnOrganizationOrAnInstanceThereIsNothingToCollectAndNothingFails() {
    estate.seeded(A, CurrentStateTest.SMALL);
    var store = estate.sqlite("none.db");
    var result = estate.sync(store, List.of(A));
    assertThat(result.failed()).isZero();
    var items = new ArrayList<InventoryStore.Stored>();
    store.items(View.current(), List.of(Kind.ORGANIZATION, Kind.IDC_INSTANCE), List.of(), items::add);
    assertThat(items).singleElement().satisfies(s -> {
      assertThat(s.item().kind()).isEqualTo(Kind.ORGANIZATION);
      assertThat(s.item().data().get("inOrganization").asBoolean()).isFalse();
    });
  }
}
