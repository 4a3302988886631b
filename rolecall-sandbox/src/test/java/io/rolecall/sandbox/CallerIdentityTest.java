package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallerIdentityTest {
  final Sandbox sb = Sandbox.start();

  @AfterEach
  void close() {
    sb.close();
  }

  @Test
  void root() {
    try (var sts = Aws.sts(sb, sb.account("111111111111").rootAccessKey())) {
      var id = sts.getCallerIdentity();
      assertThat(id.arn()).isEqualTo("arn:aws:iam::111111111111:root");
      assertThat(id.userId()).isEqualTo("111111111111");
      assertThat(id.account()).isEqualTo("111111111111");
      assertThat(id.responseMetadata().requestId()).matches("[0-9a-f-]{36}");
    }
  }

  @Test
  void iamUser() {
    var key = sb.account("111111111111").iam().createUserWithAccessKey("ops");
    assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
    try (var sts = Aws.sts(sb, key)) {
      var id = sts.getCallerIdentity();
      assertThat(id.arn()).isEqualTo("arn:aws:iam::111111111111:user/ops");
      assertThat(id.userId()).isEqualTo(sb.account("111111111111").iam().requireUser("ops").userId()).startsWith("AIDA");
      assertThat(id.account()).isEqualTo("111111111111");
    }
  }

  @Test
  void assumedRoleSessionLivesInTheRolesAccount() {
    var ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
    var role = sb.account("222222222222").iam().createRole("Audit", TrustPolicy.trustingAccount("111111111111"));
    var session = Aws.assume(sb, ops, role.arn(), null);
    try (var sts = Aws.sts(sb, session)) {
      var id = sts.getCallerIdentity();
      assertThat(id.arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/Audit/test");
      assertThat(id.userId()).isEqualTo(role.roleId() + ":test").startsWith("AROA");
      assertThat(id.account()).isEqualTo("222222222222");
    }
  }
}
