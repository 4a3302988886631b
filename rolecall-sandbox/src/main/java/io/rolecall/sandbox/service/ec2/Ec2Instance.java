package io.rolecall.sandbox.service.ec2;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One EC2 instance, with the fields DescribeInstances reports that rolecall (remediation and inventory) reads.
 * Immutable: a change replaces the record in its {@link Ec2Region}. Nullable: {@code keyName},
 * {@code publicIpAddress}, {@code iamInstanceProfileArn} / {@code iamInstanceProfileId} (no instance profile).
 *
 * @param securityGroups group id to group name
 * @param tags in the order they were given
 */
public record Ec2Instance(
    String instanceId,
    String reservationId,
    String ownerId,
    String region,
    String availabilityZone,
    String imageId,
    String instanceType,
    InstanceState state,
    Instant launchTime,
    String vpcId,
    String subnetId,
    String privateIpAddress,
    String privateDnsName,
    String publicIpAddress,
    String keyName,
    String iamInstanceProfileArn,
    String iamInstanceProfileId,
    Map<String, String> securityGroups,
    Map<String, String> tags,
    MetadataOptions metadataOptions) {

  public Ec2Instance {
    securityGroups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(securityGroups));
    tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
  }

  public String arn() {
    return "arn:aws:ec2:" + region + ":" + ownerId + ":instance/" + instanceId;
  }

  public List<String> securityGroupIds() {
    return List.copyOf(securityGroups.keySet());
  }

  public Ec2Instance withState(InstanceState newState) {
    return new Ec2Instance(instanceId, reservationId, ownerId, region, availabilityZone, imageId, instanceType,
        newState, launchTime, vpcId, subnetId, privateIpAddress, privateDnsName, publicIpAddress, keyName,
        iamInstanceProfileArn, iamInstanceProfileId, securityGroups, tags, metadataOptions);
  }

  public Ec2Instance withSecurityGroups(Map<String, String> groups) {
    return new Ec2Instance(instanceId, reservationId, ownerId, region, availabilityZone, imageId, instanceType, state,
        launchTime, vpcId, subnetId, privateIpAddress, privateDnsName, publicIpAddress, keyName,
        iamInstanceProfileArn, iamInstanceProfileId, groups, tags, metadataOptions);
  }

  public Ec2Instance withMetadataOptions(MetadataOptions options) {
    return new Ec2Instance(instanceId, reservationId, ownerId, region, availabilityZone, imageId, instanceType, state,
        launchTime, vpcId, subnetId, privateIpAddress, privateDnsName, publicIpAddress, keyName,
        iamInstanceProfileArn, iamInstanceProfileId, securityGroups, tags, options);
  }
}
