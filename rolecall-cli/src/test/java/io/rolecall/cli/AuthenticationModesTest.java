package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.external.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Every way of authenticating (SPEC §1), end to end: the rolecall command line, the real SDK, HTTP
 * to the sandbox (which checks SigV4 signatures, trust policies and ExternalIds). The account a
 * command ends up in is read from its JSON output, so each test shows whose credentials were used.
 */
class AuthenticationModesTest {
  static final String ENGINE_ACCOUNT = "111111111111";
  static final String TARGET = "222222222222";
  static final String OTHER = "333333333333";
  static final String EXTERNAL_ID = "ext-4f1c2a";
  static final String ROLE = "RolecallTarget";

  static Sandbox sandbox;
  static AccessKey engine;

  @TempDir
  Path tmp;

  @BeforeAll
  static void seed() {
    sandbox = Sandbox.start();
    engine = sandbox.account(ENGINE_ACCOUNT).iam().createUserWithAccessKey("engine");
    String engineArn = "arn:aws:iam::" + ENGINE_ACCOUNT + ":user/engine";
    sandbox.account(TARGET).iam().createRole(ROLE, TrustPolicy.trusting(engineArn).withExternalId(EXTERNAL_ID));
    sandbox.account(OTHER).iam().createRole(ROLE, TrustPolicy.trusting(engineArn));
    // The engine's own EC2 instance role, served by the sandbox's IMDS.
    sandbox.account(ENGINE_ACCOUNT).iam().createRole("EngineInstanceRole", TrustPolicy.trustingService("ec2.amazonaws.com"));
    sandbox.imds().attachInstanceRole(sandbox.account(ENGINE_ACCOUNT), "EngineInstanceRole");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static List<String> endpoint(String... more) {
    var args = new java.util.ArrayList<>(List.of("--endpoint-url", sandbox.endpoint().toString(), "--region", "us-east-1"));
    args.addAll(List.of(more));
    return args;
  }

  private static List<String> keys(String... more) {
    var args = endpoint("--access-key", engine.accessKeyId(), "--secret-key", engine.secretAccessKey());
    args.addAll(List.of(more));
    return args;
  }

  private static CliRun policyGet(List<String> flags, String... commandArgs) {
    var args = new java.util.ArrayList<>(flags);
    args.add("aws-iam-account-password-policy-get");
    args.addAll(List.of(commandArgs));
    args.addAll(List.of("-o", "json"));
    return CliRun.inProcess(Map.of(), args.toArray(String[]::new));
  }

  private static void assertRanIn(CliRun run, String account) {
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"AccountId\" : \"" + account + "\"");
  }

  @Test
  void staticKeys() {
    assertRanIn(policyGet(keys()), ENGINE_ACCOUNT);
  }

  @Test
  void sessionTokenCarriedInTheSecretWithAtAtAt() {
    Credentials temp = assumeAsEngine(TARGET, EXTERNAL_ID);
    var run = policyGet(endpoint("--access-key", temp.accessKeyId(),
        "--secret-key", temp.secretAccessKey() + "@@@" + temp.sessionToken()));
    assertRanIn(run, TARGET);
  }

  @Test
  void explicitSessionTokenWinsOverTheAtAtAtOne() {
    Credentials temp = assumeAsEngine(TARGET, EXTERNAL_ID);
    assertRanIn(policyGet(endpoint("--access-key", temp.accessKeyId(),
        "--secret-key", temp.secretAccessKey() + "@@@not-the-token", "--session-token", temp.sessionToken())), TARGET);
    var wrong = policyGet(endpoint("--access-key", temp.accessKeyId(),
        "--secret-key", temp.secretAccessKey() + "@@@" + temp.sessionToken(), "--session-token", "not-the-token"));
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.err()).contains("InvalidClientTokenId");
  }

  @Test
  void profileFromTheSharedFiles() throws Exception {
    Path credentials = tmp.resolve("credentials");
    Files.writeString(credentials, "[prod]\naws_access_key_id = " + engine.accessKeyId()
        + "\naws_secret_access_key = " + engine.secretAccessKey() + "\n");
    Path config = tmp.resolve("config");
    Files.writeString(config, "[profile prod]\nregion = us-east-1\n");
    var run = CliRun.subprocess(Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString(), "AWS_CONFIG_FILE",
        config.toString()), "--endpoint-url", sandbox.endpoint().toString(), "--profile", "prod",
        "aws-iam-account-password-policy-get", "-o", "json");
    assertRanIn(run, ENGINE_ACCOUNT);
  }

  @Test
  void profileThatAssumesARoleWithExternalId() throws Exception {
    Path credentials = tmp.resolve("credentials");
    Files.writeString(credentials, "[base]\naws_access_key_id = " + engine.accessKeyId()
        + "\naws_secret_access_key = " + engine.secretAccessKey() + "\n");
    Path config = tmp.resolve("config");
    Files.writeString(config, "[profile target]\nregion = us-east-1\nrole_arn = arn:aws:iam::" + TARGET + ":role/" + ROLE
        + "\nsource_profile = base\nexternal_id = " + EXTERNAL_ID + "\n");
    var run = CliRun.subprocess(Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString(), "AWS_CONFIG_FILE",
        config.toString(), "AWS_ENDPOINT_URL", sandbox.endpoint().toString()), "--profile", "target",
        "aws-iam-account-password-policy-get", "-o", "json");
    assertRanIn(run, TARGET);
  }

  @Test
  void environmentVariablesThroughTheDefaultChain() {
    var env = new HashMap<>(engine.env());
    env.put("AWS_ENDPOINT_URL", sandbox.endpoint().toString());
    env.put("AWS_REGION", "us-east-1");
    assertRanIn(CliRun.subprocess(env, "aws-iam-account-password-policy-get", "-o", "json"), ENGINE_ACCOUNT);
  }

  @Test
  void sessionCredentialsFromTheEnvironment() {
    Credentials temp = assumeAsEngine(TARGET, EXTERNAL_ID);
    var env = Map.of("AWS_ACCESS_KEY_ID", temp.accessKeyId(), "AWS_SECRET_ACCESS_KEY", temp.secretAccessKey(),
        "AWS_SESSION_TOKEN", temp.sessionToken(), "AWS_ENDPOINT_URL", sandbox.endpoint().toString(),
        "AWS_REGION", "us-east-1");
    assertRanIn(CliRun.subprocess(env, "aws-iam-account-password-policy-get", "-o", "json"), TARGET);
  }

  /** The SDK's chain asks the JVM's system properties before the environment; rolecall's shortcut must too. */
  @Test
  void systemPropertyKeysWinOverTheEnvironmentAsInTheDefaultChain() {
    var env = Map.of("AWS_ACCESS_KEY_ID", "AKIAWRONGWRONGWRONG0", "AWS_SECRET_ACCESS_KEY", "wrong",
        "AWS_ENDPOINT_URL", sandbox.endpoint().toString(), "AWS_REGION", "us-east-1",
        "JAVA_TOOL_OPTIONS", "-Daws.accessKeyId=" + engine.accessKeyId() + " -Daws.secretAccessKey="
            + engine.secretAccessKey());
    assertRanIn(CliRun.subprocess(env, "aws-iam-account-password-policy-get", "-o", "json"), ENGINE_ACCOUNT);
  }

  @Test
  void ec2InstanceMetadataWithImdsV2ThenAssumeRole() {
    // No keys anywhere: the default chain reaches IMDS (token first, as IMDSv2 requires), gets the
    // instance role's credentials, and uses them to assume the target role (seed 000's set-up).
    sandbox.account(TARGET).iam().updateTrustPolicy(ROLE, TrustPolicy.trusting(
        "arn:aws:iam::" + ENGINE_ACCOUNT + ":user/engine", "arn:aws:iam::" + ENGINE_ACCOUNT + ":role/EngineInstanceRole")
        .withExternalId(EXTERNAL_ID).json());
    sandbox.calls().reset();
    var env = Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", sandbox.endpoint().toString(),
        "AWS_ENDPOINT_URL", sandbox.endpoint().toString(), "AWS_REGION", "us-east-1");
    assertRanIn(CliRun.subprocess(env, "aws-iam-account-password-policy-get", "-o", "json"), ENGINE_ACCOUNT);
    assertThat(sandbox.calls().count("imds", "GetToken")).isPositive();
    assertRanIn(CliRun.subprocess(env, "--role-name", ROLE, "--external-id", EXTERNAL_ID,
        "aws-iam-account-password-policy-get", "account_id=" + TARGET, "-o", "json"), TARGET);
  }

  @Test
  void ec2InstanceMetadataAgainstMotoServer() {
    var moto = MotoServer.startIfInstalled();
    assumeTrue(moto.isPresent(), "moto_server is not installed: skipping the IMDS cross-check against moto");
    try (var server = moto.get()) {
      var env = Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.endpoint().toString(),
          "AWS_ENDPOINT_URL", server.endpoint().toString(), "AWS_REGION", "us-east-1");
      var run = CliRun.subprocess(env, "aws-iam-account-password-policy-get", "-o", "json");
      assertRanIn(run, "123456789012");
    }
  }

  @Test
  void instanceLevelRoleArnWithExternalId() {
    var run = policyGet(keys("--role-arn", "arn:aws:iam::" + TARGET + ":role/" + ROLE, "--role-session-name", "xsoar",
        "--external-id", EXTERNAL_ID));
    assertRanIn(run, TARGET);
  }

  @Test
  void commandLevelRoleArnOverridesTheInstance() {
    var run = policyGet(keys("--external-id", EXTERNAL_ID),
        "roleArn=arn:aws:iam::" + TARGET + ":role/" + ROLE, "roleSessionName=playbook-1");
    assertRanIn(run, TARGET);
  }

  @Test
  void roleNamePlusAccountId() {
    assertRanIn(policyGet(keys("--role-name", ROLE, "--external-id", EXTERNAL_ID), "account_id=" + TARGET), TARGET);
  }

  @Test
  void wrongExternalIdIsAClearAccessDeniedNamingRoleAndAccount() {
    var run = policyGet(keys("--role-name", ROLE, "--external-id", "not-the-right-one"), "account_id=" + TARGET);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("cannot assume role arn:aws:iam::" + TARGET + ":role/" + ROLE + " in account " + TARGET)
        .contains("AccessDenied")
        .contains("ExternalId sent does not match")
        .doesNotContain("Exception", "\tat ");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void missingExternalIdIsExplainedToo() {
    var run = policyGet(keys("--role-name", ROLE), "account_id=" + TARGET);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("requires an ExternalId (none was sent)");
  }

  @Test
  void roleArnWithoutSessionNameIsAUsageError() {
    var run = policyGet(keys("--role-arn", "arn:aws:iam::" + TARGET + ":role/" + ROLE));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("rolecall: role-session-name: required when role-arn is set"
        + " (letters, digits and +=,.@-, 2 to 64 characters)\n");
    var argument = policyGet(keys(), "roleArn=arn:aws:iam::" + TARGET + ":role/" + ROLE);
    assertThat(argument.exit()).isEqualTo(2);
    assertThat(argument.err()).contains("argument 'roleSessionName' is required with roleArn");
  }

  @Test
  void badTimeoutsNameTheTwoAcceptedForms() {
    for (String bad : List.of("abc", "60,", ",10", "60,10,5", "0", "-5")) {
      var run = policyGet(keys("--timeout", bad));
      assertThat(run.exit()).as(bad).isEqualTo(2);
      assertThat(run.err()).as(bad).startsWith("rolecall: --timeout: expected READ or READ,CONNECT in whole seconds");
    }
    var argument = policyGet(keys(), "timeout=1,2,3");
    assertThat(argument.exit()).isEqualTo(2);
    assertThat(argument.err()).contains("argument 'timeout'");
    assertRanIn(policyGet(keys("--timeout", "30")), ENGINE_ACCOUNT);
    assertRanIn(policyGet(keys("--timeout", "30,5")), ENGINE_ACCOUNT);
  }

  @Test
  void elevenRetriesAreRefused() {
    var run = policyGet(keys("--retries", "11"));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("rolecall: retries: expected 0 (no retries) to 10, got 11\n");
    // The command argument follows upstream (issue 13, item 4): capped at 10, with a warning, not refused.
    var argument = policyGet(keys(), "retries=11");
    assertThat(argument.exit()).as(argument.err()).isZero();
    assertThat(argument.err()).contains("retries=11 is above the limit of 10; 10 retries were used");
  }

  @Test
  void throttlingIsRetriedUpToTheConfiguredCount() {
    sandbox.faults().clear();
    sandbox.calls().reset();
    sandbox.faults().on("iam").action("GetAccountPasswordPolicy").throttle(2);
    assertRanIn(policyGet(keys("--retries", "2")), ENGINE_ACCOUNT);
    assertThat(sandbox.calls().count("iam", "GetAccountPasswordPolicy")).isEqualTo(3);

    sandbox.calls().reset();
    sandbox.faults().on("iam").action("GetAccountPasswordPolicy").throttle(3);
    var exhausted = policyGet(keys("--retries", "2"));
    assertThat(exhausted.exit()).isEqualTo(1);
    assertThat(exhausted.err()).contains("Throttling").contains("after 3 attempts");
    assertThat(sandbox.calls().count("iam", "GetAccountPasswordPolicy")).isEqualTo(3);

    sandbox.calls().reset();
    sandbox.faults().clear();
    sandbox.faults().on("iam").action("GetAccountPasswordPolicy").throttle(1);
    var noRetries = policyGet(keys("--retries", "0"));
    assertThat(noRetries.exit()).isEqualTo(1);
    assertThat(sandbox.calls().count("iam", "GetAccountPasswordPolicy")).isEqualTo(1);
    sandbox.faults().clear();
  }

  @Test
  void insecurePrintsAWarning() {
    var run = policyGet(keys("--insecure"));
    assertThat(run.exit()).isZero();
    assertThat(run.err()).contains("warning: TLS certificate verification is OFF (--insecure)");
  }

  private static Credentials assumeAsEngine(String account, String externalId) {
    try (var sts = StsClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(engine.accessKeyId(), engine.secretAccessKey()))).build()) {
      return sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/" + ROLE).roleSessionName("test")
          .externalId(externalId)).credentials();
    }
  }
}
