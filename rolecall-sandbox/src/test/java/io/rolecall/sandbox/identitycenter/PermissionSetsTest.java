package io.rolecall.sandbox.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.service.ssoadmin.SsoInstance;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccessDeniedException;
import software.amazon.awssdk.services.ssoadmin.model.ConflictException;
import software.amazon.awssdk.services.ssoadmin.model.ListPermissionSetsResponse;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.ValidationException;

/** SSO Admin permission sets through the AWS SDK for Java: lifecycle, ARNs, paging, validation, who may see them. */
class PermissionSetsTest {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
  final String storeId = sb.account("111111111111").identityCenter().createInstance("us-east-1", "d-1111111111").id();
  final SsoInstance sso = sb.account("111111111111").ssoAdmin().instance();
  final SsoAdminClient client = IdentityCenterClients.ssoAdmin(sb, ops);

  @AfterEach
  void close() {
    client.close();
    sb.close();
  }

  @Test
  void createDescribeUpdateAndDeleteAPermissionSet() {
    var created = client.createPermissionSet(r -> r.instanceArn(sso.arn()).name("Admin").description("Full access")
        .sessionDuration("PT8H").relayState("https://console.aws.amazon.com/")).permissionSet();
    assertThat(created.permissionSetArn())
        .matches("arn:aws:sso:::permissionSet/ssoins-[0-9a-f]{16}/ps-[0-9a-f]{16}")
        .startsWith("arn:aws:sso:::permissionSet/" + sso.arn().substring(sso.arn().lastIndexOf('/') + 1) + "/");
    assertThat(created.createdDate()).isNotNull();

    var described = client.describePermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(created.permissionSetArn())).permissionSet();
    assertThat(described.name()).isEqualTo("Admin");
    assertThat(described.description()).isEqualTo("Full access");
    assertThat(described.sessionDuration()).isEqualTo("PT8H");
    assertThat(described.relayState()).isEqualTo("https://console.aws.amazon.com/");

    client.updatePermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(created.permissionSetArn())
        .sessionDuration("PT2H"));
    var updated = client.describePermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(created.permissionSetArn())).permissionSet();
    assertThat(updated.sessionDuration()).isEqualTo("PT2H");
    assertThat(updated.description()).isEqualTo("Full access");

    client.deletePermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(created.permissionSetArn()));
    assertThatThrownBy(() -> client.describePermissionSet(r -> r.instanceArn(sso.arn())
        .permissionSetArn(created.permissionSetArn())))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Could not find PermissionSet with id " + created.permissionSetArn().substring(
                created.permissionSetArn().lastIndexOf('/') + 1)));
  }

  @Test
  void aSetWithoutSessionDurationLastsOneHourAndNamesAreUnique() {
    client.createPermissionSet(r -> r.instanceArn(sso.arn()).name("ReadOnly"));
    assertThat(sso.permissionSetNamed("ReadOnly").orElseThrow().sessionDuration()).isEqualTo("PT1H");
    assertThatThrownBy(() -> client.createPermissionSet(r -> r.instanceArn(sso.arn()).name("ReadOnly")))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("PermissionSet with name ReadOnly already exists."));
  }

  @Test
  void listPermissionSetsPagesByMaxResultsUpToOneHundred() {
    IntStream.range(0, 230).forEach(i -> sso.createPermissionSet(String.format("Set%03d", i)));
    var pages = client.listPermissionSetsPaginator(r -> r.instanceArn(sso.arn())).stream().toList();
    assertThat(pages).extracting(p -> p.permissionSets().size()).containsExactly(100, 100, 30);
    assertThat(pages.stream().flatMap(p -> p.permissionSets().stream())).doesNotHaveDuplicates().hasSize(230);
    assertThat(client.listPermissionSets(r -> r.instanceArn(sso.arn()).maxResults(7)).permissionSets()).hasSize(7);
    assertThatThrownBy(() -> client.listPermissionSets(r -> r.instanceArn(sso.arn()).maxResults(101)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: "
                + "Member must have value less than or equal to 100"));
    assertThatThrownBy(() -> client.listPermissionSets(r -> r.instanceArn(sso.arn()).nextToken("forged")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("The provided NextToken is not valid.");
  }

  @Test
  void anInstanceHoldsAtMostTwoThousandPermissionSets() {
    IntStream.range(0, 2000).forEach(i -> sso.createPermissionSet("Set" + i));
    assertThatThrownBy(() -> client.createPermissionSet(r -> r.instanceArn(sso.arn()).name("OneTooMany")))
        .isInstanceOf(software.amazon.awssdk.services.ssoadmin.model.ServiceQuotaExceededException.class);
    assertThat(sso.permissionSets()).hasSize(2000);
  }

  @Test
  void membersAreCheckedAgainstTheServiceModel() {
    assertThatThrownBy(() -> client.createPermissionSet(r -> r.instanceArn(sso.arn()).name("x".repeat(33))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("1 validation error detected: Value '" + "x".repeat(33) + "' at 'name' failed to satisfy "
                + "constraint: Member must have length less than or equal to 32"));
    assertThatThrownBy(() -> client.createPermissionSet(r -> r.instanceArn(sso.arn()).name("has space")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at 'name' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern");
    assertThatThrownBy(() -> client.createPermissionSet(r -> r.instanceArn(sso.arn()).name("Long")
        .sessionDuration("PT13H")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at 'sessionDuration'");
    assertThatThrownBy(() -> client.createPermissionSet(r -> r.instanceArn("arn:aws:sso:::instance/nope").name("A")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("at 'instanceArn'");
    assertThatThrownBy(() -> client.createPermissionSet(r -> r.instanceArn(sso.arn())))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("1 validation error detected: Value null at 'name' failed to satisfy constraint: "
                + "Member must not be null"));
  }

  @Test
  void anotherAccountOrRegionDoesNotSeeTheInstance() {
    sso.createPermissionSet("Admin");
    var member = sb.account("222222222222").iam().createUserWithAccessKey("dev");
    try (var other = IdentityCenterClients.ssoAdmin(sb, member)) {
      assertThat(other.listInstances(r -> { }).instances()).isEmpty();
      assertThatThrownBy(() -> other.listPermissionSets(r -> r.instanceArn(sso.arn())))
          .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
              .isEqualTo("Instance " + sso.arn() + " does not exist in this account and region."));
    }
    try (var elsewhere = IdentityCenterClients.ssoAdmin(sb, ops, Region.EU_WEST_1)) {
      assertThatThrownBy(() -> elsewhere.listPermissionSets(r -> r.instanceArn(sso.arn())))
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Test
  void everyCallIsAuthorizedOnTheInstanceAndThePermissionSet() {
    var admin = sso.createPermissionSet("Admin");
    var readOnly = sso.createPermissionSet("ReadOnly");
    sb.account("111111111111").iam().putUserPolicy("ops", "sso-read", """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["sso:Describe*","sso:List*"],"Resource":"*"},
          {"Effect":"Deny","Action":"sso:DescribePermissionSet","Resource":"%s"}]}""".formatted(admin.arn()));
    assertThat(client.listPermissionSets(r -> r.instanceArn(sso.arn())).permissionSets()).hasSize(2);
    assertThat(client.describePermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(readOnly.arn()))
        .permissionSet().name()).isEqualTo("ReadOnly");
    assertThatThrownBy(() -> client.describePermissionSet(r -> r.instanceArn(sso.arn()).permissionSetArn(admin.arn())))
        .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111111111111:user/ops is not "
              + "authorized to perform: sso:DescribePermissionSet on resource: " + admin.arn()
              + " with an explicit deny in an identity-based policy");
        });
    assertThatThrownBy(() -> client.createPermissionSet(r -> r.instanceArn(sso.arn()).name("Sneaky")))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("sso:CreatePermissionSet on resource: " + sso.arn());
    assertThat(sso.permissionSetNamed("Sneaky")).isEmpty();
  }

  @Test
  void aFixedIdentityStoreIdGivesTheSameArnsInEverySandbox() {
    var first = sso.createPermissionSet("Admin").arn();
    try (var again = Sandbox.start()) {
      again.account("111111111111").identityCenter().createInstance("us-east-1", storeId);
      var sameSso = again.account("111111111111").ssoAdmin().instance();
      assertThat(sameSso.arn()).isEqualTo(sso.arn());
      assertThat(sameSso.createPermissionSet("Admin").arn()).isEqualTo(first);
    }
    ListPermissionSetsResponse listed = client.listPermissionSets(r -> r.instanceArn(sso.arn()));
    assertThat(listed.permissionSets()).containsExactly(first);
  }
}
