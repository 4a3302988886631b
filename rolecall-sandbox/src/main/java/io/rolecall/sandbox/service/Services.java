package io.rolecall.sandbox.service;

import io.rolecall.sandbox.World;
import io.rolecall.sandbox.service.cloudtrail.CloudTrailService;
import io.rolecall.sandbox.service.ec2network.Ec2NetworkService;
import io.rolecall.sandbox.service.iam.IamService;
import io.rolecall.sandbox.service.sts.StsService;
import java.util.List;

/** The emulated services. Adding one: write its package (handler + per-account state), then add one line here. */
public final class Services {
  private Services() {}

  public static List<Service> all(World world) {
    return List.of(
        new StsService(world),
        new IamService(world),
        // Before any service accepting every "ec2" request: it claims only the network Describe* actions.
        new Ec2NetworkService(),
        new CloudTrailService());
  }
}
