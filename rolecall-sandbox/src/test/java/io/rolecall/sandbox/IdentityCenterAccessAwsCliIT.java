package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.service.iam.AwsManagedPolicies;
import io.rolecall.sandbox.service.identitystore.IdentityStore;
import io.rolecall.sandbox.service.identitystore.StoreUser;
import io.rolecall.sandbox.service.ssoadmin.PermissionSet;
import io.rolecall.sandbox.service.ssoadmin.SsoInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI (botocore: a client nobody here wrote) against what the access graph reads: SSO Admin permission sets
 * and assignments, the SAML provider and reserved role they leave in a member account, and the SCPs above it.
 * Skipped when {@code aws} is not on PATH.
 */
class IdentityCenterAccessAwsCliIT {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
  final IdentityStore store = sb.account("111111111111").identityCenter().createInstance();
  final SsoInstance sso = sb.account("111111111111").ssoAdmin().instance();
  final StoreUser ann = store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
  final PermissionSet admin = sso.createPermissionSet("Admin", null, "PT4H", null);

  IdentityCenterAccessAwsCliIT() {
    sb.organization("111111111111").addAccount("222222222222");
    sso.attachManagedPolicy(admin.arn(), AwsManagedPolicies.arn("AdministratorAccess"));
    sso.createPermissionSet("ReadOnly");
    sso.createPermissionSet("Billing");
  }

  @BeforeAll
  static void requireCli() {
    if (!AwsCli.installed()) System.err.println("IdentityCenterAccessAwsCliIT skipped: the AWS CLI ('aws') is not on PATH");
    Assumptions.assumeTrue(AwsCli.installed(), "the AWS CLI ('aws') is not on PATH: skipping the CLI fidelity checks");
  }

  @AfterEach
  void close() {
    sb.close();
  }

  AwsCli.Result aws(AccessKey key, String... args) throws Exception {
    var r = new AwsCli(sb).run(key, args);
    assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r;
  }

  static List<String> texts(JsonNode array) {
    var out = new ArrayList<String>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void listPermissionSetsFollowsEveryPage() throws Exception {
    var r = aws(ops, "sso-admin", "list-permission-sets", "--instance-arn", sso.arn(), "--page-size", "2");
    assertThat(texts(r.json().get("PermissionSets")))
        .containsExactlyInAnyOrderElementsOf(sso.permissionSets().stream().map(PermissionSet::arn).toList());
    var described = aws(ops, "sso-admin", "describe-permission-set", "--instance-arn", sso.arn(),
        "--permission-set-arn", admin.arn()).json().get("PermissionSet");
    assertThat(described.get("Name").asText()).isEqualTo("Admin");
    assertThat(described.get("SessionDuration").asText()).isEqualTo("PT4H");
  }

  @Test
  void anAssignmentMadeWithTheCliIsListedAndMaterialized() throws Exception {
    var created = aws(ops, "sso-admin", "create-account-assignment", "--instance-arn", sso.arn(), "--target-id",
        "222222222222", "--target-type", "AWS_ACCOUNT", "--permission-set-arn", admin.arn(), "--principal-type",
        "USER", "--principal-id", ann.userId()).json().get("AccountAssignmentCreationStatus");
    assertThat(created.get("Status").asText()).isEqualTo("IN_PROGRESS");
    var status = aws(ops, "sso-admin", "describe-account-assignment-creation-status", "--instance-arn", sso.arn(),
        "--account-assignment-creation-request-id", created.get("RequestId").asText())
        .json().get("AccountAssignmentCreationStatus");
    assertThat(status.get("Status").asText()).isEqualTo("SUCCEEDED");

    var listed = aws(ops, "sso-admin", "list-account-assignments", "--instance-arn", sso.arn(), "--account-id",
        "222222222222", "--permission-set-arn", admin.arn()).json().get("AccountAssignments");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("PrincipalType").asText()).isEqualTo("USER");
    assertThat(listed.get(0).get("PrincipalId").asText()).isEqualTo(ann.userId());

    var member = sb.account("222222222222").iam().createUserWithAccessKey("auditor");
    var providers = aws(member, "iam", "list-saml-providers").json().get("SAMLProviderList");
    assertThat(providers).hasSize(1);
    assertThat(providers.get(0).get("Arn").asText())
        .matches("arn:aws:iam::222222222222:saml-provider/AWSSSO_[0-9a-f]{16}_DO_NOT_DELETE");

    var roles = aws(member, "iam", "get-account-authorization-details", "--filter", "Role").json()
        .get("RoleDetailList");
    assertThat(roles).hasSize(1);
    var role = roles.get(0);
    assertThat(role.get("RoleName").asText()).isEqualTo(sso.roleName(admin, "222222222222"));
    assertThat(role.get("Path").asText()).isEqualTo("/aws-reserved/sso.amazonaws.com/");
    // botocore decodes the URL-encoded trust policy into a JSON object.
    var statement = role.get("AssumeRolePolicyDocument").get("Statement").get(0);
    assertThat(statement.get("Principal").get("Federated").asText()).isEqualTo(providers.get(0).get("Arn").asText());
    assertThat(texts(statement.get("Action"))).containsExactly("sts:AssumeRoleWithSAML", "sts:TagSession");
    assertThat(role.get("AttachedManagedPolicies").get(0).get("PolicyArn").asText())
        .isEqualTo(AwsManagedPolicies.arn("AdministratorAccess"));
  }

  @Test
  void listPoliciesForTargetShowsTheScpsAboveAnAccount() throws Exception {
    var org = sb.organization("111111111111");
    var denyLeave = org.policies().create("DenyLeave", "Members stay", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}""");
    org.policies().attach(denyLeave.id(), "222222222222");
    var policies = aws(ops, "organizations", "list-policies-for-target", "--target-id", "222222222222", "--filter",
        "SERVICE_CONTROL_POLICY").json().get("Policies");
    assertThat(policies).extracting(p -> p.get("Name").asText()).containsExactlyInAnyOrder("FullAWSAccess",
        "DenyLeave");
    assertThat(policies).filteredOn(p -> p.get("Name").asText().equals("FullAWSAccess"))
        .allSatisfy(p -> assertThat(p.get("AwsManaged").asBoolean()).isTrue());
    var content = aws(ops, "organizations", "describe-policy", "--policy-id", denyLeave.id()).json()
        .get("Policy").get("Content").asText();
    assertThat(content).contains("organizations:LeaveOrganization");
  }

  @Test
  void aBadNameIsTheServicesValidationError() throws Exception {
    var r = new AwsCli(sb).run(ops, "sso-admin", "create-permission-set", "--instance-arn", sso.arn(), "--name",
        "has space");
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("(ValidationException)", "at 'name' failed to satisfy constraint");
  }
}
