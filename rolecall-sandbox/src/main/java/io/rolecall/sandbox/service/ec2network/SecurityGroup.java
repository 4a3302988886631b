package io.rolecall.sandbox.service.ec2network;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A security group with its ingress and egress rules, each rule one (protocol, port range, CIDR) as AWS stores them
 * (a permission with several ranges is several rules here). A new group's egress is AWS's default: all traffic out
 * to 0.0.0.0/0.
 */
public record SecurityGroup(String groupId, String groupName, String description, String vpcId, List<Rule> ingress,
                            List<Rule> egress, Map<String, String> tags) {

  /** AWS's default egress rule of a new group. */
  public static final List<Rule> ALL_OUT = List.of(new Rule("-1", -1, -1, "0.0.0.0/0"));

  /**
   * One permission: protocol ("tcp", "udp", "icmp", "-1" for all), port range (-1 for all protocols), and the CIDR
   * it admits, IPv4 or IPv6 ({@code ::/0}).
   */
  public record Rule(String protocol, int fromPort, int toPort, String cidr) {
    public Rule {
      protocol = normalProtocol(protocol);
      if (protocol.equals("-1")) {
        fromPort = -1;
        toPort = -1;
      }
    }

    public boolean ipv6() {
      return cidr.contains(":");
    }
  }

  public SecurityGroup {
    ingress = List.copyOf(ingress);
    egress = List.copyOf(egress);
    tags = Map.copyOf(tags);
  }

  public SecurityGroup(String groupId, String groupName, String description, String vpcId, List<Rule> ingress,
                       Map<String, String> tags) {
    this(groupId, groupName, description, vpcId, ingress, ALL_OUT, tags);
  }

  public SecurityGroup withIngress(List<Rule> rules) {
    return new SecurityGroup(groupId, groupName, description, vpcId, rules, egress, tags);
  }

  public SecurityGroup withEgress(List<Rule> rules) {
    return new SecurityGroup(groupId, groupName, description, vpcId, ingress, rules, tags);
  }

  /** EC2 takes protocol names or numbers; it stores tcp/udp/icmp by name and "all" as -1. */
  static String normalProtocol(String p) {
    return switch (p.toLowerCase(Locale.ROOT)) {
      case "6" -> "tcp";
      case "17" -> "udp";
      case "1" -> "icmp";
      case "58" -> "icmpv6";
      case "all", "-1" -> "-1";
      default -> p.toLowerCase(Locale.ROOT);
    };
  }
}
