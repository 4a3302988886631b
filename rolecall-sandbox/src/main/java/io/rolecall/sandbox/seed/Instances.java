package io.rolecall.sandbox.seed;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Ids;
import io.rolecall.sandbox.service.ec2network.SecurityGroup;
import io.rolecall.sandbox.service.ec2network.Subnet;
import java.util.List;

/** Seeds an instance in a subnet: its primary network interface, attached to it. */
final class Instances {
  private Instances() {}

  static String launch(Account account, String region, Subnet subnet, SecurityGroup group, int index) {
    String instanceId = Ids.instanceId();
    account.ec2Network(region).createNetworkInterface(subnet.subnetId(), instanceId, List.of(group.groupId()));
    return instanceId;
  }
}
