package io.rolecall.sandbox.service.ec2network;

import io.rolecall.sandbox.Ids;
import io.rolecall.sandbox.protocol.AwsException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One account's network in one region: VPCs, subnets, security groups and network interfaces. The setup API
 * tests and seeding use; the wire handlers read it. Failures are EC2's own errors. Thread-safe.
 */
public final class RegionNetwork {
  private final String accountId;
  private final String region;
  private final Map<String, Vpc> vpcs = new ConcurrentSkipListMap<>();
  private final Map<String, Subnet> subnets = new ConcurrentSkipListMap<>();
  private final Map<String, SecurityGroup> groups = new ConcurrentSkipListMap<>();
  private final Map<String, NetworkInterface> interfaces = new ConcurrentSkipListMap<>();
  private final Map<String, AtomicInteger> addressesUsed = new ConcurrentHashMap<>(); // by subnet id

  RegionNetwork(String accountId, String region) {
    this.accountId = accountId;
    this.region = region;
  }

  public String accountId() {
    return accountId;
  }

  public String region() {
    return region;
  }

  public Vpc createVpc(String cidrBlock) {
    return createVpc(cidrBlock, false, Map.of());
  }

  public Vpc createVpc(String cidrBlock, boolean isDefault, Map<String, String> tags) {
    var vpc = new Vpc("vpc-" + hex(), cidrBlock, isDefault, tags);
    vpcs.put(vpc.vpcId(), vpc);
    return vpc;
  }

  /** A subnet in {@code availabilityZone} (e.g. "us-east-1a"). */
  public Subnet createSubnet(String vpcId, String cidrBlock, String availabilityZone) {
    requireVpc(vpcId);
    var subnet = new Subnet("subnet-" + hex(), vpcId, cidrBlock, availabilityZone, Map.of());
    subnets.put(subnet.subnetId(), subnet);
    return subnet;
  }

  public SecurityGroup createSecurityGroup(String vpcId, String name, String description,
                                           List<SecurityGroup.Rule> ingress) {
    requireVpc(vpcId);
    boolean taken = groups.values().stream().anyMatch(g -> g.vpcId().equals(vpcId) && g.groupName().equals(name));
    if (taken) {
      throw AwsException.badRequest("InvalidGroup.Duplicate", "The security group '" + name + "' already exists for VPC '"
          + vpcId + "'");
    }
    var group = new SecurityGroup("sg-" + hex(), name, description, vpcId, ingress, Map.of());
    groups.put(group.groupId(), group);
    return group;
  }

  /** An interface in the subnet with the next free private address; {@code instanceId} may be null (unattached). */
  public NetworkInterface createNetworkInterface(String subnetId, String instanceId, List<String> groupIds) {
    var subnet = subnets.get(subnetId);
    if (subnet == null) {
      throw AwsException.badRequest("InvalidSubnetID.NotFound", "The subnet ID '" + subnetId + "' does not exist");
    }
    int n = addressesUsed.computeIfAbsent(subnetId, k -> new AtomicInteger()).incrementAndGet();
    var eni = new NetworkInterface("eni-" + hex(), subnetId, subnet.vpcId(), subnet.availabilityZone(),
        address(subnet.cidrBlock(), n + 3), instanceId == null ? "" : "Primary network interface", instanceId, groupIds);
    interfaces.put(eni.networkInterfaceId(), eni);
    return eni;
  }

  /** The group, or EC2's InvalidGroup.NotFound. */
  public SecurityGroup requireGroup(String groupId) {
    var g = groups.get(groupId);
    if (g == null) {
      throw AwsException.badRequest("InvalidGroup.NotFound", "The security group '" + groupId + "' does not exist");
    }
    return g;
  }

  /** Adds ingress rules to a group (seeding risky groups; AuthorizeSecurityGroupIngress's effect). */
  public SecurityGroup authorizeIngress(String groupId, List<SecurityGroup.Rule> rules) {
    return groups.compute(groupId, (k, g) -> {
      if (g == null) throw AwsException.badRequest("InvalidGroup.NotFound", "The security group '" + groupId
          + "' does not exist");
      var all = new java.util.ArrayList<>(g.ingress());
      rules.stream().filter(r -> !all.contains(r)).forEach(all::add);
      return g.withIngress(all);
    });
  }

  /** Adds egress rules to a group (AuthorizeSecurityGroupEgress's effect). */
  public SecurityGroup authorizeEgress(String groupId, List<SecurityGroup.Rule> rules) {
    return groups.compute(groupId, (k, g) -> {
      if (g == null) throw AwsException.badRequest("InvalidGroup.NotFound", "The security group '" + groupId
          + "' does not exist");
      var all = new java.util.ArrayList<>(g.egress());
      rules.stream().filter(r -> !all.contains(r)).forEach(all::add);
      return g.withEgress(all);
    });
  }

  /**
   * Removes the rules given from a group's ingress (or egress); returns the ones the group did not have, which EC2
   * answers as "unknown" permissions rather than an error.
   */
  public List<SecurityGroup.Rule> revoke(String groupId, List<SecurityGroup.Rule> rules, boolean egress) {
    var unknown = new java.util.ArrayList<SecurityGroup.Rule>();
    groups.compute(groupId, (k, g) -> {
      if (g == null) throw AwsException.badRequest("InvalidGroup.NotFound", "The security group '" + groupId
          + "' does not exist");
      var kept = new java.util.ArrayList<>(egress ? g.egress() : g.ingress());
      for (var r : rules) {
        if (!kept.remove(r)) unknown.add(r);
      }
      return egress ? g.withEgress(kept) : g.withIngress(kept);
    });
    return unknown;
  }

  public List<Vpc> vpcs() {
    return List.copyOf(vpcs.values());
  }

  public List<Subnet> subnets() {
    return List.copyOf(subnets.values());
  }

  public List<SecurityGroup> securityGroups() {
    return List.copyOf(groups.values());
  }

  public List<NetworkInterface> networkInterfaces() {
    return List.copyOf(interfaces.values());
  }

  private void requireVpc(String vpcId) {
    if (!vpcs.containsKey(vpcId)) {
      throw AwsException.badRequest("InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist");
    }
  }

  /** The address {@code offset} past the network address of an IPv4 CIDR (AWS reserves the first four). */
  static String address(String cidr, int offset) {
    String[] octets = cidr.substring(0, cidr.indexOf('/')).split("\\.");
    long base = 0;
    for (String o : octets) base = (base << 8) | Integer.parseInt(o);
    long ip = base + offset;
    return ((ip >> 24) & 255) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
  }

  private static String hex() {
    return Ids.random("0123456789abcdef", 17);
  }
}
