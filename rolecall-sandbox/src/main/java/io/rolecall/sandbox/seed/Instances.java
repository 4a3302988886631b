package io.rolecall.sandbox.seed;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Ids;
import io.rolecall.sandbox.service.ec2.LaunchSpec;
import io.rolecall.sandbox.service.ec2network.SecurityGroup;
import io.rolecall.sandbox.service.ec2network.Subnet;
import java.util.List;

/**
 * Seeds an instance in a subnet: its primary network interface (served by DescribeNetworkInterfaces) and the
 * instance itself (served by DescribeInstances), with the interface's address, subnet and group.
 */
final class Instances {
  private Instances() {}

  /** @param httpTokens "required" (IMDSv2 only) or "optional" (IMDSv1 answered too) */
  static String launch(Account account, String region, Subnet subnet, SecurityGroup group, String name,
      String httpTokens) {
    String instanceId = Ids.instanceId();
    var eni = account.ec2Network(region).createNetworkInterface(subnet.subnetId(), instanceId, List.of(group.groupId()));
    account.ec2(region).launchInstance(LaunchSpec.instance().id(instanceId)
        .subnet(subnet.subnetId(), subnet.vpcId()).availabilityZone(subnet.availabilityZone())
        .privateIpAddress(eni.privateIpAddress()).securityGroup(group.groupId(), group.groupName())
        .metadataOptions(io.rolecall.sandbox.service.ec2.MetadataOptions.DEFAULTS.withHttpTokens(httpTokens))
        .tag("Name", name));
    return instanceId;
  }
}
