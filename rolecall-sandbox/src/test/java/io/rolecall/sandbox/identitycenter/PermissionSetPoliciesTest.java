package io.rolecall.sandbox.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.service.ssoadmin.PermissionSet;
import io.rolecall.sandbox.service.ssoadmin.SsoInstance;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.ConflictException;
import software.amazon.awssdk.services.ssoadmin.model.CustomerManagedPolicyReference;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ssoadmin.model.ValidationException;

/** A permission set's policy parts through the AWS SDK for Java: managed, customer-managed, inline, boundary. */
class PermissionSetPoliciesTest {
  static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String INLINE = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
  final SsoInstance sso = instance(sb);
  final PermissionSet set = sso.createPermissionSet("Dev");
  final SsoAdminClient client = IdentityCenterClients.ssoAdmin(sb, ops);

  static SsoInstance instance(Sandbox sb) {
    sb.account("111111111111").identityCenter().createInstance();
    return sb.account("111111111111").ssoAdmin().instance();
  }

  @AfterEach
  void close() {
    client.close();
    sb.close();
  }

  @Test
  void awsManagedPoliciesAttachOnceAndDetach() {
    client.attachManagedPolicyToPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn())
        .managedPolicyArn(READ_ONLY));
    client.attachManagedPolicyToPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn())
        .managedPolicyArn(ADMIN));
    var listed = client.listManagedPoliciesInPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn()))
        .attachedManagedPolicies();
    assertThat(listed).extracting(AttachedManagedPolicy::name).containsExactly("AdministratorAccess", "ReadOnlyAccess");
    assertThat(listed).extracting(AttachedManagedPolicy::arn).containsExactly(ADMIN, READ_ONLY);
    assertThat(client.listManagedPoliciesInPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn())
        .maxResults(1)).nextToken()).isNotNull();

    assertThatThrownBy(() -> client.attachManagedPolicyToPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()).managedPolicyArn(ADMIN))).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> client.attachManagedPolicyToPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()).managedPolicyArn("arn:aws:iam::aws:policy/NoSuchPolicy")))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Policy does not exist with ARN: arn:aws:iam::aws:policy/NoSuchPolicy"));
    assertThatThrownBy(() -> client.attachManagedPolicyToPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()).managedPolicyArn("arn:aws:iam::111111111111:policy/Mine")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at 'managedPolicyArn'");

    client.detachManagedPolicyFromPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn())
        .managedPolicyArn(ADMIN));
    assertThat(sso.permissionSet(set.arn()).managedPolicies()).containsExactly(READ_ONLY);
  }

  @Test
  void customerManagedReferencesCountAgainstTheQuotaOfTwenty() {
    client.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()).customerManagedPolicyReference(c -> c.name("TeamPolicy").path("/teams/")));
    client.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()).customerManagedPolicyReference(c -> c.name("Base")));
    var listed = client.listCustomerManagedPolicyReferencesInPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn())).customerManagedPolicyReferences();
    assertThat(listed).extracting(CustomerManagedPolicyReference::name, CustomerManagedPolicyReference::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Base", "/"),
            org.assertj.core.groups.Tuple.tuple("TeamPolicy", "/teams/"));

    client.attachManagedPolicyToPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn())
        .managedPolicyArn(READ_ONLY));
    IntStream.range(0, 17).forEach(i -> client.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r
        .instanceArn(sso.arn()).permissionSetArn(set.arn()).customerManagedPolicyReference(c -> c.name("P" + i))));
    assertThatThrownBy(() -> client.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()).customerManagedPolicyReference(c -> c.name("OneTooMany"))))
        .isInstanceOf(ServiceQuotaExceededException.class);
    assertThatThrownBy(() -> client.attachManagedPolicyToPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()).managedPolicyArn(ADMIN))).isInstanceOf(ServiceQuotaExceededException.class);

    client.detachCustomerManagedPolicyReferenceFromPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()).customerManagedPolicyReference(c -> c.name("TeamPolicy").path("/teams/")));
    assertThatThrownBy(() -> client.detachCustomerManagedPolicyReferenceFromPermissionSet(r -> r
        .instanceArn(sso.arn()).permissionSetArn(set.arn()).customerManagedPolicyReference(c -> c.name("TeamPolicy")
            .path("/teams/")))).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> client.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()).customerManagedPolicyReference(c -> c.name("Bad").path("no-slashes"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at 'customerManagedPolicyReference.path'");
  }

  @Test
  void theInlinePolicyIsStoredAsGivenAndMustBeAPolicy() {
    assertThat(client.getInlinePolicyForPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn()))
        .inlinePolicy()).isEmpty();
    client.putInlinePolicyToPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn())
        .inlinePolicy(INLINE));
    assertThat(client.getInlinePolicyForPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn()))
        .inlinePolicy()).isEqualTo(INLINE);
    assertThatThrownBy(() -> client.putInlinePolicyToPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()).inlinePolicy("{\"Statement\":[{\"Effect\":\"Maybe\"}]}")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Invalid PermissionsPolicy Document"));
    client.deleteInlinePolicyFromPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn()));
    assertThat(sso.permissionSet(set.arn()).inlinePolicy()).isNull();
  }

  @Test
  void thePermissionsBoundaryIsAManagedPolicyOrACustomerReference() {
    assertThatThrownBy(() -> client.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()))).isInstanceOf(ResourceNotFoundException.class);
    client.putPermissionsBoundaryToPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn())
        .permissionsBoundary(b -> b.managedPolicyArn(READ_ONLY)));
    assertThat(client.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn()))
        .permissionsBoundary().managedPolicyArn()).isEqualTo(READ_ONLY);

    client.putPermissionsBoundaryToPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn())
        .permissionsBoundary(b -> b.customerManagedPolicyReference(c -> c.name("Boundary").path("/limits/"))));
    var boundary = client.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn())).permissionsBoundary();
    assertThat(boundary.managedPolicyArn()).isNull();
    assertThat(boundary.customerManagedPolicyReference().name()).isEqualTo("Boundary");
    assertThat(boundary.customerManagedPolicyReference().path()).isEqualTo("/limits/");

    assertThatThrownBy(() -> client.putPermissionsBoundaryToPermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(set.arn()).permissionsBoundary(b -> b.managedPolicyArn(READ_ONLY)
            .customerManagedPolicyReference(c -> c.name("Both"))))).isInstanceOf(ValidationException.class);
    client.deletePermissionsBoundaryFromPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn()));
    assertThat(sso.permissionSet(set.arn()).boundary()).isNull();
  }

  @Test
  void everyChangeMakesANewVersion() {
    int before = sso.permissionSet(set.arn()).version();
    client.attachManagedPolicyToPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn())
        .managedPolicyArn(READ_ONLY));
    client.putInlinePolicyToPermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(set.arn())
        .inlinePolicy(INLINE));
    assertThat(sso.permissionSet(set.arn()).version()).isEqualTo(before + 2);
  }
}
