package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.seed.EstateSpec;
import io.rolecall.sandbox.seed.Seeder;
import io.rolecall.sandbox.service.ec2network.SecurityGroup;
import io.rolecall.sandbox.service.ec2network.SecurityGroup.Rule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI (botocore) against the sandbox's EC2 and IAM remediation calls: the wire format and error codes a
 * second client reads (security group revokes with IPv4 and IPv6 ranges, snapshot and AMI permissions, access key
 * status, login profiles, instance profiles), and the risky estate {@link EstateSpec#withRisks} seeds. Skipped,
 * saying so, when {@code aws} is not on PATH.
 */
class AwsCliEc2IamRemediationIT {
  static final String ACCOUNT = "111111111111";
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account(ACCOUNT).iam().createUserWithAccessKey("ops");
  final AwsCli cli = new AwsCli(sb);

  @BeforeAll
  static void requireCli() {
    if (!AwsCli.installed()) System.err.println("AwsCliEc2IamRemediationIT skipped: the AWS CLI ('aws') is not on PATH");
    Assumptions.assumeTrue(AwsCli.installed(), "the AWS CLI ('aws') is not on PATH");
  }

  @AfterEach
  void close() {
    sb.close();
  }

  @Test
  void securityGroupRevokesReadBackAndUnknownRulesAreNoError() throws Exception {
    var net = sb.account(ACCOUNT).ec2Network("us-east-1");
    var vpc = net.createVpc("10.3.0.0/16");
    SecurityGroup g = net.createSecurityGroup(vpc.vpcId(), "open", "open", List.of(new Rule("tcp", 22, 22, "0.0.0.0/0"),
        new Rule("tcp", 22, 22, "::/0")));
    var described = cli.run(ops, "ec2", "describe-security-groups", "--group-ids", g.groupId()).json()
        .get("SecurityGroups").get(0);
    assertThat(described.toString()).contains("\"CidrIpv6\":\"::/0\"", "\"CidrIp\":\"0.0.0.0/0\"");
    var revoked = cli.run(ops, "ec2", "revoke-security-group-ingress", "--group-id", g.groupId(), "--ip-permissions",
        "IpProtocol=tcp,FromPort=22,ToPort=22,Ipv6Ranges=[{CidrIpv6=::/0}]");
    assertThat(revoked.exit()).as(revoked.err()).isZero();
    assertThat(revoked.json().get("Return").asBoolean()).isTrue();
    assertThat(net.requireGroup(g.groupId()).ingress()).containsExactly(new Rule("tcp", 22, 22, "0.0.0.0/0"));
    var unknown = cli.run(ops, "ec2", "revoke-security-group-ingress", "--group-id", g.groupId(), "--protocol", "tcp",
        "--port", "3389", "--cidr", "0.0.0.0/0");
    assertThat(unknown.exit()).as(unknown.err()).isZero();
    assertThat(unknown.json().get("UnknownIpPermissions").get(0).get("FromPort").asInt()).isEqualTo(3389);
    var egress = cli.run(ops, "ec2", "revoke-security-group-egress", "--group-id", g.groupId(), "--ip-permissions",
        "IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]");
    assertThat(egress.exit()).as(egress.err()).isZero();
    assertThat(net.requireGroup(g.groupId()).egress()).isEmpty();
    var missing = cli.run(ops, "ec2", "revoke-security-group-ingress", "--group-id", "sg-0123456789abcdef0",
        "--protocol", "tcp", "--port", "22", "--cidr", "0.0.0.0/0");
    assertThat(missing.err()).contains("(InvalidGroup.NotFound)");
    var malformed = cli.run(ops, "ec2", "revoke-security-group-ingress", "--group-id", "sg-12",
        "--protocol", "tcp", "--port", "22", "--cidr", "0.0.0.0/0");
    assertThat(malformed.err()).contains("(InvalidGroupId.Malformed)");
  }

  @Test
  void snapshotAndImagePermissions() throws Exception {
    var ec2 = sb.account(ACCOUNT).ec2("us-east-1");
    String snap = ec2.createSnapshot("backup", Set.of("all"));
    String ami = ec2.createImage("golden", Set.of("all"));
    var snaps = cli.run(ops, "ec2", "describe-snapshots", "--owner-ids", "self").json().get("Snapshots");
    assertThat(snaps.get(0).get("SnapshotId").asText()).isEqualTo(snap);
    var images = cli.run(ops, "ec2", "describe-images", "--owners", "self").json().get("Images");
    assertThat(images.get(0).get("Public").asBoolean()).isTrue();
    assertThat(cli.run(ops, "ec2", "describe-snapshot-attribute", "--snapshot-id", snap, "--attribute",
        "createVolumePermission").json().get("CreateVolumePermissions").get(0).get("Group").asText()).isEqualTo("all");
    var r = cli.run(ops, "ec2", "modify-snapshot-attribute", "--snapshot-id", snap, "--attribute",
        "createVolumePermission", "--operation-type", "remove", "--group-names", "all");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(cli.run(ops, "ec2", "describe-snapshot-attribute", "--snapshot-id", snap, "--attribute",
        "createVolumePermission").json().get("CreateVolumePermissions")).isEmpty();
    var i = cli.run(ops, "ec2", "modify-image-attribute", "--image-id", ami, "--launch-permission",
        "Remove=[{Group=all}],Add=[{UserId=222222222222}]");
    assertThat(i.exit()).as(i.err()).isZero();
    var launch = cli.run(ops, "ec2", "describe-image-attribute", "--image-id", ami, "--attribute", "launchPermission")
        .json().get("LaunchPermissions");
    assertThat(launch).hasSize(1);
    assertThat(launch.get(0).get("UserId").asText()).isEqualTo("222222222222");
    assertThat(cli.run(ops, "ec2", "describe-snapshot-attribute", "--snapshot-id", "snap-0123456789abcdef0",
        "--attribute", "createVolumePermission").err()).contains("(InvalidSnapshot.NotFound)");
  }

  @Test
  void accessKeyLoginProfileAndInstanceProfile() throws Exception {
    var iam = sb.account(ACCOUNT).iam();
    iam.createUser("ann");
    String key = iam.createAccessKey("ann").accessKeyId();
    iam.credentials().createLoginProfile("ann", null);
    assertThat(cli.run(ops, "iam", "update-access-key", "--user-name", "ann", "--access-key-id", key, "--status",
        "Inactive").exit()).isZero();
    assertThat(cli.run(ops, "iam", "list-access-keys", "--user-name", "ann").json().get("AccessKeyMetadata").get(0)
        .get("Status").asText()).isEqualTo("Inactive");
    assertThat(cli.run(ops, "iam", "get-login-profile", "--user-name", "ann").json().get("LoginProfile")
        .get("UserName").asText()).isEqualTo("ann");
    assertThat(cli.run(ops, "iam", "delete-login-profile", "--user-name", "ann").exit()).isZero();
    assertThat(cli.run(ops, "iam", "get-login-profile", "--user-name", "ann").err()).contains("(NoSuchEntity)");
    iam.createRole("web", TrustPolicy.trustingService("ec2.amazonaws.com"));
    assertThat(cli.run(ops, "iam", "create-instance-profile", "--instance-profile-name", "web").exit()).isZero();
    assertThat(cli.run(ops, "iam", "add-role-to-instance-profile", "--instance-profile-name", "web", "--role-name",
        "web").exit()).isZero();
    assertThat(cli.run(ops, "iam", "get-instance-profile", "--instance-profile-name", "web").json()
        .get("InstanceProfile").get("Roles").get(0).get("RoleName").asText()).isEqualTo("web");
    assertThat(cli.run(ops, "iam", "remove-role-from-instance-profile", "--instance-profile-name", "web",
        "--role-name", "web").exit()).isZero();
    assertThat(cli.run(ops, "iam", "get-instance-profile", "--instance-profile-name", "web").json()
        .get("InstanceProfile").get("Roles")).isEmpty();
  }

  @Test
  void theRiskyEstateHasOneOfEachRisk() throws Exception {
    Seeder.seed(sb.account(ACCOUNT), EstateSpec.empty().withNetwork(1, 1).withRisks());
    var groups = cli.run(ops, "ec2", "describe-security-groups").json().get("SecurityGroups").toString();
    assertThat(groups).contains(Seeder.ADMIN_OPEN_GROUP, Seeder.ALL_OPEN_GROUP, "\"FromPort\":3389", "::/0");
    var tokens = cli.run(ops, "ec2", "describe-instances").json().get("Reservations").findValuesAsText("HttpTokens");
    assertThat(tokens).containsExactlyInAnyOrder("required", "optional");
    assertThat(cli.run(ops, "ec2", "describe-images", "--owners", "self").json().get("Images").get(0).get("Public")
        .asBoolean()).isTrue();
    assertThat(cli.run(ops, "iam", "list-access-keys", "--user-name", Seeder.STALE_KEY_USER).json()
        .get("AccessKeyMetadata")).hasSize(1);
  }
}
