package io.rolecall.sandbox.service.ec2network;

import java.util.Map;

/** A VPC. */
public record Vpc(String vpcId, String cidrBlock, boolean isDefault, Map<String, String> tags) {
  public Vpc {
    tags = Map.copyOf(tags);
  }
}
