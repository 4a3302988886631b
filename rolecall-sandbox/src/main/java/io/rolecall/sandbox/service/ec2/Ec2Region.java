package io.rolecall.sandbox.service.ec2;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Ids;
import io.rolecall.sandbox.protocol.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One account's EC2 in one region: instances, each in a reservation, and the region's default VPC and subnet that
 * instances launch into unless told otherwise (AWS gives every account one per region). Network resources (VPCs,
 * subnets, security groups, interfaces) are meant to live here too, next to the instances that refer to them.
 * The public methods are the setup API and what the wire handlers call. Thread-safe.
 */
public final class Ec2Region {
  private final Account account;
  private final String region;
  private final String defaultVpcId = Ec2Ids.next("vpc");
  private final String defaultSubnetId = Ec2Ids.next("subnet");
  private final Map<String, Ec2Instance> instances = new ConcurrentSkipListMap<>();
  private final Map<String, Ec2Snapshot> snapshots = new ConcurrentSkipListMap<>(); // snapshots and AMIs, by id
  /** Host part of the next address handed out in the default subnet, 172.31.0.0/16 as in AWS's default VPCs. */
  private final AtomicInteger nextHost = new AtomicInteger(10);

  Ec2Region(Account account, String region) {
    this.account = account;
    this.region = region;
  }

  public String accountId() {
    return account.id();
  }

  public String region() {
    return region;
  }

  public String defaultVpcId() {
    return defaultVpcId;
  }

  public String defaultSubnetId() {
    return defaultSubnetId;
  }

  /** Launches one running instance with every default; returns its id. */
  public String launchInstance() {
    return launchInstance(LaunchSpec.instance());
  }

  /** Launches one instance in a reservation of its own; returns its id. */
  public String launchInstance(LaunchSpec spec) {
    return runInstances(spec, 1).getFirst().instanceId();
  }

  /** Launches {@code count} instances in one reservation, as RunInstances does. */
  public List<Ec2Instance> runInstances(LaunchSpec spec, int count) {
    if (spec.instanceId != null && (count != 1 || !Ec2Ids.validInstanceId(spec.instanceId))) {
      throw new IllegalArgumentException("a fixed instance id launches one instance and looks like i-0123456789abcdef0");
    }
    String reservationId = Ec2Ids.next("r");
    var launched = new ArrayList<Ec2Instance>();
    for (int i = 0; i < count; i++) {
      String id = spec.instanceId != null ? spec.instanceId : Ids.instanceId();
      var instance = build(spec, id, reservationId);
      if (instances.putIfAbsent(id, instance) != null) {
        throw new IllegalArgumentException("instance " + id + " already exists in " + account.id() + " " + region);
      }
      launched.add(instance);
    }
    return launched;
  }

  private Ec2Instance build(LaunchSpec spec, String id, String reservationId) {
    boolean defaultSubnet = spec.subnetId == null;
    String ip = spec.privateIpAddress != null ? spec.privateIpAddress : nextAddress();
    String dns = "ip-" + ip.replace('.', '-') + (region.equals("us-east-1") ? ".ec2.internal" : "." + region + ".compute.internal");
    String profileId = spec.iamInstanceProfileArn == null ? null : Ids.uniqueId("AIPA");
    return new Ec2Instance(id, reservationId, account.id(), region,
        spec.availabilityZone != null ? spec.availabilityZone : region + "a", spec.imageId, spec.instanceType,
        spec.state, spec.launchTime != null ? spec.launchTime : account.world().clock().now(),
        defaultSubnet ? defaultVpcId : spec.vpcId, defaultSubnet ? defaultSubnetId : spec.subnetId, ip, dns,
        spec.publicIpAddress, spec.keyName, spec.iamInstanceProfileArn, profileId, spec.securityGroups, spec.tags,
        spec.metadataOptions);
  }

  private String nextAddress() {
    int host = nextHost.getAndIncrement();
    return "172.31." + (host / 256) % 256 + "." + host % 256;
  }

  public Optional<Ec2Instance> instance(String id) {
    return Optional.ofNullable(instances.get(id));
  }

  /** The instance, or EC2's InvalidInstanceID.NotFound. */
  public Ec2Instance requireInstance(String id) {
    return instance(id).orElseThrow(() -> Ec2Errors.instancesNotFound(List.of(id)));
  }

  /** Every instance of this account and region, by id. */
  public List<Ec2Instance> instances() {
    return List.copyOf(instances.values());
  }

  /** Replaces an instance's metadata options; returns the new instance. */
  public Ec2Instance updateMetadataOptions(String id, UnaryOperator<MetadataOptions> change) {
    return update(id, i -> i.withMetadataOptions(change.apply(i.metadataOptions())));
  }

  /** Moves an instance to another state (stopped, terminated...), for tests of state-dependent behaviour. */
  public Ec2Instance setState(String id, InstanceState state) {
    return update(id, i -> i.withState(state));
  }

  private Ec2Instance update(String id, UnaryOperator<Ec2Instance> change) {
    var updated = instances.computeIfPresent(id, (k, i) -> change.apply(i));
    if (updated == null) throw Ec2Errors.instancesNotFound(List.of(id));
    return updated;
  }

  /** An EBS snapshot owned by this account, shared with {@code sharedWith} ("all": public); returns its id. */
  public String createSnapshot(String description, java.util.Set<String> sharedWith) {
    var snap = new Ec2Snapshot(Ec2Ids.next("snap"), false, account.id(), null, description,
        account.world().clock().now(), sharedWith);
    snapshots.put(snap.id(), snap);
    return snap.id();
  }

  /** An AMI owned by this account, its launch permission given to {@code sharedWith} ("all": public). */
  public String createImage(String name, java.util.Set<String> sharedWith) {
    var image = new Ec2Snapshot(Ec2Ids.next("ami"), true, account.id(), name, name, account.world().clock().now(),
        sharedWith);
    snapshots.put(image.id(), image);
    return image.id();
  }

  /** Snapshots ({@code images} false) or AMIs of this account and region. */
  public List<Ec2Snapshot> snapshots(boolean images) {
    return snapshots.values().stream().filter(s -> s.image() == images).toList();
  }

  /** The snapshot or AMI, or EC2's not-found error for its kind. */
  public Ec2Snapshot requireSnapshot(String id, boolean image) {
    var s = snapshots.get(id);
    if (s == null || s.image() != image) {
      throw image ? AwsException.badRequest("InvalidAMIID.NotFound", "The image id '[" + id + "]' does not exist")
          : AwsException.badRequest("InvalidSnapshot.NotFound", "The snapshot '" + id + "' does not exist.");
    }
    return s;
  }

  public Ec2Snapshot updateSnapshot(String id, boolean image, UnaryOperator<Ec2Snapshot> change) {
    requireSnapshot(id, image);
    return snapshots.computeIfPresent(id, (k, s) -> change.apply(s));
  }

  /** Replaces an instance's security groups (ModifyInstanceAttribute GroupId.N): group id to name. */
  public Ec2Instance replaceSecurityGroups(String id, Map<String, String> groups) {
    return update(id, i -> i.withSecurityGroups(groups));
  }

  /** Refuses a subnet the region does not have; only the default subnet exists until network resources are added. */
  String vpcOfSubnet(String subnetId) {
    if (subnetId.equals(defaultSubnetId)) return defaultVpcId;
    throw AwsException.badRequest("InvalidSubnetID.NotFound", "The subnet ID '" + subnetId + "' does not exist");
  }
}
