package io.rolecall.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.rolecall.commands.Commands;
import io.rolecall.sandbox.protocol.Json;
import io.rolecall.sandbox.service.ec2.LaunchSpec;
import io.rolecall.sandbox.service.ec2network.SecurityGroup;
import io.rolecall.sandbox.service.iam.InstanceProfiles;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import io.rolecall.sandbox.service.identitystore.IdentityStore;
import io.rolecall.sandbox.seed.RiskyAssets;
import io.rolecall.sandbox.service.cloudtrail.CloudTrail;
import io.rolecall.sandbox.service.kms.KmsState;
import io.rolecall.sandbox.service.rds.DbSnapshot;
import io.rolecall.sandbox.service.rds.RdsState;
import io.rolecall.sandbox.service.s3.Grant;
import io.rolecall.sandbox.service.s3.PublicAccessBlock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One scenario per mutating command, set up in a {@link SandboxEngine}'s sandbox: arguments that change something,
 * the state the command acts on (read straight from the sandbox, to tell whether AWS changed), what the identity
 * and the action of its write call are (for faults), and how AWS could end up holding something other than asked
 * (null where a read-back cannot tell: a deleted resource has nothing left to alter).
 */
record MutatingScenarios(String command, List<String> args, Supplier<Object> state, String service, String action,
    Runnable alteration) {

  static final String ACCOUNT = SandboxEngine.TRUSTING.getFirst();
  static final String STORE_ID = "d-1234567890";

  /** The names of every mutating command: the scenarios must cover each, so a new one cannot skip these tests. */
  static List<String> commands() {
    return Commands.registry().specs().stream().filter(s -> s.mutating()).map(s -> s.name()).toList();
  }

  /** The scenario of {@code command}, its state set up in {@code e}'s sandbox. */
  static MutatingScenarios of(String command, SandboxEngine e) {
    var iam = e.sb.account(ACCOUNT).iam();
    var ic = identityCenter(e);
    var ann = ic.userBy("userName", "ann").orElseThrow();
    var engineers = ic.groupByDisplayName("Engineers").orElseThrow();
    Supplier<Object> directory = () -> directory(ic);
    return switch (command.replace("aws-iam-identitycenter-", "ic:")) {
      case "aws-iam-account-password-policy-update" -> {
        iam.setPasswordPolicy(new PasswordPolicy(8, false, true, false, false, true, 0, 0, false));
        yield new MutatingScenarios(command, List.of("account_id=" + ACCOUNT, "minimum_password_length=14",
            "max_password_age=90"), iam::passwordPolicy, "iam", "UpdateAccountPasswordPolicy",
            // ExpirePasswords follows MaxPasswordAge; a service that kept no maximum age keeps it false.
            () -> iam.setPasswordPolicy(new PasswordPolicy(14, false, true, false, false, true, 0, 0, false)));
      }
      case "aws-iam-update-account-password-policy" -> { // the AWS - IAM pack's alias, its camelCase arguments
        iam.setPasswordPolicy(new PasswordPolicy(8, false, true, false, false, true, 0, 0, false));
        yield new MutatingScenarios(command, List.of("account_id=" + ACCOUNT, "minimumPasswordLength=14",
            "maxPasswordAge=90"), iam::passwordPolicy, "iam", "UpdateAccountPasswordPolicy",
            () -> iam.setPasswordPolicy(new PasswordPolicy(14, false, true, false, false, true, 0, 0, false)));
      }
      case "aws-s3-public-access-block-update" -> {
        var s3 = e.sb.account(ACCOUNT).s3();
        s3.createBucket("logs-222");
        s3.setPublicAccessBlock("logs-222", PublicAccessBlock.ALL_FALSE);
        yield new MutatingScenarios(command, List.of("account_id=" + ACCOUNT, "bucket=logs-222",
            "block_public_acls=true"), () -> s3.publicAccessBlock("logs-222"), "s3", "PutPublicAccessBlock",
            () -> s3.setPublicAccessBlock("logs-222", PublicAccessBlock.ALL_FALSE));
      }
      case "aws-ec2-instance-metadata-options-modify" -> {
        var ec2 = e.sb.account(ACCOUNT).ec2("us-east-1");
        String id = ec2.launchInstance(LaunchSpec.instance().tag("Name", "web"));
        yield new MutatingScenarios(command, List.of("account_id=" + ACCOUNT, "instance_id=" + id,
            "http_tokens=required"), () -> ec2.requireInstance(id).metadataOptions(), "ec2",
            "ModifyInstanceMetadataOptions", () -> ec2.updateMetadataOptions(id, o -> o.withHttpTokens("optional")));
      }
      case "aws-ec2-security-group-ingress-revoke", "aws-ec2-security-group-egress-revoke" -> {
        boolean egress = command.contains("egress");
        var net = e.sb.account(ACCOUNT).ec2Network("us-east-1");
        var vpc = net.createVpc("10.7.0.0/16");
        var open = new SecurityGroup.Rule("tcp", 22, 22, "0.0.0.0/0");
        String g = net.createSecurityGroup(vpc.vpcId(), "open", "open", List.of(open,
            new SecurityGroup.Rule("tcp", 443, 443, "0.0.0.0/0"))).groupId();
        yield new MutatingScenarios(command, egress
            ? List.of("account_id=" + ACCOUNT, "group_id=" + g, "protocol=-1", "cidr=0.0.0.0/0")
            : List.of("account_id=" + ACCOUNT, "group_id=" + g, "protocol=tcp", "port=22", "cidr=0.0.0.0/0"),
            () -> net.requireGroup(g), "ec2", egress ? "RevokeSecurityGroupEgress" : "RevokeSecurityGroupIngress",
            egress ? () -> net.authorizeEgress(g, SecurityGroup.ALL_OUT) : () -> net.authorizeIngress(g, List.of(open)));
      }
      case "aws-ec2-instance-attribute-modify" -> {
        var net = e.sb.account(ACCOUNT).ec2Network("us-east-1");
        var vpc = net.createVpc("10.8.0.0/16");
        var web = net.createSecurityGroup(vpc.vpcId(), "web", "web", List.of());
        var quarantine = net.createSecurityGroup(vpc.vpcId(), "quarantine", "quarantine", List.of());
        var ec2 = e.sb.account(ACCOUNT).ec2("us-east-1");
        String id = ec2.launchInstance(LaunchSpec.instance().securityGroup(web.groupId(), "web"));
        yield new MutatingScenarios(command, List.of("account_id=" + ACCOUNT, "instance_id=" + id,
            "groups=" + quarantine.groupId()), () -> ec2.requireInstance(id).securityGroupIds(), "ec2",
            "ModifyInstanceAttribute", () -> ec2.replaceSecurityGroups(id, Map.of(web.groupId(), "web")));
      }
      case "aws-ec2-snapshot-attribute-modify", "aws-ec2-image-attribute-modify" -> {
        boolean image = command.contains("image");
        var ec2 = e.sb.account(ACCOUNT).ec2("us-east-1");
        String id = image ? ec2.createImage("golden", Set.of("all")) : ec2.createSnapshot("backup", Set.of("all"));
        yield new MutatingScenarios(command, image
            ? List.of("account_id=" + ACCOUNT, "image_id=" + id, "attribute=launchPermission", "operation_type=remove",
                "user_groups=all")
            : List.of("account_id=" + ACCOUNT, "snapshot_id=" + id, "operation_type=remove", "group=all"),
            () -> ec2.requireSnapshot(id, image), "ec2", image ? "ModifyImageAttribute" : "ModifySnapshotAttribute",
            () -> ec2.updateSnapshot(id, image, x -> x.withSharing(Set.of("all"))));
      }
      case "aws-iam-access-key-update" -> {
        iam.createUser("kay");
        String key = iam.createAccessKey("kay").accessKeyId();
        yield new MutatingScenarios(command, List.of("account_id=" + ACCOUNT, "user_name=kay", "access_key_id=" + key,
            "status=Inactive"), () -> iam.credentials().active(key), "iam", "UpdateAccessKey",
            () -> iam.credentials().setAccessKeyActive(key, true));
      }
      case "aws-iam-login-profile-delete" -> {
        iam.createUser("lee");
        iam.credentials().createLoginProfile("lee", null);
        yield new MutatingScenarios(command, List.of("account_id=" + ACCOUNT, "user_name=lee"),
            () -> iam.credentials().loginProfile("lee").isPresent(), "iam", "DeleteLoginProfile",
            () -> iam.credentials().createLoginProfile("lee", null));
      }
      case "aws-iam-role-from-instance-profile-remove" -> {
        iam.createRole("web-role", io.rolecall.sandbox.TrustPolicy.trustingService("ec2.amazonaws.com"));
        var profiles = InstanceProfiles.of(e.sb.account(ACCOUNT));
        profiles.create("web-profile");
        profiles.addRole("web-profile", "web-role");
        yield new MutatingScenarios(command, List.of("account_id=" + ACCOUNT, "instance_profile_name=web-profile",
            "role_name=web-role"), () -> profiles.require("web-profile").roles(), "iam",
            "RemoveRoleFromInstanceProfile", () -> profiles.addRole("web-profile", "web-role"));
      }
      case "ic:create-user" -> new MutatingScenarios(command, List.of("userName=bob", "familyName=Ray",
          "givenName=Bob", "userEmailAddress=bob@example.com", "displayName=Bob Ray"), directory, "identitystore",
          "CreateUser", () -> ic.updateUser(ic.userBy("userName", "bob").orElseThrow().userId(),
              operation("displayName", "Robert Ray")));
      case "ic:update-user" -> new MutatingScenarios(command, List.of("userName=ann", "displayName=Ann Smith"),
          directory, "identitystore", "UpdateUser", () -> ic.updateUser(ann.userId(),
              operation("displayName", "Ann Other")));
      case "ic:delete-user" -> new MutatingScenarios(command, List.of("userName=zed"), directory, "identitystore",
          "DeleteUser", null);
      case "ic:create-group" -> new MutatingScenarios(command, List.of("displayName=Auditors",
          "description=Read-only reviewers"), directory, "identitystore", "CreateGroup",
          () -> ic.updateGroup(ic.groupByDisplayName("Auditors").orElseThrow().groupId(),
              operation("description", "Anyone")));
      case "ic:update-group" -> new MutatingScenarios(command, List.of("displayName=Engineers",
          "description=People who build and run"), directory, "identitystore", "UpdateGroup",
          () -> ic.updateGroup(engineers.groupId(), operation("description", "kept")));
      case "ic:delete-group" -> new MutatingScenarios(command, List.of("groupName=On-call"), directory,
          "identitystore", "DeleteGroup", null);
      case "ic:add-user-to-group" -> new MutatingScenarios(command, List.of("userName=ann", "groupName=Readers"),
          directory, "identitystore", "CreateGroupMembership", () -> ic.deleteMembership(ic.membership(
              ic.groupByDisplayName("Readers").orElseThrow().groupId(), ann.userId()).orElseThrow().membershipId()));
      case "ic:delete-group-membership" -> new MutatingScenarios(command, List.of("membershipId="
          + ic.membership(engineers.groupId(), ann.userId()).orElseThrow().membershipId()), directory,
          "identitystore", "DeleteGroupMembership", null);
      case "ic:remove-user-from-all-groups" -> new MutatingScenarios(command, List.of("userName=carl"), directory,
          "identitystore", "DeleteGroupMembership", () -> ic.addMember(ic.groupByDisplayName("Readers").orElseThrow(),
              ic.userBy("userName", "carl").orElseThrow()));
      case "aws-s3-bucket-policy-put", "aws-s3-bucket-policy-delete", "aws-s3-bucket-acl-put",
          "aws-s3-bucket-ownership-controls-put", "aws-s3-bucket-versioning-put", "aws-s3-bucket-logging-put" ->
          bucket(command, e);
      case "aws-rds-db-instance-modify" -> {
        var rds = RdsState.of(e.sb.account(ACCOUNT));
        rds.createInstance("us-east-1", "orders", true);
        yield new MutatingScenarios(command, List.of("account_id=" + ACCOUNT, "db_instance_identifier=orders",
            "publicly_accessible=false"), () -> rds.instance("us-east-1", "orders"), "rds", "ModifyDBInstance",
            () -> rds.createInstance("us-east-1", "orders", true));
      }
      case "aws-rds-db-snapshot-attribute-modify", "aws-rds-db-cluster-snapshot-attribute-modify" -> {
        boolean cluster = command.contains("cluster");
        var rds = RdsState.of(e.sb.account(ACCOUNT));
        rds.createSnapshot("us-east-1", "orders-snap", "orders", cluster, List.of("all"));
        yield new MutatingScenarios(command, List.of("account_id=" + ACCOUNT, (cluster ? "db_cluster_snapshot_identifier"
            : "db_snapshot_identifier") + "=orders-snap", "attribute_name=restore", "values_to_remove=all"),
            () -> rds.snapshot("us-east-1", "orders-snap", cluster).map(DbSnapshot::restore), "rds",
            cluster ? "ModifyDBClusterSnapshotAttribute" : "ModifyDBSnapshotAttribute",
            () -> rds.createSnapshot("us-east-1", "orders-snap", "orders", cluster, List.of("all")));
      }
      case "aws-cloudtrail-logging-start", "aws-cloudtrail-trail-update" -> {
        var trails = CloudTrail.of(e.sb.account(ACCOUNT));
        var trail = trails.createTrail("audit", "us-east-1", "logs-222", false);
        boolean start = command.endsWith("logging-start");
        yield new MutatingScenarios(command, start ? List.of("account_id=" + ACCOUNT, "name=audit")
            : List.of("account_id=" + ACCOUNT, "name=audit", "is_multi_region_trail=true"),
            () -> trails.trail("audit"), "cloudtrail", start ? "StartLogging" : "UpdateTrail",
            () -> trails.update(trail));
      }
      case "aws-kms-key-rotation-enable" -> {
        var kms = KmsState.of(e.sb.account(ACCOUNT));
        var key = kms.createKey("us-east-1", "orders");
        yield new MutatingScenarios(command, List.of("account_id=" + ACCOUNT, "key_id=" + key.keyId()),
            () -> kms.require("us-east-1", key.keyId()), "kms", "EnableKeyRotation", () -> kms.replace(key));
      }
      default -> throw new AssertionError("no scenario for the mutating command " + command + ": add one here");
    };
  }

  /** The S3 bucket commands' scenarios, on bucket data-222 (logs-222 the logging target). */
  private static MutatingScenarios bucket(String command, SandboxEngine e) {
    var s3 = e.sb.account(ACCOUNT).s3();
    s3.createBucket("data-222");
    s3.createBucket("logs-222");
    s3.change("logs-222", b -> b.withGrants(Grant.canned("log-delivery-write", s3.canonicalId())));
    String policy = RiskyAssets.publicReadPolicy("data-222");
    Supplier<Object> state = () -> s3.settings("data-222");
    var args = new java.util.ArrayList<>(List.of("account_id=" + ACCOUNT, "bucket=data-222"));
    return switch (command) {
      case "aws-s3-bucket-policy-put" -> {
        args.add("policy=" + policy);
        yield new MutatingScenarios(command, args, state, "s3", "PutBucketPolicy",
            () -> s3.change("data-222", b -> b.withPolicy(policy.replace("PublicRead", "Other"))));
      }
      case "aws-s3-bucket-policy-delete" -> {
        s3.change("data-222", b -> b.withPolicy(policy));
        // A policy back in place after the delete is a difference the read back tells.
        yield new MutatingScenarios(command, args, state, "s3", "DeleteBucketPolicy",
            () -> s3.change("data-222", b -> b.withPolicy(policy)));
      }
      case "aws-s3-bucket-acl-put" -> {
        s3.change("data-222", b -> b.withGrants(Grant.canned("public-read", s3.canonicalId())));
        args.add("acl=private");
        yield new MutatingScenarios(command, args, state, "s3", "PutBucketAcl",
            () -> s3.change("data-222", b -> b.withGrants(Grant.canned("public-read", s3.canonicalId()))));
      }
      case "aws-s3-bucket-ownership-controls-put" -> {
        args.add("object_ownership=BucketOwnerEnforced");
        yield new MutatingScenarios(command, args, state, "s3", "PutBucketOwnershipControls",
            () -> s3.change("data-222", b -> b.withOwnership("ObjectWriter")));
      }
      case "aws-s3-bucket-versioning-put" -> {
        args.add("status=Enabled");
        yield new MutatingScenarios(command, args, state, "s3", "PutBucketVersioning",
            () -> s3.change("data-222", b -> b.withVersioning("Suspended", null)));
      }
      default -> {
        args.addAll(List.of("target_bucket=logs-222", "target_prefix=data/"));
        yield new MutatingScenarios(command, args, state, "s3", "PutBucketLogging",
            () -> s3.change("data-222", b -> b.withLogging(null, null)));
      }
    };
  }

  /**
   * An Identity Center instance in the management account (where the engine's user is, the identity these
   * commands run as): users ann, carl and zed; groups Engineers (ann and carl in it), On-call (carl), Readers.
   */
  private static IdentityStore identityCenter(SandboxEngine e) {
    var account = e.sb.account(SandboxEngine.MANAGEMENT);
    var store = account.identityCenter().createInstance("us-east-1", STORE_ID);
    var ann = store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var carl = store.createUser("carl", "Carl", "Day", "Carl Day", "carl@example.com");
    store.createUser("zed", "Zed", "Ox", "Zed Ox", "zed@example.com");
    var engineers = store.createGroup("Engineers", "People who build");
    var oncall = store.createGroup("On-call", null);
    store.createGroup("Readers", null);
    store.addMember(engineers, ann);
    store.addMember(engineers, carl);
    store.addMember(oncall, carl);
    return store;
  }

  /** Everything the identity store holds, comparable before and after. */
  private static Object directory(IdentityStore ic) {
    var state = new TreeMap<String, Object>();
    ic.users().forEach(u -> state.put("user " + u.userName(), u.attributes().toString()));
    ic.groups().forEach(g -> state.put("group " + g.displayName(), g.toString()));
    ic.groups().forEach(g -> ic.membershipsOfGroup(g.groupId()).forEach(m -> state.put("member " + g.displayName()
        + " " + m.userId(), m.membershipId())));
    return Map.copyOf(state);
  }

  private static ArrayNode operation(String path, String value) {
    return Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode().put("AttributePath", path)
        .put("AttributeValue", value));
  }
}
