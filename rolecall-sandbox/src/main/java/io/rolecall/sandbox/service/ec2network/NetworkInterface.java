package io.rolecall.sandbox.service.ec2network;

import java.util.List;

/**
 * An elastic network interface. {@code instanceId} is the instance it is attached to (null: available), so an
 * instance's primary interface can be seeded next to the instance.
 */
public record NetworkInterface(String networkInterfaceId, String subnetId, String vpcId, String availabilityZone,
                               String privateIpAddress, String description, String instanceId, List<String> groupIds) {
  public NetworkInterface {
    groupIds = List.copyOf(groupIds);
  }

  public String status() {
    return instanceId == null ? "available" : "in-use";
  }
}
