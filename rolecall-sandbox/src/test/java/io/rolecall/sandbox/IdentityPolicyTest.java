package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Identity policies of the caller gate every action, including sts:AssumeRole on the target role. */
class IdentityPolicyTest {
  static final String ROLE_A = "arn:aws:iam::222222222222:role/A", ROLE_B = "arn:aws:iam::222222222222:role/B";

  final Sandbox sb = Sandbox.start();
  final Account mgmt = sb.account("111111111111");
  final AccessKey ops = mgmt.iam().createUserWithAccessKey("ops");

  {
    sb.account("222222222222").iam().createRole("A", TrustPolicy.trustingAccount("111111111111"));
    sb.account("222222222222").iam().createRole("B", TrustPolicy.trustingAccount("111111111111"));
  }

  @AfterEach
  void close() {
    sb.close();
  }

  void assertAssumeDenied(String roleArn, String reason) {
    assertThatThrownBy(() -> Aws.assume(sb, ops, roleArn, null)).isInstanceOfSatisfying(StsException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::111111111111:user/ops is not "
          + "authorized to perform: sts:AssumeRole on resource: " + roleArn + reason);
    });
  }

  @Test
  void anAllowListLimitsWhichRolesMayBeAssumed() {
    mgmt.iam().putUserPolicy("ops", "assume-a", """
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole",
         "Resource":"arn:aws:iam::*:role/A"}}""");
    assertThat(Aws.assume(sb, ops, ROLE_A, null).accessKeyId()).startsWith("ASIA");
    assertAssumeDenied(ROLE_B, " because no identity-based policy allows the sts:AssumeRole action");
  }

  @Test
  void anExplicitDenyBeatsAnAllow() {
    String admin = mgmt.iam().createPolicy("Admin", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
    mgmt.iam().attachUserPolicy("ops", admin);
    mgmt.iam().putUserPolicy("ops", "no-roles", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]}""");
    assertAssumeDenied(ROLE_A, " with an explicit deny in an identity-based policy");
  }

  @Test
  void aConditionOnTheRequestedRegionDeniesOneRegionOnly() {
    mgmt.ec2Network("us-east-1");
    mgmt.iam().putUserPolicy("ops", "ec2-not-in-ireland", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"},
         {"Effect":"Deny","Action":"ec2:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}""");
    assertThat(Aws.ec2(sb, ops, software.amazon.awssdk.regions.Region.US_EAST_1).describeVpcs().vpcs()).isNotNull();
    assertThatThrownBy(() -> Aws.ec2(sb, ops, software.amazon.awssdk.regions.Region.EU_WEST_1).describeVpcs())
        .isInstanceOfSatisfying(software.amazon.awssdk.services.ec2.model.Ec2Exception.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("explicit deny"));
  }

  @Test
  void getCallerIdentityNeedsNoPermission() {
    mgmt.iam().putUserPolicy("ops", "deny-all", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""");
    try (var sts = Aws.sts(sb, ops)) {
      assertThat(sts.getCallerIdentity().arn()).endsWith(":user/ops");
    }
  }

  @Test
  void roleSessionsAreGovernedByTheRolesPolicies() {
    sb.account("222222222222").iam().attachRolePolicy("A", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    var session = Aws.assume(sb, ops, ROLE_A, null);
    try (var iam = Aws.iam(sb, session)) {
      assertThatThrownBy(iam::getAccountPasswordPolicy).isInstanceOf(NoSuchEntityException.class);
      assertThatThrownBy(() -> iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(12)))
          .isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::222222222222:assumed-role/A/test"
                + " is not authorized to perform: iam:UpdateAccountPasswordPolicy on resource: *"
                + " because no identity-based policy allows the iam:UpdateAccountPasswordPolicy action");
          });
    }
    assertThat(sb.account("222222222222").iam().passwordPolicy()).isEmpty();
  }

  @Test
  void aPrincipalWithoutPoliciesMayDoAnything() {
    try (var iam = Aws.iam(sb, ops)) {
      iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(12));
    }
    assertThat(mgmt.iam().passwordPolicy()).isPresent();
  }
}
