package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.external.ExternalTools;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** The standalone main, as a benchmark script would use it: start, read the printed lines, call, kill. */
class SandboxMainTest {

  @Test
  void seedsAnEstateThatTheAuditRoleCanReadWithSecurityAuditOnly() throws Exception {
    var options = SandboxMain.parse(new String[] {"--accounts", "3", "--external-id", "x-1", "--users", "7",
        "--keys-per-user", "2", "--groups", "2", "--roles", "3", "--policies", "4", "--vpcs", "1", "--instances", "2",
        "--events", "5", "--regions", "us-east-1,eu-west-1"});
    var printed = new java.io.ByteArrayOutputStream();
    try (var sb = SandboxMain.start(options, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8))) {
      assertThat(printed.toString(StandardCharsets.UTF_8)).contains("AWS_ENDPOINT_URL=" + sb.endpoint());
      var account = sb.account("200000000003");
      assertThat(account.iam().users()).hasSize(7);
      assertThat(account.iam().roles()).hasSize(4);
      assertThat(account.iam().groups()).hasSize(2);
      assertThat(account.iam().policies()).hasSize(4);
      assertThat(account.ec2Network("eu-west-1").networkInterfaces()).hasSize(2);
      assertThat(account.cloudTrail("eu-west-1").events()).hasSize(5);
      var operator = sb.account(SandboxMain.MANAGEMENT_ACCOUNT).iam().createUserWithAccessKey("checker");
      var session = Aws.assume(sb, operator, "arn:aws:iam::200000000003:role/RolecallAudit", "x-1");
      try (var iam = Aws.iam(sb, session)) {
        var details = iam.getAccountAuthorizationDetails(r -> r.maxItems(1000));
        assertThat(details.userDetailList()).hasSize(7);
        assertThat(iam.generateCredentialReport().stateAsString()).isIn("STARTED", "COMPLETE");
        // SecurityAudit reads, it does not write.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> iam.createUser(r -> r.userName("intruder")))
            .isInstanceOfSatisfying(software.amazon.awssdk.services.iam.model.IamException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
      }
    }
  }

  @Test
  void organizationOptionsSeedOusAndIdentityCenterThatTheOperatorCanRead() throws Exception {
    var options = SandboxMain.parse(new String[] {"--accounts", "4", "--ous", "2", "--ic-users", "10", "--ic-groups",
        "3", "--ic-memberships", "2", "--permission-sets", "4", "--assignments-per-account", "2"});
    var printed = new java.io.ByteArrayOutputStream();
    try (var sb = SandboxMain.start(options, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8))) {
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .containsPattern("# organization o-[a-z0-9]{10} of 5 accounts in 2 OUs; Identity Center "
              + "arn:aws:sso:::instance/ssoins-[0-9a-f]{16}, identity store d-[0-9a-f]{10} in us-east-1");
      var operator = sb.account(SandboxMain.MANAGEMENT_ACCOUNT).iam().createUserWithAccessKey("checker");
      try (var sso = software.amazon.awssdk.services.ssoadmin.SsoAdminClient.builder().endpointOverride(sb.endpoint())
          .region(Region.US_EAST_1).credentialsProvider(Aws.credentials(operator))
          .httpClientBuilder(UrlConnectionHttpClient.builder())
          .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
           var orgs = Aws.organizations(sb, operator)) {
        String instance = sso.listInstances(r -> { }).instances().getFirst().instanceArn();
        assertThat(sso.listPermissionSets(r -> r.instanceArn(instance)).permissionSets()).hasSize(4);
        assertThat(sso.listPermissionSetsProvisionedToAccount(r -> r.instanceArn(instance).accountId("200000000003"))
            .permissionSets()).hasSize(2);
        String root = orgs.listRoots(r -> { }).roots().getFirst().id();
        assertThat(orgs.listOrganizationalUnitsForParent(r -> r.parentId(root)).organizationalUnits()).hasSize(2);
        assertThat(orgs.listAccounts(r -> { }).accounts()).hasSize(5);
      }
      assertThat(sb.account("200000000003").iam().roles()).extracting(r -> r.name())
          .contains("RolecallAudit").anyMatch(n -> n.startsWith("AWSReservedSSO_"));
    }
  }

  @Test
  void badOptionsAreRefusedWithTheReason() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--users", "x"}))
        .hasMessage("--users: expected a whole number from 0 to 2147483647, got 'x'");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "abc"}))
        .hasMessage("--port: expected a whole number from 0 to 65535, got 'abc'");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "\uff14\uff15"}))
        .hasMessageStartingWith("--port: expected a whole number");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--port", "70000"}))
        .hasMessageStartingWith("--port: expected a whole number from 0 to 65535");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--keys-per-user", "3"}))
        .hasMessageContaining("keysPerUser is 0 to 2");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--instances", "2"}))
        .hasMessageContaining("instances need a VPC");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--ic-groups", "2",
        "--ic-memberships", "3"})).hasMessageContaining("cannot exceed groups");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxMain.parse(new String[] {"--ous", "-1"}))
        .hasMessageContaining("--ous");
  }

  @Test
  void printsEndpointAndOperatorKeysAndSeedsTargetAccounts() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        SandboxMain.class.getName(), "--accounts", "2", "--external-id", "bench").redirectErrorStream(true).start();
    try {
      var lines = new HashMap<String, String>();
      for (String line : ExternalTools.Lines.of(process).await(l -> l.startsWith("AWS_DEFAULT_REGION="),
          Duration.ofSeconds(120))) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          lines.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      assertThat(lines).containsKeys("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
      var operator = new AccessKey(lines.get("AWS_ACCESS_KEY_ID"), lines.get("AWS_SECRET_ACCESS_KEY"));
      try (var sts = StsClient.builder().endpointOverride(URI.create(lines.get("AWS_ENDPOINT_URL")))
          .region(Region.US_EAST_1).credentialsProvider(Aws.credentials(operator))
          .httpClientBuilder(UrlConnectionHttpClient.builder())
          .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
        assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111111111111:user/operator");
        var session = sts.assumeRole(r -> r.roleArn("arn:aws:iam::200000000002:role/RolecallAudit")
            .roleSessionName("bench").externalId("bench"));
        assertThat(session.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::200000000002:assumed-role/RolecallAudit/bench");
      }
    } finally {
      process.destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
