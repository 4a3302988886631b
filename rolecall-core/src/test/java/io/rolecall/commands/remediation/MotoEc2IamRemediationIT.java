package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.access.AwsCliJson;
import io.rolecall.auth.AuthSettings;
import io.rolecall.command.CommandExecutor;
import io.rolecall.command.Execution;
import io.rolecall.sandbox.external.MotoServer;
import io.rolecall.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The EC2 and IAM remediation commands against moto_server, the state read back by the AWS CLI (v1): a second
 * emulator and a second client, neither written here. moto supports every call these commands make
 * (RevokeSecurityGroupIngress/Egress, ModifyInstanceAttribute groups, Modify/DescribeSnapshotAttribute,
 * Modify/DescribeImageAttribute, UpdateAccessKey, Get/DeleteLoginProfile, RemoveRoleFromInstanceProfile). Skipped,
 * saying why, without moto_server or the AWS CLI.
 */
class MotoEc2IamRemediationIT {
  static final String KEY = MotoCommands.KEY;
  static final String SECRET = MotoCommands.SECRET;
  static MotoServer moto;

  @TempDir
  Path dir;
  MotoCommands rig;
  Store store;
  CommandExecutor executor;
  AuthSettings settings;
  Ec2Client ec2;
  IamClient iam;

  @BeforeAll
  static void startMoto() {
    moto = MotoCommands.startOrSkip(MotoEc2IamRemediationIT.class, true);
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void engine() {
    rig = new MotoCommands(moto, dir);
    store = rig.store;
    executor = rig.executor;
    settings = rig.settings().build();
    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));
    ec2 = Ec2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(creds)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL).credentialsProvider(creds)
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @AfterEach
  void close() {
    ec2.close();
    iam.close();
    rig.close();
  }

  Execution run(String command, Map<String, String> args) {
    var e = executor.execute(settings, command, args);
    assertThat(e.exitCode()).as(command + ": " + e.failures()).isZero();
    return e;
  }

  static JsonNode cli(String... command) throws Exception {
    return AwsCliJson.run(moto.endpoint(), MotoCommands.KEY, MotoCommands.SECRET, command);
  }

  private String group(String name) {
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
    return ec2.createSecurityGroup(r -> r.groupName(name).description(name).vpcId(vpc)).groupId();
  }

  private static List<String> ingress(JsonNode group, String field) {
    var out = new ArrayList<String>();
    for (JsonNode p : group.path(field)) {
      p.path("IpRanges").forEach(r -> out.add(p.path("IpProtocol").asText() + " " + p.path("FromPort").asText("")
          + " " + r.path("CidrIp").asText()));
      p.path("Ipv6Ranges").forEach(r -> out.add(p.path("IpProtocol").asText() + " " + p.path("FromPort").asText("")
          + " " + r.path("CidrIpv6").asText()));
    }
    return out;
  }

  @Test
  void ingressAndEgressRevokeAsTheCliReadsThem() throws Exception {
    String g = group("open");
    ec2.authorizeSecurityGroupIngress(r -> r.groupId(g).ipPermissions(
        p -> p.ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(x -> x.cidrIp("0.0.0.0/0")),
        p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
    run("aws-ec2-security-group-ingress-revoke", Map.of("group_id", g, "protocol", "tcp", "port", "22",
        "cidr", "0.0.0.0/0"));
    run("aws-ec2-security-group-egress-revoke", Map.of("group_id", g, "protocol", "-1", "cidr", "0.0.0.0/0"));
    var read = cli("ec2", "describe-security-groups", "--group-ids", g).path("SecurityGroups").get(0);
    assertThat(ingress(read, "IpPermissions")).containsExactly("tcp 443 0.0.0.0/0");
    assertThat(ingress(read, "IpPermissionsEgress")).isEmpty();
    assertThat(store.auditJournal().recent(10)).hasSize(2);
  }

  @Test
  void theQuarantineMoveAsTheCliReadsIt() throws Exception {
    String web = group("web");
    String quarantine = ec2.createSecurityGroup(r -> r.groupName("quarantine").description("q")
        .vpcId(ec2.describeSecurityGroups(q -> q.groupIds(web)).securityGroups().getFirst().vpcId())).groupId();
    String id = ec2.runInstances(r -> r.imageId("ami-0c02fb55956c7d316").minCount(1).maxCount(1)
        .securityGroupIds(web)).instances().getFirst().instanceId();
    run("aws-ec2-instance-attribute-modify", Map.of("instance_id", id, "groups", quarantine));
    var groups = cli("ec2", "describe-instances", "--instance-ids", id).path("Reservations").get(0)
        .path("Instances").get(0).path("SecurityGroups");
    assertThat(groups).extracting(n -> n.path("GroupId").asText()).containsExactly(quarantine);
  }

  @Test
  void snapshotAndAmiMadePrivateAsTheCliReadsThem() throws Exception {
    String volume = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(8)).volumeId();
    String snap = ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId();
    ec2.modifySnapshotAttribute(r -> r.snapshotId(snap).attribute("createVolumePermission").operationType("add")
        .groupNames("all"));
    String instance = ec2.runInstances(r -> r.imageId("ami-0c02fb55956c7d316").minCount(1).maxCount(1)).instances()
        .getFirst().instanceId();
    String ami = ec2.createImage(r -> r.instanceId(instance).name("golden")).imageId();
    ec2.modifyImageAttribute(r -> r.imageId(ami).attribute("launchPermission").operationType("add").userGroups("all"));
    assertThat(cli("ec2", "describe-snapshot-attribute", "--snapshot-id", snap, "--attribute",
        "createVolumePermission").path("CreateVolumePermissions")).isNotEmpty();

    run("aws-ec2-snapshot-attribute-modify", Map.of("snapshot_id", snap, "operation_type", "remove", "group", "all"));
    run("aws-ec2-image-attribute-modify", Map.of("image_id", ami, "attribute", "launchPermission",
        "operation_type", "remove", "user_groups", "all"));
    assertThat(cli("ec2", "describe-snapshot-attribute", "--snapshot-id", snap, "--attribute",
        "createVolumePermission").path("CreateVolumePermissions")).isEmpty();
    assertThat(cli("ec2", "describe-image-attribute", "--image-id", ami, "--attribute", "launchPermission")
        .path("LaunchPermissions")).isEmpty();
  }

  @Test
  void accessKeyLoginProfileAndInstanceProfileAsTheCliReadsThem() throws Exception {
    iam.createUser(r -> r.userName("ann"));
    String key = iam.createAccessKey(r -> r.userName("ann")).accessKey().accessKeyId();
    iam.createLoginProfile(r -> r.userName("ann").password("Initial-Passw0rd!"));
    iam.createRole(r -> r.roleName("web-role").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
        + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    iam.createInstanceProfile(r -> r.instanceProfileName("web-profile"));
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("web-profile").roleName("web-role"));

    run("aws-iam-access-key-update", Map.of("user_name", "ann", "access_key_id", key, "status", "Inactive"));
    run("aws-iam-login-profile-delete", Map.of("user_name", "ann"));
    run("aws-iam-role-from-instance-profile-remove", Map.of("instance_profile_name", "web-profile",
        "role_name", "web-role"));

    assertThat(cli("iam", "list-access-keys", "--user-name", "ann").path("AccessKeyMetadata").get(0)
        .path("Status").asText()).isEqualTo("Inactive");
    assertThat(cli("iam", "get-instance-profile", "--instance-profile-name", "web-profile").path("InstanceProfile")
        .path("Roles")).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> iam.getLoginProfile(r -> r.userName("ann")))
        .isInstanceOf(software.amazon.awssdk.services.iam.model.NoSuchEntityException.class);
    assertThat(store.auditJournal().recent(10)).hasSize(3);
  }
}
