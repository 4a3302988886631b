package io.rolecall.sandbox.seed;

import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.service.ec2network.RegionNetwork;
import io.rolecall.sandbox.service.ec2network.SecurityGroup;
import io.rolecall.sandbox.service.ec2network.Subnet;
import io.rolecall.sandbox.service.iam.AwsManagedPolicies;
import io.rolecall.sandbox.service.iam.IamState;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills an account with a clean, realistic estate quickly, for tests and benchmarks: users with fresh keys in use
 * (every other one with a console password and MFA), groups, roles trusting EC2, customer-managed policies attached
 * round-robin, a strong password policy, root MFA on, and per region VPCs, subnets, security groups, instances'
 * network interfaces and CloudTrail events (instances require IMDSv2), and a multi-region trail logging. Nothing
 * seeded here is a finding except users with two active keys (when keysPerUser is 2), unless the spec asks for
 * {@link EstateSpec#risks} ({@link #seedRisks} adds one of each EC2/IAM risk) or {@link EstateSpec#riskyAssets}
 * ({@link RiskyAssets} adds one of each S3, RDS, CloudTrail and KMS risk).
 */
public final class Seeder {
  private Seeder() {}

  /** The access role rolecall assumes in each seeded account: it trusts {@code trusted} and holds SecurityAudit. */
  public static void accessRole(Account account, String roleName, TrustPolicy trust) {
    account.iam().createRole(roleName, trust);
    account.iam().attachRolePolicy(roleName, AwsManagedPolicies.arn("SecurityAudit"));
  }

  public static void seed(Account account, EstateSpec spec) {
    Instant now = account.world().clock().now();
    var iam = account.iam();
    iam.setPasswordPolicy(new PasswordPolicy(14, true, true, true, true, true, 90, 24, false));
    iam.credentials().rootMfa(true);
    var policies = new ArrayList<String>();
    for (int i = 0; i < spec.policies(); i++) {
      policies.add(iam.createPolicy(String.format("policy-%03d", i), readPolicy(account.id(), i)));
    }
    for (int i = 0; i < spec.groups(); i++) {
      String group = String.format("group-%03d", i);
      iam.createGroup(group);
      if (!policies.isEmpty()) iam.attachGroupPolicy(group, policies.get(i % policies.size()));
    }
    for (int i = 0; i < spec.users(); i++) {
      seedUser(iam, i, spec, policies, now);
    }
    for (int i = 0; i < spec.roles(); i++) {
      String role = String.format("role-%03d", i);
      iam.createRole(role, TrustPolicy.trustingService("ec2.amazonaws.com"));
      if (i == 0) iam.attachRolePolicy(role, AwsManagedPolicies.arn("ReadOnlyAccess"));
      else if (!policies.isEmpty()) iam.attachRolePolicy(role, policies.get(i % policies.size()));
    }
    for (String region : spec.regions()) {
      seedRegion(account, region, spec, now);
    }
    if (spec.risks()) {
      iam.createUser(STALE_KEY_USER);
      var stale = iam.createAccessKey(STALE_KEY_USER, now.minus(Duration.ofDays(200)));
      iam.credentials().recordKeyUse(stale.accessKeyId(), now.minus(Duration.ofDays(120)), "s3", "us-east-1");
      for (String region : spec.regions()) {
        seedRisks(account, region);
      }
    }
    if (spec.riskyAssets()) {
      RiskyAssets.seed(account, spec.regions().getFirst());
    } else if (!spec.regions().isEmpty()) {
      // A clean account logs every region with one multi-region trail (the risky estate's only trail is not logging).
      var trails = io.rolecall.sandbox.service.cloudtrail.CloudTrail.of(account);
      trails.update(trails.createTrail("management-events", spec.regions().getFirst(), "cloudtrail-" + account.id(), true)
          .withLogging(true));
    }
  }

  /** The user {@link EstateSpec#risks} gives an active access key unused for 120 days. */
  public static final String STALE_KEY_USER = "stale-key-user";
  /** The security groups {@link #seedRisks} opens to the internet. */
  public static final String ADMIN_OPEN_GROUP = "admin-open";
  public static final String ALL_OPEN_GROUP = "all-open";
  /** The tag Name of the instance {@link #seedRisks} leaves answering IMDSv1. */
  public static final String IMDSV1_INSTANCE = "imdsv1-instance";

  /**
   * One of each asset risk in a region: a group open to 0.0.0.0/0 on SSH, RDP, MySQL and PostgreSQL (SSH also to
   * ::/0), a group open on all ports, an instance answering IMDSv1 in the first, a public EBS snapshot (create-volume
   * permission to "all") and a public AMI (launch permission to "all"). Uses the region's first VPC, making one if
   * there is none.
   */
  public static void seedRisks(Account account, String region) {
    RegionNetwork net = account.ec2Network(region);
    var vpc = net.vpcs().isEmpty() ? net.createVpc("10.200.0.0/16", false, Map.of("Name", "risky")) : net.vpcs().getFirst();
    var subnet = net.subnets().stream().filter(s -> s.vpcId().equals(vpc.vpcId())).findFirst()
        .orElseGet(() -> net.createSubnet(vpc.vpcId(), vpc.cidrBlock().replace("0.0/16", "9.0/24"), region + "a"));
    var admin = net.createSecurityGroup(vpc.vpcId(), ADMIN_OPEN_GROUP, "admin and database ports open to the internet",
        List.of(new SecurityGroup.Rule("tcp", 22, 22, "0.0.0.0/0"), new SecurityGroup.Rule("tcp", 22, 22, "::/0"),
            new SecurityGroup.Rule("tcp", 3389, 3389, "0.0.0.0/0"), new SecurityGroup.Rule("tcp", 3306, 3306, "0.0.0.0/0"),
            new SecurityGroup.Rule("tcp", 5432, 5432, "0.0.0.0/0"), new SecurityGroup.Rule("tcp", 443, 443, "10.0.0.0/8")));
    net.createSecurityGroup(vpc.vpcId(), ALL_OPEN_GROUP, "every port open to the internet",
        List.of(new SecurityGroup.Rule("-1", -1, -1, "0.0.0.0/0")));
    Instances.launch(account, region, subnet, admin, IMDSV1_INSTANCE, "optional");
    var ec2 = account.ec2(region);
    ec2.createSnapshot("database backup", java.util.Set.of("all"));
    ec2.createImage("golden-image", java.util.Set.of("all"));
  }

  private static void seedUser(IamState iam, int i, EstateSpec spec, List<String> policies, Instant now) {
    String user = String.format("user-%03d", i);
    iam.createUser(user);
    for (int k = 0; k < spec.keysPerUser(); k++) {
      var key = iam.createAccessKey(user, now.minus(Duration.ofDays(10 + k)));
      iam.credentials().recordKeyUse(key.accessKeyId(), now.minus(Duration.ofHours(1 + k)), "s3", "us-east-1");
    }
    if (i % 2 == 0) {
      iam.credentials().createLoginProfile(user, now.minus(Duration.ofDays(1)));
      iam.credentials().enableVirtualMfa(user);
    }
    if (spec.groups() > 0) iam.addUserToGroup(String.format("group-%03d", i % spec.groups()), user);
    if (i % 5 == 0 && !policies.isEmpty()) iam.attachUserPolicy(user, policies.get(i % policies.size()));
  }

  private static void seedRegion(Account account, String region, EstateSpec spec, Instant now) {
    RegionNetwork net = account.ec2Network(region);
    var subnets = new ArrayList<Subnet>();
    var groups = new ArrayList<SecurityGroup>();
    for (int v = 0; v < spec.vpcs(); v++) {
      var vpc = net.createVpc("10." + v + ".0.0/16", v == 0, Map.of("Name", "vpc-" + v));
      subnets.add(net.createSubnet(vpc.vpcId(), "10." + v + ".1.0/24", region + "a"));
      subnets.add(net.createSubnet(vpc.vpcId(), "10." + v + ".2.0/24", region + "b"));
      groups.add(net.createSecurityGroup(vpc.vpcId(), "default", "default VPC security group",
          List.of(new SecurityGroup.Rule("-1", -1, -1, "10." + v + ".0.0/16"))));
      groups.add(net.createSecurityGroup(vpc.vpcId(), "web", "HTTPS from anywhere",
          List.of(new SecurityGroup.Rule("tcp", 443, 443, "0.0.0.0/0"))));
    }
    for (int n = 0; n < spec.instances(); n++) {
      var subnet = subnets.get(n % subnets.size());
      var group = groups.stream().filter(g -> g.vpcId().equals(subnet.vpcId())).toList().getLast();
      Instances.launch(account, region, subnet, group, "seeded-" + n, "required");
    }
    var trail = account.cloudTrail(region);
    String[] names = {"CreateUser", "AttachRolePolicy", "RunInstances", "AuthorizeSecurityGroupIngress", "DescribeInstances"};
    String[] sources = {"iam.amazonaws.com", "iam.amazonaws.com", "ec2.amazonaws.com", "ec2.amazonaws.com", "ec2.amazonaws.com"};
    for (int e = 0; e < spec.events(); e++) {
      int k = e % names.length;
      trail.record(names[k], sources[k], now.minus(Duration.ofMinutes(e + 1)), "user-000", k == 4, Map.of());
    }
  }

  /** A read-only customer-managed policy; a different resource per index keeps documents distinct. */
  private static String readPolicy(String accountId, int i) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],"
        + "\"Resource\":[\"arn:aws:s3:::bucket-" + accountId + "-" + i + "\",\"arn:aws:s3:::bucket-" + accountId + "-" + i
        + "/*\"]}]}";
  }
}
