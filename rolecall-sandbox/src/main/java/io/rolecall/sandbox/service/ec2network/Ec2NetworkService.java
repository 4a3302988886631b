package io.rolecall.sandbox.service.ec2network;

import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.http.Request;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Ec2Protocol;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.protocol.QueryParams;
import io.rolecall.sandbox.protocol.Xml;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.CallRegion;
import io.rolecall.sandbox.service.Service;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2's network Describe calls (VPCs, subnets, security groups, network interfaces) over the EC2 query protocol.
 * It shares the signing name "ec2" with the instance service and claims only these actions, so it must be listed
 * before a service that accepts every EC2 request.
 */
public final class Ec2NetworkService implements Service {
  private static final Set<String> ACTIONS =
      Set.of("DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "DescribeNetworkInterfaces",
          "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress");

  private static final Describe<Vpc> VPCS = new Describe<>("VpcId", "InvalidVpcID.NotFound", "vpc ID", Vpc::vpcId,
      Map.of("vpc-id", v -> List.of(v.vpcId()), "cidr", v -> List.of(v.cidrBlock()),
          "is-default", v -> List.of(String.valueOf(v.isDefault()))), Vpc::tags);
  private static final Describe<Subnet> SUBNETS = new Describe<>("SubnetId", "InvalidSubnetID.NotFound", "subnet ID",
      Subnet::subnetId, Map.of("vpc-id", s -> List.of(s.vpcId()), "subnet-id", s -> List.of(s.subnetId()),
          "availability-zone", s -> List.of(s.availabilityZone())), Subnet::tags);
  private static final Describe<SecurityGroup> GROUPS = new Describe<>("GroupId", "InvalidGroup.NotFound",
      "security group", SecurityGroup::groupId, Map.of("vpc-id", g -> List.of(g.vpcId()),
          "group-id", g -> List.of(g.groupId()), "group-name", g -> List.of(g.groupName())), SecurityGroup::tags);
  private static final Describe<NetworkInterface> INTERFACES = new Describe<>("NetworkInterfaceId",
      "InvalidNetworkInterfaceID.NotFound", "network interface", NetworkInterface::networkInterfaceId,
      Map.of("vpc-id", n -> List.of(n.vpcId()), "subnet-id", n -> List.of(n.subnetId()),
          "network-interface-id", n -> List.of(n.networkInterfaceId()), "status", n -> List.of(n.status()),
          "attachment.instance-id", n -> n.instanceId() == null ? List.of() : List.of(n.instanceId())), n -> Map.of());

  private final Paginator pages = new Paginator(() -> AwsException.badRequest("InvalidParameterValue",
      "The value of nextToken is invalid."));

  @Override public String signingName() { return "ec2"; }

  @Override public Protocol protocol() { return Ec2Protocol.EC2; }

  @Override
  public boolean accepts(Request request) {
    return ACTIONS.contains(QueryParams.of(request).get("Action"));
  }

  @Override
  public Reply handle(Call call) {
    var net = Ec2Network.of(call.account()).region(CallRegion.of(call));
    if (call.action().startsWith("Revoke")) {
      return revoke(call, net, call.action().endsWith("Egress"));
    }
    call.authorize("ec2:" + call.action(), "*");
    var q = call.params();
    String scope = call.action() + ":" + net.accountId() + ":" + net.region();
    String owner = net.accountId();
    return Ec2Protocol.EC2.ok(call.action(), call.requestId(), x -> {
      switch (call.action()) {
        case "DescribeVpcs" -> VPCS.page(q, scope, pages, net.vpcs(), x, "vpcSet", (i, v) -> vpc(i, v, owner));
        case "DescribeSubnets" -> SUBNETS.page(q, scope, pages, net.subnets(), x, "subnetSet", (i, s) -> subnet(i, s, owner));
        case "DescribeSecurityGroups" -> GROUPS.page(q, scope, pages, net.securityGroups(), x, "securityGroupInfo",
            (i, g) -> group(i, g, owner));
        case "DescribeNetworkInterfaces" -> INTERFACES.page(q, scope, pages, net.networkInterfaces(), x,
            "networkInterfaceSet", (i, n) -> networkInterface(i, n, net, owner));
        default -> throw Ec2Protocol.EC2.unknownOperation(call.action());
      }
    });
  }

  /**
   * RevokeSecurityGroupIngress/Egress: the permissions sent ({@code IpPermissions.N...}, or for ingress the flat
   * {@code IpProtocol}/{@code FromPort}/{@code ToPort}/{@code CidrIp}) are removed; those the group does not have are
   * answered in {@code unknownIpPermissionSet}, not as an error, as EC2 does in a VPC.
   */
  private static Reply revoke(Call call, RegionNetwork net, boolean egress) {
    var q = call.params();
    String groupId = q.get("GroupId");
    if (groupId == null || groupId.isEmpty()) {
      if (egress || q.get("GroupName") == null) {
        throw AwsException.badRequest("MissingParameter", "The request must contain the parameter groupId");
      }
      groupId = net.securityGroups().stream().filter(g -> g.groupName().equals(q.get("GroupName")))
          .map(SecurityGroup::groupId).findFirst().orElseThrow(() -> AwsException.badRequest("InvalidGroup.NotFound",
              "The security group '" + q.get("GroupName") + "' does not exist in default VPC"));
    }
    if (!groupId.matches("sg-([0-9a-f]{8}|[0-9a-f]{17})")) {
      throw AwsException.badRequest("InvalidGroupId.Malformed", "Invalid id: \"" + groupId + "\" (expecting \"sg-...\")");
    }
    var rules = new java.util.ArrayList<SecurityGroup.Rule>();
    for (int i = 1; q.get("IpPermissions." + i + ".IpProtocol") != null; i++) {
      String prefix = "IpPermissions." + i + ".";
      String protocol = q.get(prefix + "IpProtocol");
      int from = port(q.get(prefix + "FromPort"));
      int to = port(q.get(prefix + "ToPort"));
      for (int r = 1; q.get(prefix + "IpRanges." + r + ".CidrIp") != null; r++) {
        rules.add(new SecurityGroup.Rule(protocol, from, to, q.get(prefix + "IpRanges." + r + ".CidrIp")));
      }
      for (int r = 1; q.get(prefix + "Ipv6Ranges." + r + ".CidrIpv6") != null; r++) {
        rules.add(new SecurityGroup.Rule(protocol, from, to, q.get(prefix + "Ipv6Ranges." + r + ".CidrIpv6")));
      }
    }
    if (!egress && q.get("IpProtocol") != null && q.get("CidrIp") != null) {
      rules.add(new SecurityGroup.Rule(q.get("IpProtocol"), port(q.get("FromPort")), port(q.get("ToPort")),
          q.get("CidrIp")));
    }
    if (rules.isEmpty()) {
      throw AwsException.badRequest("MissingParameter", "No IP permissions were given to revoke");
    }
    String arn = "arn:aws:ec2:" + net.region() + ":" + net.accountId() + ":security-group/" + groupId;
    call.authorize("ec2:" + call.action(), arn);
    net.requireGroup(groupId);
    if ("true".equalsIgnoreCase(q.get("DryRun"))) {
      throw new AwsException(412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
    }
    var unknown = net.revoke(groupId, rules, egress);
    return Ec2Protocol.EC2.ok(call.action(), call.requestId(), x -> {
      x.el("return", true);
      if (!unknown.isEmpty()) {
        x.list("unknownIpPermissionSet", "item", unknown, (p, r) -> permission(p, r.protocol(), r.fromPort(),
            r.toPort(), r.cidr()));
      }
    });
  }

  private static int port(String text) {
    if (text == null) return -1;
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw AwsException.badRequest("InvalidParameterValue", "Invalid value '" + text + "' for port");
    }
  }

  private static void vpc(Xml x, Vpc v, String owner) {
    x.el("vpcId", v.vpcId()).el("ownerId", owner).el("state", "available").el("cidrBlock", v.cidrBlock())
        .el("dhcpOptionsId", "dopt-" + v.vpcId().substring(4, 12)).el("instanceTenancy", "default")
        .el("isDefault", v.isDefault());
    Describe.tagSet(x, v.tags());
  }

  private static void subnet(Xml x, Subnet s, String owner) {
    x.el("subnetId", s.subnetId()).el("subnetArn", "arn:aws:ec2:" + s.availabilityZone().replaceAll("[a-z]$", "")
            + ":" + owner + ":subnet/" + s.subnetId())
        .el("state", "available").el("vpcId", s.vpcId()).el("ownerId", owner).el("cidrBlock", s.cidrBlock())
        .el("availableIpAddressCount", 251).el("availabilityZone", s.availabilityZone())
        .el("defaultForAz", false).el("mapPublicIpOnLaunch", false);
    Describe.tagSet(x, s.tags());
  }

  private static void group(Xml x, SecurityGroup g, String owner) {
    x.el("ownerId", owner).el("groupId", g.groupId()).el("groupName", g.groupName())
        .el("groupDescription", g.description()).el("vpcId", g.vpcId())
        .list("ipPermissions", "item", g.ingress(), (p, r) -> permission(p, r.protocol(), r.fromPort(), r.toPort(), r.cidr()))
        .list("ipPermissionsEgress", "item", g.egress(), (p, r) -> permission(p, r.protocol(), r.fromPort(), r.toPort(), r.cidr()));
    Describe.tagSet(x, g.tags());
  }

  private static void permission(Xml p, String protocol, int from, int to, String cidr) {
    p.el("ipProtocol", protocol);
    if (!protocol.equals("-1")) p.el("fromPort", from).el("toPort", to);
    boolean v6 = cidr.contains(":");
    p.nest("groups", gs -> { }).list("ipRanges", "item", v6 ? List.of() : List.of(cidr), (r, c) -> r.el("cidrIp", c))
        .list("ipv6Ranges", "item", v6 ? List.of(cidr) : List.of(), (r, c) -> r.el("cidrIpv6", c))
        .nest("prefixListIds", r -> { });
  }

  private static void networkInterface(Xml x, NetworkInterface n, RegionNetwork net, String owner) {
    x.el("networkInterfaceId", n.networkInterfaceId()).el("subnetId", n.subnetId()).el("vpcId", n.vpcId())
        .el("availabilityZone", n.availabilityZone()).el("description", n.description()).el("ownerId", owner)
        .el("requesterManaged", false).el("status", n.status()).el("privateIpAddress", n.privateIpAddress())
        .el("sourceDestCheck", true).el("interfaceType", "interface")
        .list("groupSet", "item", n.groupIds(), (g, id) -> g.el("groupId", id).el("groupName",
            net.securityGroups().stream().filter(s -> s.groupId().equals(id)).map(SecurityGroup::groupName)
                .findFirst().orElse(null)));
    if (n.instanceId() != null) {
      x.nest("attachment", a -> a.el("attachmentId", "eni-attach-" + n.networkInterfaceId().substring(4))
          .el("instanceId", n.instanceId()).el("instanceOwnerId", owner).el("deviceIndex", 0).el("status", "attached")
          .el("deleteOnTermination", true));
    }
    Describe.tagSet(x, Map.of());
  }
}
