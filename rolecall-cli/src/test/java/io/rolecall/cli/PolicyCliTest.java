package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.render.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rolecall policy: the thin front of io.rolecall.policy. */
class PolicyCliTest {
  @TempDir
  Path dir;
  SandboxEngine engine;

  @BeforeEach
  void start() {
    engine = new SandboxEngine(dir);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void permissionsForTheCommandsNamed() throws Exception {
    var r = engine.run("policy", "aws-ec2-instance-metadata-options-modify", "--show", "permissions");
    assertThat(r.exit()).as(r.err()).isZero();
    var actions = Json.mapper().readTree(r.out()).path("Statement").get(0).path("Action");
    assertThat(actions.toString()).isEqualTo("[\"ec2:DescribeInstances\",\"ec2:ModifyInstanceMetadataOptions\"]");
    assertThat(engine.sb.calls().total()).isZero(); // no identity needed for permissions alone
  }

  @Test
  void trustDefaultsToTheEnginesOwnIdentityAndTheInstancesExternalId() throws Exception {
    var r = engine.run("policy", "--show", "trust");
    assertThat(r.exit()).as(r.err()).isZero();
    var statement = Json.mapper().readTree(r.out()).path("Statement").get(0);
    assertThat(statement.path("Principal").path("AWS").asText()).isEqualTo("arn:aws:iam::111111111111:user/engine");
    assertThat(statement.path("Condition").path("StringEquals").path("sts:ExternalId").asText())
        .isEqualTo(SandboxEngine.EXTERNAL_ID);
    assertThat(engine.sb.calls().count("sts", "GetCallerIdentity")).isEqualTo(1);
  }

  @Test
  void everythingAtOnceAsJsonWithAGivenPrincipalAndRoleName() throws Exception {
    var r = engine.run("--role-name", "SecOpsTarget", "policy", "--principal", "arn:aws:iam::999999999999:role/Engine",
        "-o", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    var all = Json.mapper().readTree(r.out());
    assertThat(all.fieldNames()).toIterable().containsExactly("PermissionPolicy", "TrustPolicy", "RoleTemplate",
        "StackSetTemplate");
    assertThat(all.path("RoleTemplate").path("Parameters").path("RoleName").path("Default").asText())
        .isEqualTo("SecOpsTarget");
    assertThat(all.path("TrustPolicy").toString()).contains("arn:aws:iam::999999999999:role/Engine");
    assertThat(all.path("StackSetTemplate").path("Resources").path("RolecallRoleStackSet").path("Type").asText())
        .isEqualTo("AWS::CloudFormation::StackSet");
  }

  @Test
  void theTextFormShowsEachPartUnderAHeading() {
    var r = engine.run("policy", "aws-s3-public-access-block-update", "--principal", "111111111111");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("# Permission policy of role RolecallRemediation", "# Trust policy:",
        "arn:aws:iam::111111111111:root", "# CloudFormation: the role in one account", "SERVICE_MANAGED");
  }

  @Test
  void badInputIsAUsageError() {
    RemediationCliTest.assertUsage(engine.run("policy", "--principal", "bob"), "--principal: expected an IAM user or role ARN");
    RemediationCliTest.assertUsage(engine.run("policy", "--show", "everything"), "--show: expected permissions, trust");
    RemediationCliTest.assertUsage(engine.run("policy", "aws-s3-bucket-delete"), "unknown command 'aws-s3-bucket-delete'");
  }
}
