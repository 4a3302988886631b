package io.rolecall.sandbox.service.ec2;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to launch, for the setup API {@link Ec2Region#launchInstance(LaunchSpec)} and for RunInstances. Every field
 * is optional; unset ones get realistic defaults (the region's default VPC and subnet, the next private address,
 * running, launched now, {@link MetadataOptions#DEFAULTS}):
 * <pre>{@code
 * String id = sb.account("222222222222").ec2("us-east-1").launchInstance(LaunchSpec.instance()
 *     .tag("Name", "web-1").instanceProfile("arn:aws:iam::222222222222:instance-profile/web")
 *     .metadataOptions(MetadataOptions.DEFAULTS.withHttpTokens("optional")));
 * }</pre>
 */
public final class LaunchSpec {
  String instanceId;
  String imageId = "ami-0c02fb55956c7d316";
  String instanceType = "t3.micro";
  InstanceState state = InstanceState.RUNNING;
  Instant launchTime;
  String vpcId;
  String subnetId;
  String availabilityZone;
  String privateIpAddress;
  String publicIpAddress;
  String keyName;
  String iamInstanceProfileArn;
  final Map<String, String> securityGroups = new LinkedHashMap<>();
  final Map<String, String> tags = new LinkedHashMap<>();
  MetadataOptions metadataOptions = MetadataOptions.DEFAULTS;

  private LaunchSpec() {}

  public static LaunchSpec instance() {
    return new LaunchSpec();
  }

  /** A fixed id (i- and 8 or 17 hex digits), for demos and tests that name the instance up front. */
  public LaunchSpec id(String v) { instanceId = v; return this; }
  public LaunchSpec imageId(String v) { imageId = v; return this; }
  public LaunchSpec instanceType(String v) { instanceType = v; return this; }
  public LaunchSpec state(InstanceState v) { state = v; return this; }
  public LaunchSpec launchTime(Instant v) { launchTime = v; return this; }
  /** A subnet and the VPC it belongs to (the region's default ones when not given). */
  public LaunchSpec subnet(String subnet, String vpc) { subnetId = subnet; vpcId = vpc; return this; }
  public LaunchSpec availabilityZone(String v) { availabilityZone = v; return this; }
  public LaunchSpec privateIpAddress(String v) { privateIpAddress = v; return this; }
  public LaunchSpec publicIpAddress(String v) { publicIpAddress = v; return this; }
  public LaunchSpec keyName(String v) { keyName = v; return this; }
  public LaunchSpec instanceProfile(String arn) { iamInstanceProfileArn = arn; return this; }
  public LaunchSpec securityGroup(String groupId, String groupName) { securityGroups.put(groupId, groupName); return this; }
  public LaunchSpec tag(String key, String value) { tags.put(key, value); return this; }
  public LaunchSpec metadataOptions(MetadataOptions v) { metadataOptions = v; return this; }
}
