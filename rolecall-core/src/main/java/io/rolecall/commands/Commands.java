package io.rolecall.commands;

import io.rolecall.command.CommandRegistry;
import io.rolecall.commands.remediation.InstanceMetadataOptionsModify;
import io.rolecall.commands.identitycenter.GroupCreate;
import io.rolecall.commands.identitycenter.GroupDelete;
import io.rolecall.commands.identitycenter.GroupGet;
import io.rolecall.commands.identitycenter.GroupList;
import io.rolecall.commands.identitycenter.GroupUpdate;
import io.rolecall.commands.identitycenter.GroupsForUser;
import io.rolecall.commands.identitycenter.MembershipAdd;
import io.rolecall.commands.identitycenter.MembershipDelete;
import io.rolecall.commands.identitycenter.MembershipList;
import io.rolecall.commands.identitycenter.MembershipsRemoveAll;
import io.rolecall.commands.identitycenter.UserCreate;
import io.rolecall.commands.identitycenter.UserDelete;
import io.rolecall.commands.identitycenter.UserGet;
import io.rolecall.commands.identitycenter.UserGetByEmail;
import io.rolecall.commands.identitycenter.UserList;
import io.rolecall.commands.identitycenter.UserUpdate;
import io.rolecall.commands.remediation.PasswordPolicyGet;
import io.rolecall.commands.remediation.PasswordPolicyUpdate;
import io.rolecall.commands.remediation.S3PublicAccessBlockUpdate;
import java.util.List;

/** Every command rolecall ships: register a new command here, one line. */
public final class Commands {
  private Commands() {}

  public static CommandRegistry registry() {
    return new CommandRegistry(List.of(
        new S3PublicAccessBlockUpdate(),
        new PasswordPolicyGet(),
        new PasswordPolicyUpdate(),
        new InstanceMetadataOptionsModify(),
        new io.rolecall.commands.remediation.SecurityGroupRevoke.Ingress(),
        new io.rolecall.commands.remediation.SecurityGroupRevoke.Egress(),
        new io.rolecall.commands.remediation.InstanceAttributeModify(),
        new io.rolecall.commands.remediation.SharingModify.Snapshot(),
        new io.rolecall.commands.remediation.SharingModify.Image(),
        new io.rolecall.commands.remediation.AccessKeyUpdate(),
        new io.rolecall.commands.remediation.LoginProfileDelete(),
        new io.rolecall.commands.remediation.RoleFromInstanceProfileRemove(),
        new UserCreate(),
        new UserGet(),
        new UserGetByEmail(),
        new UserList(),
        new UserUpdate(),
        new UserDelete(),
        new GroupCreate(),
        new GroupGet(),
        new GroupList(),
        new GroupUpdate(),
        new GroupDelete(),
        new GroupsForUser(),
        new MembershipAdd(),
        new MembershipList(),
        new MembershipDelete(),
        new MembershipsRemoveAll(),
        PasswordPolicyGet.iamPackAlias(),
        PasswordPolicyUpdate.iamPackAlias(),
        // S3, RDS, CloudTrail and KMS remediations (issue 15)
        new io.rolecall.commands.remediation.S3BucketPolicyPut(),
        new io.rolecall.commands.remediation.S3BucketPolicyDelete(),
        new io.rolecall.commands.remediation.S3BucketAclPut(),
        new io.rolecall.commands.remediation.S3BucketOwnershipControlsPut(),
        new io.rolecall.commands.remediation.S3BucketVersioningPut(),
        new io.rolecall.commands.remediation.S3BucketLoggingPut(),
        new io.rolecall.commands.remediation.RdsDbInstanceModify(),
        io.rolecall.commands.remediation.RdsSnapshotAttributeModify.instanceSnapshots(),
        io.rolecall.commands.remediation.RdsSnapshotAttributeModify.clusterSnapshots(),
        new io.rolecall.commands.remediation.CloudTrailLoggingStart(),
        new io.rolecall.commands.remediation.CloudTrailTrailUpdate(),
        new io.rolecall.commands.remediation.KmsKeyRotationEnable()));
  }
}
