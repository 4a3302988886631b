package io.rolecall.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall sandbox [--accounts N --users N ...]}: starts the embedded AWS emulator with a seeded estate,
 * prints its endpoint and an operator's keys (shell-sourceable), and serves until killed. For benchmarks and for
 * trying rolecall (or the AWS CLI) by hand.
 *
 * <p>The options are declared here, so that {@code --help} and completion describe them, but taken as text and
 * handed to the emulator's own parser (through {@link SandboxRun}): it judges the values, and the CLI's main code
 * does not link the emulator, which a shipped jar may not have. {@code --role-name} and {@code --external-id} are
 * rolecall's global flags and reach the emulator from there.
 */
@Command(name = "sandbox",
    description = "Run a seeded local AWS emulator until killed; prints endpoint and keys.",
    footer = {"", "--role-name (default RolecallAudit) and --external-id set the seeded accounts' role and the"
        + " ExternalId it requires."})
final class SandboxCommand implements Callable<Integer> {
  @ParentCommand
  RolecallCommand root;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 0: a free one).")
  String port;

  @Option(names = "--accounts", paramLabel = "N", description = "Member accounts to seed, 200000000001 onwards (default 0).")
  String accounts;

  @Option(names = "--latency-ms", paramLabel = "N", description = "Delay added to every response, in milliseconds (default 0).")
  String latencyMs;

  @Option(names = "--users", paramLabel = "N", description = "IAM users per account.")
  String users;

  @Option(names = "--keys-per-user", paramLabel = "K", description = "Access keys per IAM user.")
  String keysPerUser;

  @Option(names = "--groups", paramLabel = "N", description = "IAM groups per account.")
  String groups;

  @Option(names = "--roles", paramLabel = "N", description = "IAM roles per account.")
  String roles;

  @Option(names = "--policies", paramLabel = "N", description = "Customer-managed IAM policies per account.")
  String policies;

  @Option(names = "--vpcs", paramLabel = "N", description = "VPCs per account and region.")
  String vpcs;

  @Option(names = "--instances", paramLabel = "N", description = "EC2 instances per account and region.")
  String instances;

  @Option(names = "--events", paramLabel = "N", description = "CloudTrail events per account and region.")
  String events;

  @Option(names = "--regions", paramLabel = "R1,R2", description = "Regions the estate is seeded in (default us-east-1).")
  String regions;

  @Option(names = "--ous", paramLabel = "N",
      description = "Organizational units: the operator's account manages an organization of the seeded accounts.")
  String ous;

  @Option(names = "--ic-users", paramLabel = "N", description = "Identity Center users.")
  String icUsers;

  @Option(names = "--ic-groups", paramLabel = "N", description = "Identity Center groups.")
  String icGroups;

  @Option(names = "--ic-memberships", paramLabel = "K", description = "Identity Center group memberships per user.")
  String icMemberships;

  @Option(names = "--permission-sets", paramLabel = "N", description = "Identity Center permission sets.")
  String permissionSets;

  @Option(names = "--assignments-per-account", paramLabel = "N",
      description = "Identity Center account assignments per account.")
  String assignmentsPerAccount;

  @Option(names = "--ic-region", paramLabel = "REGION", description = "Region of the Identity Center instance (default us-east-1).")
  String icRegion;

  @Option(names = "--risks", description = "Also seed one of each EC2/IAM risk rolecall flags in every account: security"
      + " groups open to the internet, an instance answering IMDSv1, a public snapshot and AMI, a stale access key.")
  boolean risks;

  @Option(names = "--risky-assets", description = "Also seed one of each S3, RDS, CloudTrail and KMS risk: a public"
      + " bucket, a bucket without a public access block, a public database and snapshots, a trail not logging, a KMS"
      + " key without rotation.")
  boolean riskyAssets;

  @Override
  public Integer call() throws InterruptedException {
    var args = new ArrayList<String>();
    add(args, "--port", port);
    add(args, "--accounts", accounts);
    add(args, "--latency-ms", latencyMs);
    add(args, "--users", users);
    add(args, "--keys-per-user", keysPerUser);
    add(args, "--groups", groups);
    add(args, "--roles", roles);
    add(args, "--policies", policies);
    add(args, "--vpcs", vpcs);
    add(args, "--instances", instances);
    add(args, "--events", events);
    add(args, "--regions", regions);
    add(args, "--ous", ous);
    add(args, "--ic-users", icUsers);
    add(args, "--ic-groups", icGroups);
    add(args, "--ic-memberships", icMemberships);
    add(args, "--permission-sets", permissionSets);
    add(args, "--assignments-per-account", assignmentsPerAccount);
    add(args, "--ic-region", icRegion);
    if (risks) {
      args.add("--risks");
    }
    if (riskyAssets) {
      args.add("--risky-assets");
    }
    add(args, "--role-name", root.global.roleName);
    add(args, "--external-id", root.global.externalId);
    Emulator.require("sandbox");
    SandboxRun.run(args, root.cli);
    return 0;
  }

  private static void add(List<String> args, String option, String value) {
    if (value != null) {
      args.add(option);
      args.add(value);
    }
  }
}
