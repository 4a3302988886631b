package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.sandbox.service.ec2.LaunchSpec;
import io.rolecall.sandbox.service.ec2network.SecurityGroup;
import io.rolecall.sandbox.service.ec2network.SecurityGroup.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EC2 remediation commands through the SDK against the sandbox: security group ingress and egress revoke (and
 * the lock-out guard), the quarantine move, snapshot and AMI sharing. Each: the change read back, the journal, and
 * the dry run writing nothing.
 */
class Ec2RemediationTest {
  static final String ACCOUNT = "222222222222";
  static final String REGION = "us-east-1";

  @TempDir
  Path dir;
  Target target;

  @AfterEach
  void close() {
    OwnInstance.useEndpoint(null);
    if (target != null) {
      target.close();
    }
  }

  private SecurityGroup group(String name, List<Rule> ingress) {
    var net = target.sb.account(ACCOUNT).ec2Network(REGION);
    var vpc = net.vpcs().isEmpty() ? net.createVpc("10.1.0.0/16") : net.vpcs().getFirst();
    return net.createSecurityGroup(vpc.vpcId(), name, name, ingress);
  }

  private SecurityGroup reread(String id) {
    return target.sb.account(ACCOUNT).ec2Network(REGION).requireGroup(id);
  }

  @Test
  void ingressRevokeRemovesExactlyTheRuleAndReadsTheGroupBack() {
    target = new Target(dir, ACCOUNT);
    var g = group("open", List.of(new Rule("tcp", 22, 22, "0.0.0.0/0"), new Rule("tcp", 22, 22, "::/0"),
        new Rule("tcp", 443, 443, "0.0.0.0/0")));
    var e = target.run("aws-ec2-security-group-ingress-revoke", Map.of("account_id", ACCOUNT, "group_id", g.groupId(),
        "protocol", "tcp", "port", "22", "cidr", "::/0"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(reread(g.groupId()).ingress()).containsExactly(new Rule("tcp", 22, 22, "0.0.0.0/0"),
        new Rule("tcp", 443, 443, "0.0.0.0/0"));
    assertThat(e.table().rows()).containsExactly(List.of(ACCOUNT, REGION, g.groupId(), "tcp 22 from ::/0", "revoked"));
    @SuppressWarnings("unchecked")
    var entry = (Map<String, Object>) e.context().get("AWS.EC2.SecurityGroups");
    assertThat(entry).containsEntry("GroupId", g.groupId()).containsEntry("Revoked", List.of("tcp 22 from ::/0"))
        .containsEntry("IpPermissions", List.of("tcp 22 from 0.0.0.0/0", "tcp 443 from 0.0.0.0/0"));
    assertThat(target.journal()).singleElement().satisfies(j -> {
      assertThat(j.resource()).isEqualTo("arn:aws:ec2:us-east-1:" + ACCOUNT + ":security-group/" + g.groupId());
      assertThat(j.outcome().status()).isEqualTo(io.rolecall.audit.AuditEntry.Outcome.Status.APPLIED);
    });
  }

  @Test
  void ipPermissionsRevokeSeveralAndAnAbsentRuleIsReportedNotFailed() {
    target = new Target(dir, ACCOUNT);
    var g = group("many", List.of(new Rule("tcp", 3306, 3306, "0.0.0.0/0"), new Rule("-1", -1, -1, "0.0.0.0/0")));
    var e = target.run("aws-ec2-security-group-ingress-revoke", Map.of("account_id", ACCOUNT, "group_id", g.groupId(),
        "ip_permissions", "[{\"IpProtocol\":\"tcp\",\"FromPort\":3306,\"ToPort\":3306,\"IpRanges\":[{\"CidrIp\":"
            + "\"0.0.0.0/0\"}]},{\"IpProtocol\":\"-1\",\"IpRanges\":[{\"CidrIp\":\"0.0.0.0/0\"}]},{\"IpProtocol\":"
            + "\"udp\",\"FromPort\":53,\"ToPort\":53,\"IpRanges\":[{\"CidrIp\":\"10.0.0.0/8\"}]}]"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(reread(g.groupId()).ingress()).isEmpty();
    assertThat(e.table().rows()).extracting(r -> r.get(4)).containsExactly("revoked", "revoked", "not in the group");
    assertThat(e.warnings()).singleElement().asString().contains("udp 53 from 10.0.0.0/8");
  }

  @Test
  void aDryRunShowsTheRevocationAndWritesNothing() {
    target = new Target(dir, ACCOUNT);
    var g = group("dry", List.of(new Rule("tcp", 3389, 3389, "0.0.0.0/0")));
    var e = target.run("aws-ec2-security-group-ingress-revoke", Map.of("account_id", ACCOUNT, "group_id", g.groupId(),
        "protocol", "tcp", "from_port", "3389", "to_port", "3389", "cidr", "0.0.0.0/0", "dry_run", "true"));
    assertThat(e.exitCode()).isZero();
    assertThat(e.table().title()).contains("dry run");
    assertThat(e.table().rows()).containsExactly(List.of(ACCOUNT, REGION, g.groupId(), "tcp 3389 from 0.0.0.0/0",
        "would revoke"));
    assertThat(reread(g.groupId()).ingress()).hasSize(1);
    assertThat(target.sb.calls().count("ec2", "RevokeSecurityGroupIngress")).isZero();
    assertThat(target.journal()).isEmpty();
  }

  @Test
  void egressRevokeRemovesTheDefaultAllOutRule() {
    target = new Target(dir, ACCOUNT);
    var g = group("egress", List.of());
    var e = target.run("aws-ec2-security-group-egress-revoke", Map.of("account_id", ACCOUNT, "group_id", g.groupId(),
        "protocol", "-1", "cidr", "0.0.0.0/0"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(reread(g.groupId()).egress()).isEmpty();
    assertThat(target.journal()).hasSize(1);
    var dry = target.run("aws-ec2-security-group-egress-revoke", Map.of("account_id", ACCOUNT, "group_id",
        g.groupId(), "protocol", "-1", "cidr", "0.0.0.0/0", "dry_run", "true"));
    assertThat(dry.table().rows()).extracting(r -> r.get(4)).containsExactly("not in the group");
  }

  @Test
  void revokingTheLastSshRuleOfRolecallsOwnInstanceNeedsConfirm() {
    target = new Target(dir, ACCOUNT);
    var g = group("self", List.of(new Rule("tcp", 22, 22, "203.0.113.0/24"), new Rule("tcp", 443, 443, "0.0.0.0/0")));
    var imds = target.sb.imds();
    target.sb.account(ACCOUNT).ec2(REGION).launchInstance(LaunchSpec.instance().id(imds.instanceId())
        .securityGroup(g.groupId(), g.groupName()));
    OwnInstance.useEndpoint(target.sb.endpoint().toString());
    var args = Map.of("account_id", ACCOUNT, "group_id", g.groupId(), "protocol", "tcp", "port", "22",
        "cidr", "203.0.113.0/24");
    assertThatThrownBy(() -> target.run("aws-ec2-security-group-ingress-revoke", args))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("last rule admitting SSH (22) to " + imds.instanceId())
        .hasMessageContaining("confirm=true");
    assertThat(reread(g.groupId()).ingress()).hasSize(2);
    var dry = target.run("aws-ec2-security-group-ingress-revoke", with(args, "dry_run", "true"));
    assertThat(dry.warnings()).anySatisfy(w -> assertThat(w).contains("the real run needs confirm=true"));
    var confirmed = target.run("aws-ec2-security-group-ingress-revoke", with(args, "confirm", "true"));
    assertThat(confirmed.exitCode()).isZero();
    assertThat(reread(g.groupId()).ingress()).containsExactly(new Rule("tcp", 443, 443, "0.0.0.0/0"));
  }

  @Test
  void theQuarantineMoveReplacesTheInstancesGroups() {
    target = new Target(dir, ACCOUNT);
    var web = group("web", List.of(new Rule("tcp", 443, 443, "0.0.0.0/0")));
    var quarantine = group("quarantine", List.of());
    var ec2 = target.sb.account(ACCOUNT).ec2(REGION);
    String id = ec2.launchInstance(LaunchSpec.instance().securityGroup(web.groupId(), "web"));
    var dry = target.run("aws-ec2-instance-attribute-modify", Map.of("account_id", ACCOUNT, "instance_id", id,
        "groups", quarantine.groupId(), "dry_run", "true"));
    assertThat(dry.exitCode()).isZero();
    assertThat(ec2.requireInstance(id).securityGroupIds()).containsExactly(web.groupId());
    assertThat(target.journal()).isEmpty();
    var e = target.run("aws-ec2-instance-attribute-modify", Map.of("account_id", ACCOUNT, "instance_id", id,
        "groups", quarantine.groupId()));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(ec2.requireInstance(id).securityGroupIds()).containsExactly(quarantine.groupId());
    assertThat(e.table().rows().getFirst().get(3)).isEqualTo(web.groupId() + " → " + quarantine.groupId());
    assertThat(target.journal()).hasSize(1);
  }

  @Test
  void aPublicSnapshotIsMadePrivateAndADryRunLeavesItPublic() {
    target = new Target(dir, ACCOUNT);
    var ec2 = target.sb.account(ACCOUNT).ec2(REGION);
    String snap = ec2.createSnapshot("backup", Set.of("all", "444444444444"));
    var args = Map.of("account_id", ACCOUNT, "snapshot_id", snap, "operation_type", "remove", "group", "all");
    var dry = target.run("aws-ec2-snapshot-attribute-modify", with(args, "dry_run", "true"));
    assertThat(dry.table().rows().getFirst()).containsExactly(ACCOUNT, REGION, snap, "true → false",
        List.of("444444444444"), "would update");
    assertThat(ec2.requireSnapshot(snap, false).isPublic()).isTrue();
    assertThat(target.journal()).isEmpty();
    var e = target.run("aws-ec2-snapshot-attribute-modify", args);
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(ec2.requireSnapshot(snap, false).sharedWith()).containsExactly("444444444444");
    assertThat(target.journal()).singleElement().satisfies(j -> assertThat(j.outcome().status()).isEqualTo(io.rolecall.audit.AuditEntry.Outcome.Status.APPLIED));
  }

  @Test
  void aPublicAmiIsMadePrivateAndSharedWithOneAccount() {
    target = new Target(dir, ACCOUNT);
    var ec2 = target.sb.account(ACCOUNT).ec2(REGION);
    String ami = ec2.createImage("golden", Set.of("all"));
    var e = target.run("aws-ec2-image-attribute-modify", Map.of("account_id", ACCOUNT, "image_id", ami,
        "attribute", "launchPermission", "operation_type", "remove", "user_groups", "all"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    assertThat(ec2.requireSnapshot(ami, true).isPublic()).isFalse();
    var shared = target.run("aws-ec2-image-attribute-modify", Map.of("account_id", ACCOUNT, "image_id", ami,
        "attribute", "launchPermission", "operation_type", "add", "user_ids", "555555555555"));
    assertThat(shared.exitCode()).isZero();
    assertThat(ec2.requireSnapshot(ami, true).sharedWith()).containsExactly("555555555555");
    var dry = target.run("aws-ec2-image-attribute-modify", Map.of("account_id", ACCOUNT, "image_id", ami,
        "attribute", "launchPermission", "operation_type", "add", "user_groups", "all", "dry_run", "true"));
    assertThat(dry.table().rows().getFirst().get(3)).isEqualTo("false → true");
    assertThat(ec2.requireSnapshot(ami, true).isPublic()).isFalse();
    assertThat(target.journal()).hasSize(2);
  }

  @Test
  void anUnknownGroupFailsOnOneLine() {
    target = new Target(dir, ACCOUNT);
    var e = target.run("aws-ec2-security-group-ingress-revoke", Map.of("account_id", ACCOUNT,
        "group_id", "sg-0123456789abcdef0", "protocol", "tcp", "port", "22", "cidr", "0.0.0.0/0"));
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.failures().getFirst().error()).startsWith("ec2:DescribeSecurityGroups for sg-0123456789abcdef0 in"
        + " account " + ACCOUNT + " (us-east-1): InvalidGroup.NotFound");
  }

  private static Map<String, String> with(Map<String, String> args, String name, String value) {
    var m = new java.util.LinkedHashMap<>(args);
    m.put(name, value);
    return m;
  }
}
