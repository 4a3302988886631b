package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.service.organizations.OrgUnit;
import io.rolecall.sandbox.service.organizations.Organization;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.ChildNotFoundException;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.PolicyNotFoundException;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.TargetNotFoundException;
import software.amazon.awssdk.services.organizations.model.TargetType;

/** The organization's structure and service control policies through the AWS SDK for Java. */
class OrganizationStructureTest {
  static final String DENY_LEAVE = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}""";

  final Sandbox sb = Sandbox.start();
  final AccessKey admin = sb.account("111111111111").iam().createUserWithAccessKey("admin");
  final Organization org = sb.organization("111111111111").addAccount("222222222222").addAccount("333333333333");
  final OrganizationsClient client = Aws.organizations(sb, admin);

  @AfterEach
  void close() {
    client.close();
    sb.close();
  }

  @Test
  void aNewOrganizationHasOneRootWithScpsEnabledAndFullAwsAccessEverywhere() {
    var root = client.listRoots(r -> { }).roots();
    assertThat(root).singleElement().satisfies(x -> {
      assertThat(x.id()).matches("r-[0-9a-z]{4}").isEqualTo(org.structure().rootId());
      assertThat(x.arn()).isEqualTo("arn:aws:organizations::111111111111:root/" + org.id() + "/" + x.id());
      assertThat(x.name()).isEqualTo("Root");
      assertThat(x.policyTypes()).singleElement().satisfies(t -> {
        assertThat(t.type()).isEqualTo(PolicyType.SERVICE_CONTROL_POLICY);
        assertThat(t.statusAsString()).isEqualTo("ENABLED");
      });
    });
    for (String target : new String[] {root.getFirst().id(), "111111111111", "222222222222"}) {
      assertThat(client.listPoliciesForTarget(r -> r.targetId(target).filter(PolicyType.SERVICE_CONTROL_POLICY))
          .policies()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("p-FullAWSAccess");
            assertThat(p.arn()).isEqualTo("arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess");
            assertThat(p.name()).isEqualTo("FullAWSAccess");
            assertThat(p.awsManaged()).isTrue();
            assertThat(p.type()).isEqualTo(PolicyType.SERVICE_CONTROL_POLICY);
          });
    }
    var full = client.describePolicy(r -> r.policyId("p-FullAWSAccess")).policy();
    assertThat(full.content()).contains("\"Action\":\"*\"");
    assertThat(client.listParents(r -> r.childId("222222222222")).parents()).singleElement()
        .satisfies(p -> assertThat(p.type()).isEqualTo(ParentType.ROOT));
  }

  @Test
  void accountsMoveIntoNestedOusAndEachLevelListsItsChildren() {
    String rootId = org.structure().rootId();
    OrgUnit prod = org.structure().createOrganizationalUnit(rootId, "Prod");
    OrgUnit web = org.structure().createOrganizationalUnit(prod.id(), "Web");
    org.structure().moveAccount("222222222222", web.id());

    assertThat(prod.id()).matches("ou-" + rootId.substring(2) + "-[0-9a-z]{8}");
    assertThat(client.listParents(r -> r.childId("222222222222")).parents()).singleElement().satisfies(p -> {
      assertThat(p.id()).isEqualTo(web.id());
      assertThat(p.type()).isEqualTo(ParentType.ORGANIZATIONAL_UNIT);
    });
    assertThat(client.listParents(r -> r.childId(web.id())).parents().getFirst().id()).isEqualTo(prod.id());
    assertThat(client.listOrganizationalUnitsForParent(r -> r.parentId(rootId)).organizationalUnits())
        .singleElement().satisfies(u -> {
          assertThat(u.name()).isEqualTo("Prod");
          assertThat(u.arn()).isEqualTo("arn:aws:organizations::111111111111:ou/" + org.id() + "/" + prod.id());
        });
    assertThat(client.listAccountsForParent(r -> r.parentId(web.id())).accounts()).extracting(Account::id)
        .containsExactly("222222222222");
    assertThat(client.listAccountsForParent(r -> r.parentId(rootId)).accounts()).extracting(Account::id)
        .containsExactly("111111111111", "333333333333");
    assertThat(client.listChildren(r -> r.parentId(prod.id()).childType(ChildType.ORGANIZATIONAL_UNIT)).children())
        .singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(web.id()));
    assertThat(client.describeOrganizationalUnit(r -> r.organizationalUnitId(web.id())).organizationalUnit().name())
        .isEqualTo("Web");
  }

  @Test
  void scpsAttachToOusAndAreDescribedWithTheirContent() {
    OrgUnit prod = org.structure().createOrganizationalUnit(org.structure().rootId(), "Prod");
    var denyLeave = org.policies().create("DenyLeave", "Members stay", DENY_LEAVE);
    org.policies().attach(denyLeave.id(), prod.id());

    assertThat(client.listPoliciesForTarget(r -> r.targetId(prod.id()).filter(PolicyType.SERVICE_CONTROL_POLICY))
        .policies()).extracting(PolicySummary::name).containsExactlyInAnyOrder("FullAWSAccess", "DenyLeave");
    var described = client.describePolicy(r -> r.policyId(denyLeave.id())).policy();
    assertThat(described.content()).isEqualTo(DENY_LEAVE);
    assertThat(described.policySummary().arn()).isEqualTo("arn:aws:organizations::111111111111:policy/" + org.id()
        + "/service_control_policy/" + denyLeave.id());
    assertThat(described.policySummary().awsManaged()).isFalse();
    assertThat(described.policySummary().description()).isEqualTo("Members stay");
    assertThat(client.listPolicies(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).policies())
        .extracting(PolicySummary::id).contains("p-FullAWSAccess", denyLeave.id());
    assertThat(client.listPolicies(r -> r.filter(PolicyType.TAG_POLICY)).policies()).isEmpty();
    assertThat(client.listTargetsForPolicy(r -> r.policyId(denyLeave.id())).targets()).singleElement()
        .satisfies(t -> {
          assertThat(t.targetId()).isEqualTo(prod.id());
          assertThat(t.type()).isEqualTo(TargetType.ORGANIZATIONAL_UNIT);
          assertThat(t.name()).isEqualTo("Prod");
        });
  }

  @Test
  void listsPageByTwenty() {
    String rootId = org.structure().rootId();
    IntStream.range(0, 25).forEach(i -> org.structure().createOrganizationalUnit(rootId, "OU" + i));
    var pages = client.listOrganizationalUnitsForParentPaginator(r -> r.parentId(rootId)).stream().toList();
    assertThat(pages).extracting(p -> p.organizationalUnits().size()).containsExactly(20, 5);
    assertThat(client.listOrganizationalUnitsForParent(r -> r.parentId(rootId).maxResults(3)).organizationalUnits())
        .hasSize(3);
    assertThatThrownBy(() -> client.listOrganizationalUnitsForParent(r -> r.parentId(rootId).maxResults(21)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void unknownOrMalformedIdsAreTheServicesErrors() {
    assertThatThrownBy(() -> client.listOrganizationalUnitsForParent(r -> r.parentId("ou-abcd-zzzzzzzz")))
        .isInstanceOfSatisfying(ParentNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("We can't find a root or OU with the ParentId that you specified."));
    assertThatThrownBy(() -> client.listParents(r -> r.childId("999999999999")))
        .isInstanceOf(ChildNotFoundException.class);
    assertThatThrownBy(() -> client.listPoliciesForTarget(r -> r.targetId("999999999999")
        .filter(PolicyType.SERVICE_CONTROL_POLICY))).isInstanceOf(TargetNotFoundException.class);
    assertThatThrownBy(() -> client.describePolicy(r -> r.policyId("p-12345678")))
        .isInstanceOf(PolicyNotFoundException.class);
    assertThatThrownBy(() -> client.listParents(r -> r.childId("not-an-id")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ChildId");
    assertThatThrownBy(() -> client.listPoliciesForTarget(r -> r.targetId("222222222222").filter("NOPE")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Filter");
  }

  @Test
  void onlyTheManagementAccountReadsTheStructure() {
    var member = sb.account("222222222222").iam().createUserWithAccessKey("dev");
    try (var memberClient = Aws.organizations(sb, member)) {
      assertThatThrownBy(() -> memberClient.listRoots(r -> { })).isInstanceOfSatisfying(AccessDeniedException.class,
          e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("You don't have permissions to access this resource."));
      assertThatThrownBy(() -> memberClient.listPoliciesForTarget(r -> r.targetId("222222222222")
          .filter(PolicyType.SERVICE_CONTROL_POLICY))).isInstanceOf(AccessDeniedException.class);
    }
    var loner = sb.account("999999999999").iam().createUserWithAccessKey("solo");
    try (var lonerClient = Aws.organizations(sb, loner)) {
      assertThatThrownBy(() -> lonerClient.listRoots(r -> { })).isInstanceOf(AwsOrganizationsNotInUseException.class);
    }
    sb.account("111111111111").iam().putUserPolicy("admin", "accounts-only", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"organizations:ListAccounts","Resource":"*"}]}""");
    assertThatThrownBy(() -> client.listRoots(r -> { })).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("organizations:ListRoots");
  }
}
