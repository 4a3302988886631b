package io.rolecall.sandbox.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.ResponseShapes;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.external.MotoServer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.ProvisionTargetType;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

/**
 * One SSO Admin scenario run against the sandbox and against moto_server (an emulator nobody here wrote), comparing
 * the members each response carries. Skipped, saying so, when moto_server is not on PATH.
 *
 * <p>What moto does differently, seen with moto 5.2: its permission set ARNs read {@code instance/ssoins-.../ps-...}
 * (AWS: {@code permissionSet/ssoins-.../ps-...}), its default SessionDuration is the number 3600 (AWS: "PT1H"),
 * assignments answer SUCCEEDED at once (AWS: IN_PROGRESS), provisioning ignores the target account, and it has no
 * permissions boundary or DescribePermissionSetProvisioningStatus (HTTP 500). Nor does it create the reserved roles.
 * The scenario keeps to what both implement.
 */
class SsoAdminMotoIT {
  static MotoServer moto;

  @BeforeAll
  static void startMoto() {
    var started = MotoServer.startIfInstalled();
    if (started.isEmpty()) System.err.println("SsoAdminMotoIT skipped: moto_server is not on PATH");
    Assumptions.assumeTrue(started.isPresent(), "moto_server is not on PATH: skipping the moto comparison");
    moto = started.get();
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) moto.close();
  }

  static Set<String> shape(SdkPojo pojo) {
    return ResponseShapes.of(pojo);
  }

  /** The scenario: every call both emulators implement, in the order a provisioning pipeline makes them. */
  static Map<String, Set<String>> scenario(SsoAdminClient sso, IdentitystoreClient ids, String account) {
    var shapes = new LinkedHashMap<String, Set<String>>();
    var instances = sso.listInstances(r -> { });
    shapes.put("ListInstances", shape(instances));
    String instance = instances.instances().getFirst().instanceArn();
    String store = instances.instances().getFirst().identityStoreId();
    String user = ids.createUser(r -> r.identityStoreId(store).userName("ann").displayName("Ann Lee")
        .name(n -> n.givenName("Ann").familyName("Lee"))).userId();

    var created = sso.createPermissionSet(r -> r.instanceArn(instance).name("Admin").description("Full access")
        .sessionDuration("PT4H"));
    shapes.put("CreatePermissionSet", shape(created));
    String set = created.permissionSet().permissionSetArn();
    shapes.put("DescribePermissionSet", shape(sso.describePermissionSet(r -> r.instanceArn(instance)
        .permissionSetArn(set))));
    shapes.put("ListPermissionSets", shape(sso.listPermissionSets(r -> r.instanceArn(instance))));
    shapes.put("AttachManagedPolicyToPermissionSet", shape(sso.attachManagedPolicyToPermissionSet(r -> r
        .instanceArn(instance).permissionSetArn(set).managedPolicyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"))));
    shapes.put("ListManagedPoliciesInPermissionSet", shape(sso.listManagedPoliciesInPermissionSet(r -> r
        .instanceArn(instance).permissionSetArn(set))));
    shapes.put("AttachCustomerManagedPolicyReferenceToPermissionSet", shape(sso
        .attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(set)
            .customerManagedPolicyReference(c -> c.name("Team").path("/")))));
    shapes.put("ListCustomerManagedPolicyReferencesInPermissionSet", shape(sso
        .listCustomerManagedPolicyReferencesInPermissionSet(r -> r.instanceArn(instance).permissionSetArn(set))));
    shapes.put("PutInlinePolicyToPermissionSet", shape(sso.putInlinePolicyToPermissionSet(r -> r
        .instanceArn(instance).permissionSetArn(set).inlinePolicy(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"))));
    shapes.put("GetInlinePolicyForPermissionSet", shape(sso.getInlinePolicyForPermissionSet(r -> r
        .instanceArn(instance).permissionSetArn(set))));

    var assignment = sso.createAccountAssignment(r -> r.instanceArn(instance).permissionSetArn(set).targetId(account)
        .targetType(TargetType.AWS_ACCOUNT).principalType(PrincipalType.USER).principalId(user));
    shapes.put("CreateAccountAssignment", shape(assignment));
    shapes.put("DescribeAccountAssignmentCreationStatus", shape(sso.describeAccountAssignmentCreationStatus(r -> r
        .instanceArn(instance).accountAssignmentCreationRequestId(assignment.accountAssignmentCreationStatus()
            .requestId()))));
    shapes.put("ListAccountAssignments", shape(sso.listAccountAssignments(r -> r.instanceArn(instance)
        .accountId(account).permissionSetArn(set))));
    shapes.put("ListAccountAssignmentsForPrincipal", shape(sso.listAccountAssignmentsForPrincipal(r -> r
        .instanceArn(instance).principalType(PrincipalType.USER).principalId(user))));
    shapes.put("ProvisionPermissionSet", shape(sso.provisionPermissionSet(r -> r.instanceArn(instance)
        .permissionSetArn(set).targetType(ProvisionTargetType.AWS_ACCOUNT).targetId(account))));
    shapes.put("ListAccountsForProvisionedPermissionSet", shape(sso.listAccountsForProvisionedPermissionSet(r -> r
        .instanceArn(instance).permissionSetArn(set))));
    shapes.put("ListPermissionSetsProvisionedToAccount", shape(sso.listPermissionSetsProvisionedToAccount(r -> r
        .instanceArn(instance).accountId(account))));
    var deleted = sso.deleteAccountAssignment(r -> r.instanceArn(instance).permissionSetArn(set).targetId(account)
        .targetType(TargetType.AWS_ACCOUNT).principalType(PrincipalType.USER).principalId(user));
    shapes.put("DeleteAccountAssignment", shape(deleted));
    shapes.put("DescribeAccountAssignmentDeletionStatus", shape(sso.describeAccountAssignmentDeletionStatus(r -> r
        .instanceArn(instance).accountAssignmentDeletionRequestId(deleted.accountAssignmentDeletionStatus()
            .requestId()))));
    return shapes;
  }

  static SsoAdminClient ssoAdmin(URI endpoint, StaticCredentialsProvider credentials) {
    return SsoAdminClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
  }

  static IdentitystoreClient identityStore(URI endpoint, StaticCredentialsProvider credentials) {
    return IdentitystoreClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
  }

  @Test
  void theSandboxAnswersEveryCallWithTheMembersMotoAnswersWith() {
    moto.reset();
    var motoCredentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAMOTOEXAMPLE00001",
        "motoSecretKeyForRolecallTests"));
    Map<String, Set<String>> fromMoto;
    try (var sso = ssoAdmin(moto.endpoint(), motoCredentials); var ids = identityStore(moto.endpoint(), motoCredentials)) {
      // Moto provisions to the caller's own account whatever the target: use it, so its listings are not empty.
      fromMoto = scenario(sso, ids, "123456789012");
    }

    Map<String, Set<String>> fromSandbox;
    try (var sb = Sandbox.start()) {
      AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
      sb.account("111111111111").identityCenter().createInstance();
      sb.organization("111111111111").addAccount("222222222222");
      sb.account("222222222222").iam().createPolicy("Team", """
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");
      var credentials = IdentityCenterClients.credentials(ops);
      try (var sso = ssoAdmin(sb.endpoint(), credentials); var ids = identityStore(sb.endpoint(), credentials)) {
        fromSandbox = scenario(sso, ids, "222222222222");
      }
    }

    assertThat(fromSandbox.keySet()).containsExactlyElementsOf(fromMoto.keySet());
    fromMoto.forEach((call, members) -> assertThat(fromSandbox.get(call)).as(call).isEqualTo(members));
    assertThat(fromSandbox.get("DescribePermissionSet")).contains("PermissionSet.SessionDuration",
        "PermissionSet.Description", "PermissionSet.CreatedDate");
    assertThat(fromSandbox.get("CreateAccountAssignment")).contains("AccountAssignmentCreationStatus.Status",
        "AccountAssignmentCreationStatus.RequestId", "AccountAssignmentCreationStatus.PrincipalId");
  }
}
