package io.rolecall.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import org.junit.jupiter.api.Test;

class RoleRequestTest {
  private static AuthSettings.Builder base() {
    return AuthSettings.builder().region("us-east-1");
  }

  @Test
  void roleNamePlusAccountBuildsTheSeedZeroArnWithDefaultSession() {
    var r = RoleRequest.forTarget(base().roleName("Remediation").externalId("ext-123").build(), "222222222222");
    assertThat(r.roleArn()).isEqualTo("arn:aws:iam::222222222222:role/Remediation");
    assertThat(r.sessionName()).isEqualTo("rolecall");
    assertThat(r.externalId()).isEqualTo("ext-123");
    assertThat(r.durationSeconds()).isEqualTo(900);
  }

  @Test
  void govCloudRegionGivesAGovCloudArn() {
    var r = RoleRequest.forTarget(base().region("us-gov-west-1").roleName("R").build(), "222222222222");
    assertThat(r.roleArn()).isEqualTo("arn:aws-us-gov:iam::222222222222:role/R");
  }

  @Test
  void accountWithoutRoleNameIsAUsageError() {
    assertThatThrownBy(() -> RoleRequest.forTarget(base().roleArn("arn:aws:iam::333333333333:role/X").roleSessionName("rc").build(),
        "222222222222"))
        .isInstanceOf(UsageException.class).hasMessageContaining("is in account 333333333333, not 222222222222; set --role-name");
  }

  @Test
  void accountWithNeitherRoleNameNorRoleArnIsTheInstancesOwnIdentity() {
    assertThat(RoleRequest.forTarget(base().build(), "222222222222")).isNull();
  }

  @Test
  void instanceRoleArnIsUsedWithoutAccount() {
    var s = base().roleArn("arn:aws:iam::333333333333:role/X").roleSessionName("xsoar").build();
    assertThat(RoleRequest.forTarget(s, null).roleArn()).isEqualTo("arn:aws:iam::333333333333:role/X");
    assertThat(RoleRequest.forTarget(s, "333333333333").sessionName()).isEqualTo("xsoar");
  }

  @Test
  void noRoleMeansBaseCredentials() {
    assertThat(RoleRequest.forTarget(base().build(), null)).isNull();
  }
}
