package io.rolecall.sandbox.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.service.identitystore.IdentityStore;
import io.rolecall.sandbox.service.identitystore.StoreUser;
import io.rolecall.sandbox.service.ssoadmin.CustomerPolicyReference;
import io.rolecall.sandbox.service.ssoadmin.PermissionSet;
import io.rolecall.sandbox.service.ssoadmin.PermissionsBoundary;
import io.rolecall.sandbox.service.ssoadmin.SsoInstance;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.RoleDetail;

/**
 * The roles and SAML provider provisioning leaves in a member account, read back through IAM with the AWS SDK for
 * Java: GetAccountAuthorizationDetails shows them like any other role.
 */
class ReservedRolesTest {
  static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String INLINE = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}""";
  static final ObjectMapper JSON = new ObjectMapper();

  final Sandbox sb = Sandbox.start();
  final IdentityStore store = sb.account("111111111111").identityCenter().createInstance("us-east-1", "d-9000000001");
  final SsoInstance sso = sb.account("111111111111").ssoAdmin().instance();
  final StoreUser ann = store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
  final AccessKey auditor = sb.account("222222222222").iam().createUserWithAccessKey("auditor");
  final IamClient iam = IdentityCenterClients.iam(sb, auditor);

  ReservedRolesTest() {
    sb.organization("111111111111").addAccount("222222222222");
  }

  @AfterEach
  void close() {
    iam.close();
    sb.close();
  }

  RoleDetail reservedRole() {
    return iam.getAccountAuthorizationDetails(r -> r.filter(software.amazon.awssdk.services.iam.model.EntityType.ROLE))
        .roleDetailList().stream().filter(r -> r.roleName().startsWith("AWSReservedSSO_")).findFirst().orElseThrow();
  }

  static JsonNode decoded(String urlEncoded) throws Exception {
    return JSON.readTree(URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8));
  }

  @Test
  void theRoleCarriesEveryPartOfThePermissionSet() throws Exception {
    var sb222 = sb.account("222222222222").iam();
    String boundaryArn = sb222.createPolicy("DevBoundary", "/limits/", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""").arn();
    String teamArn = sb222.createPolicy("Team", "/", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""").arn();
    PermissionSet dev = sso.createPermissionSet("Developer", "Builds things", "PT8H", null);
    sso.attachManagedPolicy(dev.arn(), READ_ONLY);
    sso.attachCustomerManagedPolicy(dev.arn(), CustomerPolicyReference.named("Team"));
    sso.putInlinePolicy(dev.arn(), INLINE);
    sso.putPermissionsBoundary(dev.arn(), PermissionsBoundary.customer(new CustomerPolicyReference("DevBoundary",
        "/limits/")));
    assertThat(sso.assign(dev, "222222222222", ann).succeeded()).isTrue();

    var role = reservedRole();
    assertThat(role.roleName()).matches("AWSReservedSSO_Developer_[0-9a-f]{16}")
        .isEqualTo(sso.roleName(sso.permissionSet(dev.arn()), "222222222222"));
    assertThat(role.path()).isEqualTo("/aws-reserved/sso.amazonaws.com/");
    assertThat(role.arn()).isEqualTo("arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/"
        + role.roleName());
    assertThat(role.attachedManagedPolicies()).extracting(AttachedPolicy::policyArn)
        .containsExactlyInAnyOrder(READ_ONLY, teamArn);
    assertThat(role.rolePolicyList()).singleElement().satisfies(p -> {
      assertThat(p.policyName()).isEqualTo("AwsSSOInlinePolicy");
      assertThat(decoded(p.policyDocument())).isEqualTo(JSON.readTree(INLINE));
    });
    assertThat(role.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(boundaryArn);
    assertThat(role.permissionsBoundary().permissionsBoundaryTypeAsString()).isEqualTo("Policy");

    JsonNode trust = decoded(role.assumeRolePolicyDocument());
    assertThat(trust).isEqualTo(JSON.readTree("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
          "Principal":{"Federated":"%s"},
          "Action":["sts:AssumeRoleWithSAML","sts:TagSession"],
          "Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}"""
        .formatted(iam.listSAMLProviders().samlProviderList().getFirst().arn())));

    assertThat(iam.getRole(r -> r.roleName(role.roleName())).role().maxSessionDuration()).isEqualTo(8 * 3600);
    var boundaryPolicy = iam.getAccountAuthorizationDetails(r -> r.filter(
        software.amazon.awssdk.services.iam.model.EntityType.LOCAL_MANAGED_POLICY)).policies().stream()
        .filter(p -> p.arn().equals(boundaryArn)).findFirst().orElseThrow();
    assertThat(boundaryPolicy.permissionsBoundaryUsageCount()).isEqualTo(1);
  }

  @Test
  void theAccountGetsOneSamlProviderForTheInstance() {
    var admin = sso.createPermissionSet("Admin");
    sso.attachManagedPolicy(admin.arn(), ADMIN);
    var readOnly = sso.createPermissionSet("ReadOnly");
    sso.attachManagedPolicy(readOnly.arn(), READ_ONLY);
    sso.assign(admin, "222222222222", ann);
    sso.assign(readOnly, "222222222222", ann);

    var providers = iam.listSAMLProviders().samlProviderList();
    assertThat(providers).singleElement().satisfies(p -> {
      assertThat(p.arn()).matches("arn:aws:iam::222222222222:saml-provider/AWSSSO_[0-9a-f]{16}_DO_NOT_DELETE");
      assertThat(p.createDate()).isNotNull();
      assertThat(p.validUntil()).isAfter(p.createDate());
    });
    var provider = iam.getSAMLProvider(r -> r.samlProviderArn(providers.getFirst().arn()));
    assertThat(provider.samlMetadataDocument()).hasSizeGreaterThanOrEqualTo(1000)
        .contains("entityID=\"https://portal.sso.us-east-1.amazonaws.com/saml/assertion/"
            + sso.arn().substring(sso.arn().lastIndexOf('/') + 1) + "\"");
    assertThatThrownBy(() -> iam.getSAMLProvider(r -> r.samlProviderArn(
        "arn:aws:iam::222222222222:saml-provider/Nobody"))).isInstanceOf(NoSuchEntityException.class);
    assertThat(iam.listRoles().roles()).filteredOn(r -> r.roleName().startsWith("AWSReservedSSO_"))
        .extracting(r -> r.roleName().replaceAll("_[0-9a-f]{16}$", ""))
        .containsExactlyInAnyOrder("AWSReservedSSO_Admin", "AWSReservedSSO_ReadOnly");
  }

  @Test
  void reprovisioningUpdatesTheRoleInPlaceAndTheLastUnassignmentRemovesIt() {
    var dev = sso.createPermissionSet("Dev");
    sso.attachManagedPolicy(dev.arn(), READ_ONLY);
    sso.assign(dev, "222222222222", ann);
    var before = reservedRole();

    sso.attachManagedPolicy(dev.arn(), ADMIN);
    assertThat(reservedRole().attachedManagedPolicies()).extracting(AttachedPolicy::policyArn)
        .as("a change waits for ProvisionPermissionSet").containsExactly(READ_ONLY);
    sso.provision(dev.arn(), "222222222222");
    var after = reservedRole();
    assertThat(after.roleId()).isEqualTo(before.roleId());
    assertThat(after.createDate()).isEqualTo(before.createDate());
    assertThat(after.attachedManagedPolicies()).extracting(AttachedPolicy::policyArn)
        .containsExactlyInAnyOrder(READ_ONLY, ADMIN);

    sso.unassign(dev.arn(), "222222222222", io.rolecall.sandbox.service.ssoadmin.PrincipalType.USER, ann.userId());
    assertThatThrownBy(() -> iam.getRole(r -> r.roleName(before.roleName()))).isInstanceOf(NoSuchEntityException.class);
    assertThat(iam.listSAMLProviders().samlProviderList()).as("the provider is not deleted").hasSize(1);
  }

  @Test
  void anInstanceOutsideUsEast1AddsItsRegionToThePath() {
    var eu = sb.account("444444444444").identityCenter().createInstance("eu-west-1", "d-9000000002");
    sb.organization("444444444444").addAccount("555555555555");
    var euSso = sb.account("444444444444").ssoAdmin().instance();
    var set = euSso.createPermissionSet("ReadOnly");
    euSso.assign(set, "555555555555", eu.createUser("bob", "Bob", "Ray", "Bob Ray", "bob@example.com"));
    var role = sb.account("555555555555").iam().roles().getFirst();
    assertThat(role.path()).isEqualTo("/aws-reserved/sso.amazonaws.com/eu-west-1/");
    assertThat(role.maxSessionDuration()).isEqualTo(3600);
  }

  @Test
  void namesRepeatRunToRunForAFixedIdentityStore() {
    var dev = sso.createPermissionSet("Dev");
    sso.assign(dev, "222222222222", ann);
    String name = reservedRole().roleName();
    String provider = iam.listSAMLProviders().samlProviderList().getFirst().arn();
    try (var again = Sandbox.start()) {
      var store2 = again.account("111111111111").identityCenter().createInstance("us-east-1", "d-9000000001");
      again.organization("111111111111").addAccount("222222222222");
      var sso2 = again.account("111111111111").ssoAdmin().instance();
      sso2.assign(sso2.createPermissionSet("Dev"), "222222222222",
          store2.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com"));
      var account = again.account("222222222222");
      assertThat(account.iam().roles()).extracting(r -> r.name()).containsExactly(name);
      assertThat(io.rolecall.sandbox.service.iam.SamlProviders.of(account).list()).extracting(p -> p.arn())
          .containsExactly(provider);
    }
  }
}
