package io.rolecall.sandbox.service.ec2network;

import java.util.Map;

/** A subnet of a VPC, in one availability zone. */
public record Subnet(String subnetId, String vpcId, String cidrBlock, String availabilityZone, Map<String, String> tags) {
  public Subnet {
    tags = Map.copyOf(tags);
  }
}
