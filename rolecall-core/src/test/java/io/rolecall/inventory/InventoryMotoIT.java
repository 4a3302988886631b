package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.command.AccountSelection;
import io.rolecall.sandbox.external.AwsCli;
import io.rolecall.sandbox.external.ExternalTools;
import io.rolecall.sandbox.external.MotoServer;
import io.rolecall.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Cross-check against an emulator nobody here wrote: rolecall's IAM and EC2 counts for moto's default account
 * equal what the AWS CLI lists for it. (moto does not check trust policies, and has no LookupEvents.)
 */
class InventoryMotoIT {
  static final String ACCOUNT = "123456789012";
  static final String KEY = "AKIAROLECALLMOTO0001";
  static final String SECRET = "moto-secret-not-checked";
  static MotoServer moto;

  @BeforeAll
  static void start() {
    boolean cli = ExternalTools.awsCli().isPresent();
    moto = cli ? MotoServer.startIfInstalled().orElse(null) : null;
    if (moto == null) {
      System.err.println("InventoryMotoIT skipped: needs moto_server and the AWS CLI ('aws') on PATH");
    }
    Assumptions.assumeTrue(moto != null, "moto_server and the AWS CLI are needed");
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void iamAndEc2CountsEqualTheAwsCliListing() throws Exception {
    seed();
    var settings = AuthSettings.builder().region("us-east-1").accessKey(KEY).secretKey(Secret.of(SECRET))
        .roleName("RolecallAudit").externalId("moto-check").endpointUrl(moto.endpoint()).retries(2).build();
    var dir = Files.createTempDirectory("rolecall-moto");
    try (var store = new InventoryStore(Store.open(dir.resolve("moto.db").toString())); var sessions = new Sessions()) {
      var request = new InventorySync.Request(AccountSelection.of(List.of(ACCOUNT)), List.of("us-east-1"),
          EnumSet.of(Part.IAM, Part.EC2), 1, Duration.ofDays(1));
      var result = new InventorySync(sessions, store, new RateLimits(), Clock.systemUTC()).run(settings, request,
          InventorySync.Listener.NONE);
      assertThat(result.accounts().getFirst().error()).isNull();
      @SuppressWarnings("unchecked")
      var row = ((List<Map<String, Object>>) Summary.current(store, List.of()).orElseThrow().get("accounts")).getFirst();

      assertThat(row.get("users")).isEqualTo(count("iam", "list-users", "Users"));
      assertThat(row.get("groups")).isEqualTo(count("iam", "list-groups", "Groups"));
      assertThat(row.get("roles")).isEqualTo(count("iam", "list-roles", "Roles"));
      assertThat(row.get("localPolicies")).isEqualTo(count("iam", "list-policies --scope Local", "Policies"));
      assertThat(row.get("awsPolicies")).isEqualTo(count("iam", "list-policies --scope AWS --only-attached", "Policies"));
      long keys = 0;
      for (JsonNode u : aws("iam list-users").get("Users")) {
        keys += aws("iam list-access-keys --user-name " + u.get("UserName").asText()).get("AccessKeyMetadata").size();
      }
      assertThat(row.get("accessKeys")).isEqualTo(keys);
      long instances = 0;
      for (JsonNode r : aws("ec2 describe-instances").get("Reservations")) {
        instances += r.get("Instances").size();
      }
      assertThat(row.get("instances")).isEqualTo(instances);
      assertThat(row.get("vpcs")).isEqualTo(count("ec2", "describe-vpcs", "Vpcs"));
      assertThat(row.get("subnets")).isEqualTo(count("ec2", "describe-subnets", "Subnets"));
      assertThat(row.get("securityGroups")).isEqualTo(count("ec2", "describe-security-groups", "SecurityGroups"));
      assertThat(row.get("networkInterfaces")).isEqualTo(count("ec2", "describe-network-interfaces", "NetworkInterfaces"));
      // Not vacuous: the seeded entities are there.
      assertThat((Long) row.get("users")).isGreaterThanOrEqualTo(5);
      assertThat((Long) row.get("instances")).isEqualTo(3);
    }
  }

  private static void seed() {
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));
    try (var iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL).credentialsProvider(creds)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        var ec2 = Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(creds)
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      iam.createRole(r -> r.roleName("RolecallAudit").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
          + "[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"));
      String policy = iam.createPolicy(r -> r.policyName("read").policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
          + "[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}")).policy().arn();
      iam.createGroup(r -> r.groupName("devs"));
      iam.attachGroupPolicy(r -> r.groupName("devs").policyArn(policy));
      for (int i = 0; i < 5; i++) {
        String user = "user-" + i;
        iam.createUser(r -> r.userName(user));
        iam.addUserToGroup(r -> r.groupName("devs").userName(user));
        for (int k = 0; k <= i % 2; k++) {
          iam.createAccessKey(r -> r.userName(user));
        }
      }
      var vpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
      var subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.1.0/24")).subnet().subnetId();
      ec2.createSecurityGroup(r -> r.groupName("web").description("web").vpcId(vpc));
      ec2.runInstances(r -> r.imageId("ami-12c6146b").minCount(3).maxCount(3).subnetId(subnet).instanceType("t3.micro"));
    }
  }

  private static long count(String service, String command, String field) throws Exception {
    return aws(service + " " + command).get(field).size();
  }

  private static JsonNode aws(String command) throws Exception {
    var r = AwsCli.run(moto.endpoint(), Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET),
        command.split(" "));
    assertThat(r.exit()).as("aws " + command + ": " + r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }
}
