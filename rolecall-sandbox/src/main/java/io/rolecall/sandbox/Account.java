package io.rolecall.sandbox;

import io.rolecall.sandbox.auth.Principal;
import io.rolecall.sandbox.service.ec2.Ec2Region;
import io.rolecall.sandbox.service.ec2.Ec2Service;
import io.rolecall.sandbox.service.cloudtrail.CloudTrail;
import io.rolecall.sandbox.service.cloudtrail.RegionTrail;
import io.rolecall.sandbox.service.ec2network.Ec2Network;
import io.rolecall.sandbox.service.ec2network.RegionNetwork;
import io.rolecall.sandbox.service.iam.IamState;
import io.rolecall.sandbox.service.organizations.Organization;
import io.rolecall.sandbox.service.s3.S3State;
import io.rolecall.sandbox.service.identitystore.IdentityCenterState;
import io.rolecall.sandbox.service.ssoadmin.SsoAdminState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One AWS account. Each service keeps its per-account state here, created on first use through
 * {@link #state(Class, Supplier)}; the accessors ({@link #iam()}, ...) are shortcuts for tests.
 */
public final class Account {
  private final String id;
  private final World world;
  private final Map<Class<?>, Object> states = new ConcurrentHashMap<>();
  private AccessKey rootKey;

  Account(String id, World world) {
    this.id = id;
    this.world = world;
  }

  public String id() {
    return id;
  }

  public World world() {
    return world;
  }

  public Principal.Root root() {
    return new Principal.Root(id);
  }

  /** This account's IAM: users, roles, policies, password policy. */
  public IamState iam() {
    return state(IamState.class, () -> new IamState(this));
  }

  /** This account's S3: buckets and their public access blocks, and the account-level block. */
  public S3State s3() {
    return state(S3State.class, () -> new S3State(this));
  }

  /** This account's EC2 in one region: instances ({@code launchInstance(...)}), default VPC and subnet. */
  public Ec2Region ec2(String region) {
    return Ec2Service.state(this).region(region);
  }

  /** The organization this account belongs to, if any. */
  public Optional<Organization> organization() {
    return Organization.of(this);
  }

  /** This account's IAM Identity Center: instances (per region) and their identity stores. */
  public IdentityCenterState identityCenter() {
    return IdentityCenterState.of(this);
  }

  /** This account's Identity Center administration: permission sets and account assignments, per instance. */
  public SsoAdminState ssoAdmin() {
    return SsoAdminState.of(this);
  }

  /** This account's VPCs, subnets, security groups and network interfaces in one region. */
  public RegionNetwork ec2Network(String region) {
    return Ec2Network.of(this).region(region);
  }

  /** This account's CloudTrail event history in one region. */
  public RegionTrail cloudTrail(String region) {
    return CloudTrail.of(this).region(region);
  }

  /** The state a service keeps for this account, created by {@code factory} the first time it is asked for. */
  public <S> S state(Class<S> type, Supplier<S> factory) {
    return type.cast(states.computeIfAbsent(type, t -> factory.get()));
  }

  /** A long-term access key of the account's root user (created once). */
  public synchronized AccessKey rootAccessKey() {
    if (rootKey == null) {
      var c = world.issueAccessKey(root());
      rootKey = new AccessKey(c.accessKeyId(), c.secretAccessKey());
    }
    return rootKey;
  }

  @Override
  public String toString() {
    return "Account[" + id + "]";
  }
}
