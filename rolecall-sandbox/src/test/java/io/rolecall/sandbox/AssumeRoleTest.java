package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** AssumeRole through the AWS SDK: the role's trust policy decides, as in AWS. */
class AssumeRoleTest {
  static final String MGMT = "111111111111", TARGET = "222222222222";
  static final String ROLE_ARN = "arn:aws:iam::222222222222:role/RolecallAudit";
  static final String OPS_ARN = "arn:aws:iam::111111111111:user/ops";

  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account(MGMT).iam().createUserWithAccessKey("ops");

  @AfterEach
  void close() {
    sb.close();
  }

  AssumeRoleResponse assume(AccessKey as, AssumeRoleRequest.Builder request) {
    try (var sts = Aws.sts(sb, as)) {
      return sts.assumeRole(request.build());
    }
  }

  AssumeRoleResponse assume(AccessKey as, String roleArn) {
    return assume(as, req(roleArn));
  }

  static AssumeRoleRequest.Builder req(String roleArn) {
    return AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("s1");
  }

  static void assertDenied(Runnable call, String caller, String roleArn) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("User: " + caller + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
    });
  }

  static void assertValidation(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    });
  }

  @Test
  void accountTrustIssuesTemporaryCredentialsThatActInTheTargetAccount() {
    sb.account(TARGET).iam().createRole("RolecallAudit", TrustPolicy.trustingAccount(MGMT));
    var response = assume(ops, ROLE_ARN);

    var c = response.credentials();
    assertThat(c.accessKeyId()).startsWith("ASIA").hasSize(20);
    assertThat(c.secretAccessKey()).hasSize(40);
    assertThat(c.sessionToken()).isNotBlank();
    assertThat(c.expiration()).isCloseTo(Instant.now().plusSeconds(3600), within(5, ChronoUnit.SECONDS));
    assertThat(response.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/RolecallAudit/s1");

    try (var iam = Aws.iam(sb, Aws.key(c))) {
      iam.updateAccountPasswordPolicy(UpdateAccountPasswordPolicyRequest.builder().minimumPasswordLength(14).build());
    }
    assertThat(sb.account(TARGET).iam().passwordPolicy()).hasValueSatisfying(p ->
        assertThat(p.minimumPasswordLength()).isEqualTo(14));
    assertThat(sb.account(MGMT).iam().passwordPolicy()).isEmpty();
  }

  @Test
  void principalMismatchIsDenied() {
    sb.account(MGMT).iam().createUser("other");
    sb.account(TARGET).iam().createRole("RolecallAudit",
        TrustPolicy.trusting("arn:aws:iam::111111111111:user/other"));
    assertDenied(() -> assume(ops, ROLE_ARN), OPS_ARN, ROLE_ARN);

    sb.account(TARGET).iam().createRole("OtherAccount", TrustPolicy.trustingAccount("333333333333"));
    String other = "arn:aws:iam::222222222222:role/OtherAccount";
    assertDenied(() -> assume(ops, other), OPS_ARN, other);
  }

  @Test
  void trustNamingTheUserOrTheAccountIdAllows() {
    sb.account(TARGET).iam().createRole("RolecallAudit", TrustPolicy.trusting(OPS_ARN));
    sb.account(TARGET).iam().createRole("ByAccountId", TrustPolicy.trusting(MGMT));
    assertThat(assume(ops, ROLE_ARN).credentials()).isNotNull();
    assertThat(assume(ops, "arn:aws:iam::222222222222:role/ByAccountId").credentials()).isNotNull();
  }

  @Test
  void externalIdMustMatch() {
    sb.account(TARGET).iam().createRole("RolecallAudit", TrustPolicy.trustingAccount(MGMT).withExternalId("xyz-123"));
    assertThat(assume(ops, req(ROLE_ARN).externalId("xyz-123")).credentials()).isNotNull();
    assertDenied(() -> assume(ops, req(ROLE_ARN).externalId("xyz-124")), OPS_ARN, ROLE_ARN);
    assertDenied(() -> assume(ops, ROLE_ARN), OPS_ARN, ROLE_ARN);
  }

  @Test
  void externalIdStringLike() {
    sb.account(TARGET).iam().createRole("RolecallAudit", """
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"111111111111"},
         "Action":"sts:AssumeRole","Condition":{"StringLike":{"sts:ExternalId":"customer-*"}}}}""");
    assertThat(assume(ops, req(ROLE_ARN).externalId("customer-42")).credentials()).isNotNull();
    assertDenied(() -> assume(ops, req(ROLE_ARN).externalId("vendor-42")), OPS_ARN, ROLE_ARN);
  }

  @Test
  void explicitDenyWins() {
    var other = sb.account(MGMT).iam().createUserWithAccessKey("other");
    sb.account(TARGET).iam().createRole("RolecallAudit", """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"},
          {"Effect":"Deny","Principal":{"AWS":["arn:aws:iam::111111111111:user/ops"]},"Action":"sts:*"}]}""");
    assertDenied(() -> assume(ops, ROLE_ARN), OPS_ARN, ROLE_ARN);
    assertThat(assume(other, ROLE_ARN).credentials()).isNotNull();
  }

  @Test
  void principalArnCondition() {
    var other = sb.account(MGMT).iam().createUserWithAccessKey("other");
    sb.account(TARGET).iam().createRole("RolecallAudit", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole",
          "Condition":{"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::111111111111:user/other"}}}]}""");
    assertDenied(() -> assume(ops, ROLE_ARN), OPS_ARN, ROLE_ARN);
    assertThat(assume(other, ROLE_ARN).credentials()).isNotNull();
  }

  @Test
  void unsupportedConditionsNeverAllow() {
    sb.account(TARGET).iam().createRole("RolecallAudit", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole",
          "Condition":{"IpAddress":{"aws:SourceIp":"127.0.0.1/32"}}}]}""");
    sb.account(TARGET).iam().createRole("DenyUnknown", """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"},
          {"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole",
           "Condition":{"StringEquals":{"aws:SourceVpc":"vpc-1"}}}]}""");
    assertDenied(() -> assume(ops, ROLE_ARN), OPS_ARN, ROLE_ARN);
    String denyUnknown = "arn:aws:iam::222222222222:role/DenyUnknown";
    assertDenied(() -> assume(ops, denyUnknown), OPS_ARN, denyUnknown);
  }

  @Test
  void mfaConditionNeedsSerialNumberAndTokenCode() {
    sb.account(TARGET).iam().createRole("RolecallAudit", TrustPolicy.trustingAccount(MGMT).requiringMfa());
    assertDenied(() -> assume(ops, ROLE_ARN), OPS_ARN, ROLE_ARN);
    var withMfa = req(ROLE_ARN)
        .serialNumber("arn:aws:iam::111111111111:mfa/ops").tokenCode("123456");
    assertThat(assume(ops, withMfa).credentials()).isNotNull();
  }

  @Test
  void unknownRoleAndAccountLookExactlyLikeADeniedTrust() {
    sb.account(TARGET);
    String missingRole = "arn:aws:iam::222222222222:role/Nope";
    String missingAccount = "arn:aws:iam::999999999999:role/RolecallAudit";
    assertDenied(() -> assume(ops, missingRole), OPS_ARN, missingRole);
    assertDenied(() -> assume(ops, missingAccount), OPS_ARN, missingAccount);
  }

  @Test
  void rootCannotAssumeRoles() {
    sb.account(TARGET).iam().createRole("RolecallAudit", TrustPolicy.trustingAccount(MGMT));
    assertThatThrownBy(() -> assume(sb.account(MGMT).rootAccessKey(), ROLE_ARN))
        .isInstanceOfSatisfying(StsException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Roles may not be assumed by root accounts.");
        });
  }

  @Test
  void durationSecondsIsBoundedByTheRole() {
    sb.account(TARGET).iam().createRole("RolecallAudit", TrustPolicy.trustingAccount(MGMT));
    sb.account(TARGET).iam().createRole("Long", TrustPolicy.trustingAccount(MGMT).json(), 43200);

    assertValidation(() -> assume(ops, req(ROLE_ARN).durationSeconds(3601)),
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    assertValidation(() -> assume(ops, req(ROLE_ARN).durationSeconds(899)),
        "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 900");
    var longOne = assume(ops, req("arn:aws:iam::222222222222:role/Long").durationSeconds(43200));
    assertThat(longOne.credentials().expiration())
        .isCloseTo(Instant.now().plusSeconds(43200), within(5, ChronoUnit.SECONDS));
    assertThat(assume(ops, req(ROLE_ARN).durationSeconds(900)).credentials()
        .expiration()).isCloseTo(Instant.now().plusSeconds(900), within(5, ChronoUnit.SECONDS));
  }

  @Test
  void inputValidation() {
    assertValidation(() -> assume(ops, req("arn:aws:iam::222222222222:user/ops")),
        "Request ARN is invalid");
    assertValidation(() -> assume(ops, req(ROLE_ARN).roleSessionName("has space")), "1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy "
            + "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
  }

  @Test
  void roleChainingWorksAndIsCappedAtOneHour() {
    sb.account(TARGET).iam().createRole("RolecallAudit", TrustPolicy.trustingAccount(MGMT));
    sb.account("333333333333").iam().createRole("Next", TrustPolicy.trusting(ROLE_ARN).json(), 43200);
    String next = "arn:aws:iam::333333333333:role/Next";
    var first = Aws.key(assume(ops, ROLE_ARN).credentials());

    var second = assume(first, next);
    try (var sts = Aws.sts(sb, Aws.key(second.credentials()))) {
      assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::333333333333:assumed-role/Next/s1");
    }
    assertValidation(() -> assume(first, req(next).durationSeconds(7200)),
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
    // Only the sessions of the trusted role may chain: the user itself is not trusted by Next.
    assertDenied(() -> assume(ops, next), OPS_ARN, next);
  }
}
