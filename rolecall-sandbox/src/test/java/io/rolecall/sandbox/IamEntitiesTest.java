package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.model.StsException;

/** The IAM calls that let a client (SDK or CLI) build sandbox state over the wire. */
class IamEntitiesTest {
  final Sandbox sb = Sandbox.start();
  final AccessKey admin = sb.account("111111111111").iam().createUserWithAccessKey("admin");
  final IamClient iam = Aws.iam(sb, admin);

  @AfterEach
  void close() {
    iam.close();
    sb.close();
  }

  @Test
  void usersAndAccessKeys() {
    var user = iam.createUser(r -> r.userName("ops")).user();
    assertThat(user.arn()).isEqualTo("arn:aws:iam::111111111111:user/ops");
    assertThat(user.userId()).startsWith("AIDA");
    var key = iam.createAccessKey(r -> r.userName("ops")).accessKey();
    assertThat(key.status().toString()).isEqualTo("Active");
    try (var sts = Aws.sts(sb, new AccessKey(key.accessKeyId(), key.secretAccessKey()))) {
      assertThat(sts.getCallerIdentity().arn()).isEqualTo(user.arn());
    }
    assertThat(iam.getUser(r -> r.userName("ops")).user().userId()).isEqualTo(user.userId());
    assertThat(iam.getUser().user().userName()).isEqualTo("admin");
    assertThatThrownBy(() -> iam.createUser(r -> r.userName("OPS"))).isInstanceOfSatisfying(
        EntityAlreadyExistsException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    assertThatThrownBy(() -> iam.getUser(r -> r.userName("nobody"))).isInstanceOfSatisfying(NoSuchEntityException.class,
        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The user with name nobody cannot be found."));
  }

  @Test
  void rolesCreatedOverTheWireCanBeAssumed() {
    String trust = TrustPolicy.trustingAccount("111111111111").withExternalId("ext").json();
    var role = iam.createRole(r -> r.roleName("Audit").assumeRolePolicyDocument(trust).maxSessionDuration(7200)).role();
    assertThat(role.arn()).isEqualTo("arn:aws:iam::111111111111:role/Audit");
    var fetched = iam.getRole(r -> r.roleName("Audit")).role();
    assertThat(fetched.maxSessionDuration()).isEqualTo(7200);
    // IAM sends policy documents URL-encoded; the SDK hands them over as sent.
    assertThat(URLDecoder.decode(fetched.assumeRolePolicyDocument(), StandardCharsets.UTF_8)).isEqualTo(trust);
    assertThat(Aws.assume(sb, admin, role.arn(), "ext").accessKeyId()).startsWith("ASIA");

    iam.putRolePolicy(r -> r.roleName("Audit").policyName("deny").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}"""));
    var session = Aws.assume(sb, admin, role.arn(), "ext");
    try (var asRole = Aws.iam(sb, session)) {
      assertThatThrownBy(asRole::getAccountPasswordPolicy).isInstanceOfSatisfying(IamException.class,
          e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }
  }

  @Test
  void updateAssumeRolePolicyChangesWhoMayAssume() {
    iam.createRole(r -> r.roleName("Audit").assumeRolePolicyDocument(TrustPolicy.trustingAccount("111111111111").json()));
    iam.updateAssumeRolePolicy(r -> r.roleName("Audit").policyDocument(TrustPolicy.trustingAccount("999999999999").json()));
    assertThatThrownBy(() -> Aws.assume(sb, admin, "arn:aws:iam::111111111111:role/Audit", null))
        .isInstanceOf(StsException.class);
  }

  @Test
  void malformedPoliciesAreRejected() {
    assertThatThrownBy(() -> iam.createRole(r -> r.roleName("Bad").assumeRolePolicyDocument("{not json")))
        .isInstanceOfSatisfying(MalformedPolicyDocumentException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("This policy contains invalid Json"));
    assertThatThrownBy(() -> iam.createPolicy(r -> r.policyName("Bad").policyDocument("{\"Statement\":[{\"Effect\":\"Maybe\"}]}")))
        .isInstanceOf(MalformedPolicyDocumentException.class);
  }

  @Test
  void managedPoliciesAttach() {
    var policy = iam.createPolicy(r -> r.policyName("NoIam").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}""")).policy();
    assertThat(policy.arn()).isEqualTo("arn:aws:iam::111111111111:policy/NoIam");
    iam.attachUserPolicy(r -> r.userName("admin").policyArn(policy.arn()));
    assertThatThrownBy(iam::getAccountPasswordPolicy).isInstanceOfSatisfying(IamException.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    assertThatThrownBy(() -> iam.attachUserPolicy(r -> r.userName("admin").policyArn("arn:aws:iam::aws:policy/Nope")))
        .isInstanceOf(IamException.class);
  }

  @Test
  void listUsersPaginatesWithMarkers() {
    for (int i = 1; i <= 5; i++) sb.account("111111111111").iam().createUser("user" + i);
    var pages = iam.listUsersPaginator(r -> r.maxItems(2)).stream().toList();
    assertThat(pages).hasSize(3);
    assertThat(pages.getFirst().isTruncated()).isTrue();
    assertThat(pages.getLast().isTruncated()).isFalse();
    assertThat(pages.stream().flatMap(p -> p.users().stream()).map(User::userName))
        .containsExactly("admin", "user1", "user2", "user3", "user4", "user5");
    assertThat(sb.calls().count("iam", "ListUsers")).isEqualTo(3);

    ListUsersResponse first = iam.listUsers(r -> r.maxItems(2));
    assertThatThrownBy(() -> iam.listUsers(r -> r.marker(first.marker() + "x"))).isInstanceOfSatisfying(IamException.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput"));
    assertThatThrownBy(() -> iam.listRoles(r -> r.marker(first.marker()))).isInstanceOf(IamException.class);
  }
}
