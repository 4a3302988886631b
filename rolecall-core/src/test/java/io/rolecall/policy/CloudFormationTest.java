package io.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.commands.Commands;
import io.rolecall.render.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The templates' structure: what CloudFormation checks before it creates anything. */
class CloudFormationTest {
  static final String ENGINE = "arn:aws:iam::111111111111:user/engine";

  static RolePlan plan(String externalId) {
    return new RolePlan("RolecallRemediation", ENGINE, externalId, 900, Commands.registry().specs());
  }

  @Test
  void theRoleTemplateCreatesTheRoleWithBothPolicies() {
    var t = TemplateCheck.check(CloudFormation.roleTemplate(plan("ext-1")));
    var role = t.path("Resources").path("RolecallRole");
    assertThat(role.path("Type").asText()).isEqualTo("AWS::IAM::Role");
    var p = role.path("Properties");
    assertThat(p.path("RoleName").path("Ref").asText()).isEqualTo("RoleName");
    assertThat(t.path("Parameters").path("RoleName").path("Default").asText()).isEqualTo("RolecallRemediation");
    assertThat(t.path("Parameters").path("TrustedPrincipal").path("Default").asText()).isEqualTo(ENGINE);
    assertThat(p.path("MaxSessionDuration").asInt()).isEqualTo(3600);
    var trust = p.path("AssumeRolePolicyDocument").path("Statement").get(0);
    assertThat(trust.path("Principal").path("AWS").path("Ref").asText()).isEqualTo("TrustedPrincipal");
    assertThat(trust.path("Condition").path("StringEquals").path("sts:ExternalId").path("Ref").asText())
        .isEqualTo("ExternalId");
    var inline = p.path("Policies").get(0);
    assertThat(inline.path("PolicyName").asText()).isEqualTo("rolecall-commands");
    assertThat(actions(inline.path("PolicyDocument"))).contains("s3:PutBucketPublicAccessBlock",
        "ec2:ModifyInstanceMetadataOptions", "iam:UpdateAccountPasswordPolicy");
    assertThat(t.path("Outputs").path("RoleArn").path("Value").path("Fn::GetAtt").toString())
        .isEqualTo("[\"RolecallRole\",\"Arn\"]");
  }

  @Test
  void withoutAnExternalIdThereIsNoConditionAndNoParameter() {
    var t = TemplateCheck.check(CloudFormation.roleTemplate(plan(null)));
    assertThat(t.path("Parameters").has("ExternalId")).isFalse();
    assertThat(t.path("Resources").path("RolecallRole").path("Properties").path("AssumeRolePolicyDocument")
        .path("Statement").get(0).has("Condition")).isFalse();
  }

  @Test
  void longSessionsRaiseTheRolesMaximum() {
    var plan = new RolePlan("R", ENGINE, null, 7200, Commands.registry().specs());
    assertThat(TemplateCheck.check(CloudFormation.roleTemplate(plan)).path("Resources").path("RolecallRole")
        .path("Properties").path("MaxSessionDuration").asInt()).isEqualTo(7200);
  }

  @Test
  void theStackSetDeploysTheRoleTemplateToTheOrganizationUnitsGiven() throws Exception {
    var t = TemplateCheck.check(CloudFormation.stackSetTemplate(plan("ext-1")));
    assertThat(t.path("Parameters").path("OrganizationalUnitIds").path("Type").asText()).isEqualTo("CommaDelimitedList");
    var stackSet = t.path("Resources").path("RolecallRoleStackSet");
    assertThat(stackSet.path("Type").asText()).isEqualTo("AWS::CloudFormation::StackSet");
    var p = stackSet.path("Properties");
    assertThat(p.path("PermissionModel").asText()).isEqualTo("SERVICE_MANAGED");
    assertThat(p.path("AutoDeployment").path("Enabled").asBoolean()).isTrue();
    assertThat(p.path("Capabilities").get(0).asText()).isEqualTo("CAPABILITY_NAMED_IAM");
    var group = p.path("StackInstancesGroup").get(0);
    assertThat(group.path("DeploymentTargets").path("OrganizationalUnitIds").path("Ref").asText())
        .isEqualTo("OrganizationalUnitIds");
    assertThat(group.path("Regions").size()).isEqualTo(1); // IAM is global: one region, or the role name clashes

    JsonNode inner = Json.mapper().readTree(p.path("TemplateBody").asText());
    TemplateCheck.check(inner);
    assertThat(inner).isEqualTo(Json.mapper().valueToTree(CloudFormation.memberRoleTemplate(plan("ext-1"))));
    var passed = new ArrayList<String>();
    p.path("Parameters").forEach(x -> {
      passed.add(x.path("ParameterKey").asText());
      assertThat(x.path("ParameterValue").path("Ref").asText()).isEqualTo(x.path("ParameterKey").asText());
    });
    var declared = new ArrayList<String>();
    inner.path("Parameters").fieldNames().forEachRemaining(declared::add);
    assertThat(passed).isEqualTo(declared);
    assertThat(p.path("TemplateBody").asText().length()).isLessThan(51_200); // CloudFormation's limit
  }

  @Test
  void theExternalIdIsANoEchoParameterWithoutADefaultInEveryTemplate() {
    var inventory = RolePlan.inventory("RolecallAudit", ENGINE, "secret-ext-77", 3600);
    for (var template : List.of(CloudFormation.roleTemplate(plan("secret-ext-77")),
        CloudFormation.stackSetTemplate(plan("secret-ext-77")), CloudFormation.memberRoleTemplate(plan("secret-ext-77")),
        CloudFormation.roleTemplate(inventory), CloudFormation.stackSetTemplate(inventory))) {
      var t = TemplateCheck.check(template);
      var p = t.path("Parameters").path("ExternalId");
      assertThat(p.path("NoEcho").asBoolean()).isTrue();
      assertThat(p.has("Default")).isFalse();
      assertThat(Json.write(template)).doesNotContain("secret-ext-77");
    }
  }

  @Test
  void identityCenterAndOrganizationsActionsAreInTheManagementRoleOnly() throws Exception {
    for (var plan : List.of(plan("x-1"), RolePlan.inventory("RolecallAudit", ENGINE, "x-1", 3600))) {
      var stackSet = TemplateCheck.check(CloudFormation.stackSetTemplate(plan));
      JsonNode member = Json.mapper().readTree(stackSet.path("Resources").path("RolecallRoleStackSet")
          .path("Properties").path("TemplateBody").asText());
      var memberActions = actions(member.path("Resources").path("RolecallRole").path("Properties").path("Policies")
          .get(0).path("PolicyDocument"));
      assertThat(memberActions).isNotEmpty().noneMatch(a -> a.startsWith("sso:") || a.startsWith("identitystore:")
          || a.startsWith("organizations:"));
      var management = actions(TemplateCheck.check(CloudFormation.roleTemplate(plan)).path("Resources")
          .path("RolecallRole").path("Properties").path("Policies").get(0).path("PolicyDocument"));
      assertThat(management).containsAll(memberActions).anyMatch(a -> a.startsWith("identitystore:"))
          .anyMatch(a -> a.startsWith("sso:"));
    }
  }

  @Test
  void theInventoryRoleIsReadOnlyAndTheEnginePolicyAssumesIt() {
    var inventory = RolePlan.inventory("RolecallAudit", ENGINE, null, 3600);
    assertThat(inventory.actions()).allMatch(a -> a.matches("[a-z0-9]+:(Get|List|Describe|Lookup|Generate)[A-Za-z]+"));
    assertThat(inventory.memberActions()).contains("iam:GetAccountAuthorizationDetails", "ec2:DescribeInstances",
        "cloudtrail:LookupEvents");
    assertThat(inventory.managementActions()).contains("sso:ListAccountAssignments", "identitystore:ListUsers",
        "organizations:ListPolicies");
    JsonNode engine = Json.mapper().valueToTree(EnginePolicy.of("RolecallAudit", Commands.registry().specs()));
    var first = engine.path("Statement").get(0);
    assertThat(first.path("Action").get(0).asText()).isEqualTo("sts:AssumeRole");
    assertThat(first.path("Resource").asText()).isEqualTo("arn:aws:iam::*:role/RolecallAudit");
    assertThat(actions(engine)).contains("organizations:ListAccounts", "identitystore:ListUsers", "sso:ListInstances")
        .noneMatch(a -> a.startsWith("identitystore:Create") || a.startsWith("identitystore:Delete")
            || a.startsWith("iam:"));
  }

  @Test
  void generatedDocumentsAreStable() {
    assertThat(Json.write(CloudFormation.stackSetTemplate(plan("x-1"))))
        .isEqualTo(Json.write(CloudFormation.stackSetTemplate(plan("x-1"))));
  }

  static List<String> actions(JsonNode policy) {
    var out = new ArrayList<String>();
    policy.path("Statement").forEach(s -> s.path("Action").forEach(a -> out.add(a.asText())));
    return out;
  }
}
