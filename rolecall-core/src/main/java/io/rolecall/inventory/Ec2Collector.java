package io.rolecall.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.render.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * One account's EC2 in one region: instances, VPCs, subnets, security groups and network interfaces, each with
 * the SDK's paginator at EC2's largest page (1000), each page handed to the store as it arrives.
 */
final class Ec2Collector {
  static final int PAGE = 1000;

  private final Ec2Client ec2;
  private final String accountId;
  private final String region;
  private final StoreWriter writer;

  Ec2Collector(Ec2Client ec2, String accountId, String region, StoreWriter writer) {
    this.ec2 = ec2;
    this.accountId = accountId;
    this.region = region;
    this.writer = writer;
  }

  void collect() {
    IamCollector.call("ec2:DescribeInstances in " + region, () -> {
      for (var page : ec2.describeInstancesPaginator(r -> r.maxResults(PAGE))) {
        var items = new ArrayList<Item>();
        page.reservations().forEach(res -> res.instances().forEach(i -> items.add(item(Kind.INSTANCE, i.instanceId(),
            name(i.tags()), Nodes.of("instanceId", i.instanceId(), "instanceType", i.instanceTypeAsString(),
                "state", i.state() == null ? null : i.state().nameAsString(), "vpcId", i.vpcId(), "subnetId", i.subnetId(),
                "privateIpAddress", i.privateIpAddress(), "publicIpAddress", i.publicIpAddress(), "imageId", i.imageId(),
                "launchTime", i.launchTime(), "tags", tags(i.tags()),
                "iamInstanceProfile", i.iamInstanceProfile() == null ? null : i.iamInstanceProfile().arn(),
                "securityGroups", groups(i.securityGroups()),
                "httpTokens", i.metadataOptions() == null ? null : i.metadataOptions().httpTokensAsString())))));
        writer.items(items);
      }
      return null;
    });
    IamCollector.call("ec2:DescribeVpcs in " + region, () -> {
      for (var page : ec2.describeVpcsPaginator(r -> r.maxResults(PAGE))) {
        writer.items(page.vpcs().stream().map(v -> item(Kind.VPC, v.vpcId(), name(v.tags()), Nodes.of("vpcId", v.vpcId(),
            "cidrBlock", v.cidrBlock(), "isDefault", v.isDefault(), "state", v.stateAsString(), "tags", tags(v.tags()))))
            .toList());
      }
      return null;
    });
    IamCollector.call("ec2:DescribeSubnets in " + region, () -> {
      for (var page : ec2.describeSubnetsPaginator(r -> r.maxResults(PAGE))) {
        writer.items(page.subnets().stream().map(s -> item(Kind.SUBNET, s.subnetId(), name(s.tags()), Nodes.of(
            "subnetId", s.subnetId(), "vpcId", s.vpcId(), "cidrBlock", s.cidrBlock(),
            "availabilityZone", s.availabilityZone(), "tags", tags(s.tags())))).toList());
      }
      return null;
    });
    IamCollector.call("ec2:DescribeSecurityGroups in " + region, () -> {
      for (var page : ec2.describeSecurityGroupsPaginator(r -> r.maxResults(PAGE))) {
        writer.items(page.securityGroups().stream().map(g -> item(Kind.SECURITY_GROUP, g.groupId(), g.groupName(),
            Nodes.of("groupId", g.groupId(), "groupName", g.groupName(), "description", g.description(),
                "vpcId", g.vpcId(), "ingress", permissions(g.ipPermissions()), "tags", tags(g.tags())))).toList());
      }
      return null;
    });
    IamCollector.call("ec2:DescribeNetworkInterfaces in " + region, () -> {
      for (var page : ec2.describeNetworkInterfacesPaginator(r -> r.maxResults(PAGE))) {
        writer.items(page.networkInterfaces().stream().map(n -> item(Kind.NETWORK_INTERFACE, n.networkInterfaceId(),
            n.description(), Nodes.of("networkInterfaceId", n.networkInterfaceId(), "subnetId", n.subnetId(),
                "vpcId", n.vpcId(), "privateIpAddress", n.privateIpAddress(), "status", n.statusAsString(),
                "instanceId", n.attachment() == null ? null : n.attachment().instanceId(),
                "securityGroups", groups(n.groups())))).toList());
      }
      return null;
    });
  }

  private Item item(Kind kind, String id, String name, ObjectNode data) {
    return new Item(kind, accountId, region, id, name, data);
  }

  private static String name(List<Tag> tags) {
    return tags.stream().filter(t -> "Name".equals(t.key())).map(Tag::value).findFirst().orElse(null);
  }

  private static Map<String, String> tags(List<Tag> tags) {
    var out = new TreeMap<String, String>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  private static List<String> groups(List<GroupIdentifier> groups) {
    return groups.stream().map(GroupIdentifier::groupId).toList();
  }

  private static com.fasterxml.jackson.databind.node.ArrayNode permissions(List<IpPermission> permissions) {
    var out = Json.mapper().createArrayNode();
    for (IpPermission p : permissions) {
      out.add(Nodes.of("protocol", p.ipProtocol(), "fromPort", p.fromPort(), "toPort", p.toPort(),
          "cidrs", p.ipRanges().stream().map(r -> r.cidrIp()).toList(),
          "ipv6Cidrs", p.ipv6Ranges().stream().map(r -> r.cidrIpv6()).toList(),
          "groups", p.userIdGroupPairs().stream().map(g -> g.groupId()).toList()));
    }
    return out;
  }
}
