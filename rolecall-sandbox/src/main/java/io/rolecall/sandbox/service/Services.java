package io.rolecall.sandbox.service;

import io.rolecall.sandbox.World;
import io.rolecall.sandbox.service.ec2.Ec2Service;
import io.rolecall.sandbox.service.cloudtrail.CloudTrailService;
import io.rolecall.sandbox.service.ec2network.Ec2NetworkService;
import io.rolecall.sandbox.service.iam.IamService;
import io.rolecall.sandbox.service.organizations.OrganizationsService;
import io.rolecall.sandbox.service.s3.S3Service;
import io.rolecall.sandbox.service.s3control.S3ControlService;
import io.rolecall.sandbox.service.identitystore.IdentityStoreService;
import io.rolecall.sandbox.service.kms.KmsService;
import io.rolecall.sandbox.service.rds.RdsService;
import io.rolecall.sandbox.service.ssoadmin.SsoAdminService;
import io.rolecall.sandbox.service.sts.StsService;
import java.util.List;

/** The emulated services. Adding one: write its package (handler + per-account state), then add one line here. */
public final class Services {
  private Services() {}

  public static List<Service> all(World world) {
    return List.of(
        new StsService(world),
        new IamService(world),
        new S3ControlService(),
        new S3Service(),
        // Before any service accepting every "ec2" request: it claims only the network Describe* actions.
        new Ec2NetworkService(),
        new Ec2Service(),
        new OrganizationsService(),
        new IdentityStoreService(),
        new SsoAdminService(),
        new CloudTrailService(),
        new KmsService(),
        new RdsService());
  }
}
