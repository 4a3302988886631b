package io.rolecall.sandbox.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.service.identitystore.IdentityStore;
import io.rolecall.sandbox.service.identitystore.StoreGroup;
import io.rolecall.sandbox.service.identitystore.StoreUser;
import io.rolecall.sandbox.service.ssoadmin.PermissionSet;
import io.rolecall.sandbox.service.ssoadmin.SsoInstance;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.ConflictException;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.ProvisionTargetType;
import software.amazon.awssdk.services.ssoadmin.model.ProvisioningStatus;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;
import software.amazon.awssdk.services.ssoadmin.model.ValidationException;

/** Account assignments and provisioning through the AWS SDK for Java, in an organization of three accounts. */
class AccountAssignmentsTest {
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
  final IdentityStore store = sb.account("111111111111").identityCenter().createInstance();
  final SsoInstance sso = sb.account("111111111111").ssoAdmin().instance();
  final StoreUser ann = store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
  final StoreGroup devs = store.createGroup("Developers");
  final PermissionSet readOnly = sso.createPermissionSet("ReadOnly");
  final SsoAdminClient client = IdentityCenterClients.ssoAdmin(sb, ops);

  AccountAssignmentsTest() {
    sb.organization("111111111111").addAccount("222222222222").addAccount("333333333333");
    sso.attachManagedPolicy(readOnly.arn(), READ_ONLY);
  }

  @AfterEach
  void close() {
    client.close();
    sb.close();
  }

  AccountAssignmentOperationStatus create(String account, PrincipalType type, String principalId) {
    return client.createAccountAssignment(r -> r.instanceArn(sso.arn()).permissionSetArn(readOnly.arn())
        .targetId(account).targetType(TargetType.AWS_ACCOUNT).principalType(type).principalId(principalId))
        .accountAssignmentCreationStatus();
  }

  @Test
  void anAssignmentAnswersInProgressAndItsStatusSaysItSucceeded() {
    var started = create("222222222222", PrincipalType.USER, ann.userId());
    assertThat(started.status()).isEqualTo(StatusValues.IN_PROGRESS);
    assertThat(started.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(started.targetId()).isEqualTo("222222222222");
    assertThat(started.targetType()).isEqualTo(TargetType.AWS_ACCOUNT);
    assertThat(started.principalType()).isEqualTo(PrincipalType.USER);
    assertThat(started.principalId()).isEqualTo(ann.userId());
    assertThat(started.permissionSetArn()).isEqualTo(readOnly.arn());
    assertThat(started.createdDate()).isNotNull();

    var done = client.describeAccountAssignmentCreationStatus(r -> r.instanceArn(sso.arn())
        .accountAssignmentCreationRequestId(started.requestId())).accountAssignmentCreationStatus();
    assertThat(done.status()).isEqualTo(StatusValues.SUCCEEDED);
    assertThat(done.failureReason()).isNull();

    assertThat(client.listAccountAssignments(r -> r.instanceArn(sso.arn()).accountId("222222222222")
        .permissionSetArn(readOnly.arn())).accountAssignments())
        .extracting(AccountAssignment::accountId, AccountAssignment::principalTypeAsString, AccountAssignment::principalId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("222222222222", "USER", ann.userId()));
    assertThat(client.listAccountsForProvisionedPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(readOnly.arn())).accountIds()).containsExactly("222222222222");
    assertThat(client.listPermissionSetsProvisionedToAccount(r -> r.instanceArn(sso.arn()).accountId("222222222222"))
        .permissionSets()).containsExactly(readOnly.arn());
  }

  @Test
  void assignmentsOfAPrincipalSpanAccountsAndFilterByAccount() {
    create("222222222222", PrincipalType.GROUP, devs.groupId());
    create("333333333333", PrincipalType.GROUP, devs.groupId());
    create("333333333333", PrincipalType.USER, ann.userId());
    var all = client.listAccountAssignmentsForPrincipal(r -> r.instanceArn(sso.arn()).principalType(PrincipalType.GROUP)
        .principalId(devs.groupId())).accountAssignments();
    assertThat(all).extracting(AccountAssignmentForPrincipal::accountId).containsExactly("222222222222", "333333333333");
    var one = client.listAccountAssignmentsForPrincipal(r -> r.instanceArn(sso.arn()).principalType(PrincipalType.GROUP)
        .principalId(devs.groupId()).filter(f -> f.accountId("333333333333"))).accountAssignments();
    assertThat(one).singleElement().satisfies(a -> {
      assertThat(a.permissionSetArn()).isEqualTo(readOnly.arn());
      assertThat(a.principalType()).isEqualTo(PrincipalType.GROUP);
    });
  }

  @Test
  void listAccountAssignmentsPagesThroughEveryPrincipal() {
    List<StoreUser> users = store.seedUsers("user", 120);
    users.forEach(u -> sso.assign(readOnly, "222222222222", u));
    var pages = client.listAccountAssignmentsPaginator(r -> r.instanceArn(sso.arn()).accountId("222222222222")
        .permissionSetArn(readOnly.arn())).stream().toList();
    assertThat(pages).extracting(p -> p.accountAssignments().size()).containsExactly(100, 20);
    assertThat(pages.stream().flatMap(p -> p.accountAssignments().stream()).map(AccountAssignment::principalId))
        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(users.stream().map(StoreUser::userId).toList());
    assertThat(client.listAccountAssignments(r -> r.instanceArn(sso.arn()).accountId("333333333333")
        .permissionSetArn(readOnly.arn())).accountAssignments()).isEmpty();
  }

  @Test
  void targetsMustBeOrganizationAccountsAndPrincipalsMustExist() {
    assertThatThrownBy(() -> create("999999999999", PrincipalType.USER, ann.userId()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("The target account 999999999999 is not a member of organization "
                + sb.organization("111111111111").id() + "."));
    String ghost = store.id().substring(2) + "-00000000-0000-4000-8000-000000000000";
    assertThatThrownBy(() -> create("222222222222", PrincipalType.USER, ghost))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("USER " + ghost + " does not exist");
    assertThatThrownBy(() -> create("222222222222", PrincipalType.USER, devs.groupId()))
        .as("a group id is not a user id").isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> client.createAccountAssignment(r -> r.instanceArn(sso.arn())
        .permissionSetArn(readOnly.arn()).targetId("222222222222").targetType("ORGANIZATION")
        .principalType(PrincipalType.USER).principalId(ann.userId())))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("1 validation error detected: Value 'ORGANIZATION' at 'targetType' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [AWS_ACCOUNT]"));
    assertThat(sso.provisionedAccounts(readOnly.arn(), null)).isEmpty();
  }

  @Test
  void deletingTheLastAssignmentDeprovisionsTheSetFromTheAccount() {
    create("222222222222", PrincipalType.USER, ann.userId());
    create("222222222222", PrincipalType.GROUP, devs.groupId());
    var first = client.deleteAccountAssignment(r -> r.instanceArn(sso.arn()).permissionSetArn(readOnly.arn())
        .targetId("222222222222").targetType(TargetType.AWS_ACCOUNT).principalType(PrincipalType.USER)
        .principalId(ann.userId())).accountAssignmentDeletionStatus();
    assertThat(first.status()).isEqualTo(StatusValues.IN_PROGRESS);
    assertThat(client.describeAccountAssignmentDeletionStatus(r -> r.instanceArn(sso.arn())
        .accountAssignmentDeletionRequestId(first.requestId())).accountAssignmentDeletionStatus().status())
        .isEqualTo(StatusValues.SUCCEEDED);
    assertThat(sso.provisionedAccounts(readOnly.arn(), null)).containsExactly("222222222222");

    client.deleteAccountAssignment(r -> r.instanceArn(sso.arn()).permissionSetArn(readOnly.arn())
        .targetId("222222222222").targetType(TargetType.AWS_ACCOUNT).principalType(PrincipalType.GROUP)
        .principalId(devs.groupId()));
    assertThat(client.listAccountsForProvisionedPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(readOnly.arn())).accountIds()).isEmpty();
    assertThatThrownBy(() -> client.deleteAccountAssignment(r -> r.instanceArn(sso.arn())
        .permissionSetArn(readOnly.arn()).targetId("222222222222").targetType(TargetType.AWS_ACCOUNT)
        .principalType(PrincipalType.GROUP).principalId(devs.groupId()))).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aChangedSetIsOutdatedInItsAccountsUntilProvisionedAgain() {
    sso.assign(readOnly, "222222222222", ann);
    sso.assign(readOnly, "333333333333", devs);
    sso.putInlinePolicy(readOnly.arn(), """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""");
    sso.provision(readOnly.arn(), "333333333333");
    assertThat(client.listAccountsForProvisionedPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(readOnly.arn()).provisioningStatus(ProvisioningStatus.LATEST_PERMISSION_SET_NOT_PROVISIONED))
        .accountIds()).containsExactly("222222222222");
    assertThat(client.listPermissionSetsProvisionedToAccount(r -> r.instanceArn(sso.arn()).accountId("333333333333")
        .provisioningStatus(ProvisioningStatus.LATEST_PERMISSION_SET_PROVISIONED)).permissionSets())
        .containsExactly(readOnly.arn());

    var everywhere = client.provisionPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(readOnly.arn())
        .targetType(ProvisionTargetType.ALL_PROVISIONED_ACCOUNTS)).permissionSetProvisioningStatus();
    assertThat(everywhere.status()).isEqualTo(StatusValues.IN_PROGRESS);
    assertThat(everywhere.accountId()).isNull();
    assertThat(client.describePermissionSetProvisioningStatus(r -> r.instanceArn(sso.arn())
        .provisionPermissionSetRequestId(everywhere.requestId())).permissionSetProvisioningStatus().status())
        .isEqualTo(StatusValues.SUCCEEDED);
    assertThat(client.listAccountsForProvisionedPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(readOnly.arn()).provisioningStatus(ProvisioningStatus.LATEST_PERMISSION_SET_NOT_PROVISIONED))
        .accountIds()).isEmpty();
  }

  @Test
  void provisioningFailsWhereACustomerManagedPolicyIsMissing() {
    sso.attachCustomerManagedPolicy(readOnly.arn(), new io.rolecall.sandbox.service.ssoadmin.CustomerPolicyReference(
        "TeamBoundary", "/teams/"));
    var started = client.provisionPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(readOnly.arn())
        .targetType(ProvisionTargetType.AWS_ACCOUNT).targetId("222222222222")).permissionSetProvisioningStatus();
    assertThat(started.accountId()).isEqualTo("222222222222");
    var failed = client.describePermissionSetProvisioningStatus(r -> r.instanceArn(sso.arn())
        .provisionPermissionSetRequestId(started.requestId())).permissionSetProvisioningStatus();
    assertThat(failed.status()).isEqualTo(StatusValues.FAILED);
    assertThat(failed.failureReason()).isEqualTo("Received a 404 status error: Not supported policy "
        + "arn:aws:iam::222222222222:policy/teams/TeamBoundary.");
    assertThat(sb.account("222222222222").iam().roles()).isEmpty();

    var assignment = create("222222222222", PrincipalType.USER, ann.userId());
    assertThat(client.describeAccountAssignmentCreationStatus(r -> r.instanceArn(sso.arn())
        .accountAssignmentCreationRequestId(assignment.requestId())).accountAssignmentCreationStatus().status())
        .isEqualTo(StatusValues.FAILED);
    assertThat(sso.assignments(readOnly.arn(), "222222222222")).isEmpty();

    sb.account("222222222222").iam().createPolicy("TeamBoundary", "/teams/", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""");
    assertThat(sso.provision(readOnly.arn(), "222222222222").succeeded()).isTrue();
    assertThat(sb.account("222222222222").iam().roles()).hasSize(1);
  }

  @Test
  void aSetProvisionedWithoutAssignmentsCanBeDeprovisionedThroughTheSetupApi() {
    assertThat(sso.provision(readOnly.arn(), "333333333333").succeeded()).isTrue();
    String role = sso.roleName(sso.permissionSet(readOnly.arn()), "333333333333");
    assertThat(sb.account("333333333333").iam().role(role)).isPresent();
    assertThat(sso.assignments(readOnly.arn(), "333333333333")).isEmpty();

    sso.assign(readOnly, "222222222222", ann);
    assertThatThrownBy(() -> sso.deprovision(readOnly.arn(), "222222222222")).isInstanceOf(
        io.rolecall.sandbox.protocol.AwsException.class).hasMessageContaining("has account assignments");
    sso.deprovision(readOnly.arn(), "333333333333");
    assertThat(sb.account("333333333333").iam().role(role)).isEmpty();
    assertThat(sso.provisionedAccounts(readOnly.arn(), null)).containsExactly("222222222222");
  }

  @Test
  void aProvisionedSetCannotBeDeletedAndUnknownRequestsAreNotFound() {
    sso.assign(readOnly, "222222222222", ann);
    assertThatThrownBy(() -> client.deletePermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(readOnly.arn())))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> client.describeAccountAssignmentCreationStatus(r -> r.instanceArn(sso.arn())
        .accountAssignmentCreationRequestId("00000000-0000-4000-8000-000000000000")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> client.provisionPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(readOnly.arn())
        .targetType(ProvisionTargetType.AWS_ACCOUNT))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("TargetId");
  }

  @Test
  void assignmentCallsAreAuthorizedOnTheTargetAccountToo() {
    sb.account("111111111111").iam().putUserPolicy("ops", "not-333", """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":"sso:*","Resource":"*"},
          {"Effect":"Deny","Action":"sso:CreateAccountAssignment","Resource":"arn:aws:sso:::account/333333333333"}]}""");
    assertThat(create("222222222222", PrincipalType.USER, ann.userId()).status()).isEqualTo(StatusValues.IN_PROGRESS);
    assertThatThrownBy(() -> create("333333333333", PrincipalType.USER, ann.userId()))
        .isInstanceOf(software.amazon.awssdk.services.ssoadmin.model.AccessDeniedException.class)
        .hasMessageContaining("on resource: arn:aws:sso:::account/333333333333");
    assertThat(sso.assignmentsOf(io.rolecall.sandbox.service.ssoadmin.PrincipalType.USER, ann.userId(), null))
        .extracting(a -> a.accountId()).containsExactly("222222222222");
  }
}
