package io.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.command.CommandSpec;
import io.rolecall.commands.Commands;
import io.rolecall.render.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The permission and trust policies: exactly the declared actions, grouped by service, and the trust. */
class PermissionPolicyTest {
  static List<CommandSpec> specs(String... names) {
    var registry = Commands.registry();
    return java.util.Arrays.stream(names).map(n -> registry.require(n).spec()).toList();
  }

  @Test
  void oneStatementPerServiceWithExactlyTheDeclaredActions() {
    var policy = PermissionPolicy.of(specs("aws-iam-account-password-policy-update", "aws-iam-account-password-policy-get",
        "aws-s3-public-access-block-update", "aws-ec2-instance-metadata-options-modify"));
    assertThat(Json.write(policy)).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":["
        + "{\"Sid\":\"RolecallEc2\",\"Effect\":\"Allow\",\"Action\":[\"ec2:DescribeInstances\","
        + "\"ec2:ModifyInstanceMetadataOptions\"],\"Resource\":\"*\"},"
        + "{\"Sid\":\"RolecallIam\",\"Effect\":\"Allow\",\"Action\":[\"iam:GetAccountPasswordPolicy\","
        + "\"iam:UpdateAccountPasswordPolicy\"],\"Resource\":\"*\"},"
        + "{\"Sid\":\"RolecallS3\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetBucketPublicAccessBlock\","
        + "\"s3:PutBucketPublicAccessBlock\"],\"Resource\":\"*\"}]}");
  }

  @Test
  void aReadOnlyCommandGetsReadOnlyPermissions() {
    assertThat(Json.write(PermissionPolicy.of(specs("aws-iam-account-password-policy-get"))))
        .contains("[\"iam:GetAccountPasswordPolicy\"]").doesNotContain("Update");
  }

  @Test
  void trustNamesThePrincipalAndTheExternalId() {
    assertThat(Json.write(TrustPolicy.of("arn:aws:iam::111111111111:role/Engine", "ext-7"))).isEqualTo(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"RolecallEngine\",\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":\"arn:aws:iam::111111111111:role/Engine\"},\"Action\":\"sts:AssumeRole\",\"Condition\":"
            + "{\"StringEquals\":{\"sts:ExternalId\":\"ext-7\"}}}]}");
    assertThat(Json.write(TrustPolicy.of("arn:aws:iam::111111111111:root", null))).doesNotContain("Condition");
  }

  @Test
  void principalsAreNormalisedForTrust() {
    assertThat(Principals.forTrust("111111111111", "p")).isEqualTo("arn:aws:iam::111111111111:root");
    assertThat(Principals.forTrust("arn:aws:sts::111111111111:assumed-role/EngineRole/i-0abc", "p"))
        .isEqualTo("arn:aws:iam::111111111111:role/EngineRole");
    assertThat(Principals.forTrust("arn:aws-us-gov:iam::111111111111:user/ops/engine", "p"))
        .isEqualTo("arn:aws-us-gov:iam::111111111111:user/ops/engine");
    assertThatThrownBy(() -> Principals.forTrust("engine", "--principal")).isInstanceOf(UsageException.class)
        .hasMessage("--principal: expected an IAM user or role ARN, arn:aws:iam::<account>:root, or a 12-digit"
            + " account id, got 'engine'");
  }

  @Test
  void aBadRoleNameIsAUsageError() {
    assertThatThrownBy(() -> new RolePlan("no spaces", "111111111111", null, 900, specs("aws-iam-account-password-policy-get")))
        .isInstanceOf(UsageException.class).hasMessageStartingWith("role-name: expected an IAM role name");
  }
}
