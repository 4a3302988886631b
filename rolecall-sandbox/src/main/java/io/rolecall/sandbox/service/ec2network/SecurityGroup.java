package io.rolecall.sandbox.service.ec2network;

import java.util.List;
import java.util.Map;

/** A security group with its ingress rules (egress is AWS's default: all traffic out). */
public record SecurityGroup(String groupId, String groupName, String description, String vpcId, List<Rule> ingress,
                            Map<String, String> tags) {

  /** One ingress permission: protocol ("tcp", "-1" for all), port range, and the CIDR it admits. */
  public record Rule(String protocol, int fromPort, int toPort, String cidr) {}

  public SecurityGroup {
    ingress = List.copyOf(ingress);
    tags = Map.copyOf(tags);
  }
}
