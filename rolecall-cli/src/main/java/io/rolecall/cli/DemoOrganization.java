package io.rolecall.cli;

import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.seed.EstateSpec;
import io.rolecall.sandbox.seed.Seeder;
import io.rolecall.sandbox.service.ec2.LaunchSpec;
import io.rolecall.sandbox.service.iam.AwsManagedPolicies;
import io.rolecall.sandbox.service.iam.PasswordPolicy;
import io.rolecall.sandbox.service.organizations.AccountState;
import io.rolecall.sandbox.service.s3.PublicAccessBlock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The demo's accounts and scenario: what `rolecall demo` seeds into the sandbox and then runs. */
record DemoOrganization(AccessKey engineKey) {
  static final String MANAGEMENT = "111111111111";
  static final List<String> ACCOUNTS = List.of(MANAGEMENT, "222222222222", "333333333333", "444444444444");
  static final String ROLE = "RolecallRemediation";
  static final String EXTERNAL_ID = "rolecall-demo-7f3a9c";
  static final String SECRET_VARIABLE = "ROLECALL_DEMO_SECRET_KEY";
  /** Left in the organization but suspended: account_id=all must skip it. */
  static final String SUSPENDED = "555555555555";
  static final String BUCKET = "acme-public-assets";
  static final String INSTANCE = "i-0de30a1b2c3d4e5f6";

  /** One command of the scenario, why it is there, and the exit code it must end with. */
  record Step(String why, List<String> args, int expectedExit) {}

  static DemoOrganization seed(Sandbox sandbox) {
    var management = sandbox.account(MANAGEMENT);
    AccessKey engine = management.iam().createUserWithAccessKey("rolecall-engine");
    String engineArn = "arn:aws:iam::" + MANAGEMENT + ":user/rolecall-engine";
    for (String id : List.of(MANAGEMENT, "222222222222", "333333333333")) {
      sandbox.account(id).iam().createRole(ROLE, TrustPolicy.trusting(engineArn).withExternalId(EXTERNAL_ID));
    }
    var org = sandbox.organization(MANAGEMENT);
    ACCOUNTS.forEach(org::addAccount);
    org.addAccount(SUSPENDED, "retired", "retired@example.com", AccountState.SUSPENDED);
    // A bucket left open, and an instance still answering IMDSv1: the remediation targets.
    var target = sandbox.account("333333333333");
    target.s3().createBucket(BUCKET);
    target.s3().setPublicAccessBlock(BUCKET, PublicAccessBlock.ALL_FALSE);
    target.ec2("us-east-1").launchInstance(LaunchSpec.instance().id(INSTANCE).tag("Name", "web-1")
        .instanceProfile("arn:aws:iam::333333333333:instance-profile/web"));
    // Identities and assets for the roll call: a clean estate in both member accounts, and in 333333333333 the
    // risks an auditor looks for.
    for (String id : List.of("222222222222", "333333333333")) {
      Seeder.seed(sandbox.account(id), EstateSpec.empty().withUsers(4, 1).withGroups(2).withRoles(3).withPolicies(3)
          .withNetwork(1, 2).withEvents(6));
    }
    seedRisks(target, sandbox.clock().now());
    // Asset risks too: security groups open to the internet, an IMDSv1 instance, a public snapshot and AMI.
    Seeder.seedRisks(target, "us-east-1");
    // IAM Identity Center in the management account, discovered through ListInstances.
    var store = management.identityCenter().createInstance();
    var ann = store.createUser("ann", "Ann", "Lee", "Ann Lee", "ann@example.com");
    var bob = store.createUser("bob", "Bob", "Ray", "Bob Ray", "bob@example.com");
    var security = store.createGroup("security-team", "Incident responders");
    store.addMember(security, ann);
    store.addMember(store.createGroup("developers", "Application teams"), ann);
    store.addMember(security, bob);
    // The security team holds AdministratorAccess in 333333333333 through a permission set: the access graph
    // follows group, assignment and reserved role to say so.
    var sso = management.ssoAdmin().instance();
    var admin = sso.createPermissionSet("SecurityAdmin", "incident response", "PT1H", null);
    sso.attachManagedPolicy(admin.arn(), AwsManagedPolicies.arn("AdministratorAccess"));
    sso.assign(admin, "333333333333", security);
    // This account's role was set up for another customer's ExternalId: AssumeRole must fail there.
    sandbox.account("444444444444").iam().createRole(ROLE, TrustPolicy.trusting(engineArn).withExternalId("another-customer"));
    // A weak policy: length 8, digits only, no expiry.
    sandbox.account("222222222222").iam().setPasswordPolicy(
        new PasswordPolicy(8, false, true, false, false, true, 0, 0, false));
    return new DemoOrganization(engine);
  }

  /** A user with a 200-day-old key unused for 100 days, an admin group, a role any principal of 999999999999 can assume. */
  private static void seedRisks(Account account, Instant now) {
    var iam = account.iam();
    iam.credentials().rootMfa(false);
    iam.createUser("deploy-bot");
    var key = iam.createAccessKey("deploy-bot", now.minus(Duration.ofDays(200)));
    iam.credentials().recordKeyUse(key.accessKeyId(), now.minus(Duration.ofDays(100)), "s3", "us-east-1");
    iam.createGroup("admins");
    iam.attachGroupPolicy("admins", AwsManagedPolicies.arn("AdministratorAccess"));
    iam.createRole("partner-access", TrustPolicy.trustingAccount("999999999999"));
  }

  String config(URI endpoint, Path db) {
    return """
        # Written by rolecall demo: one instance, pointing at the embedded sandbox.
        db: %s
        instances:
          demo:
            region: us-east-1
            endpointUrl: %s
            accessKey: %s
            secretKey: ${%s}
            roleName: %s
            externalId: %s
        """.formatted(db, endpoint, engineKey.accessKeyId(), SECRET_VARIABLE, ROLE, EXTERNAL_ID);
  }

  static List<Step> scenario() {
    return List.of(
        new Step("XSOAR's Test button: configuration, identity, role, one read call",
            List.of("test", "account_id=222222222222"), 0),
        new Step("The password policy of two accounts, one AssumeRole each, in parallel",
            List.of("aws-iam-account-password-policy-get", "account_id=222222222222,333333333333"), 0),
        new Step("An account whose role expects another ExternalId: that account fails clearly, the other still runs",
            List.of("aws-iam-account-password-policy-get", "account_id=222222222222,444444444444"), 1),
        new Step("The same result as XSOAR context, for playbooks",
            List.of("aws-iam-account-password-policy-get", "account_id=222222222222", "-o", "context"), 0),
        new Step("Bad input is refused before any call, naming the argument and the accepted form",
            List.of("aws-iam-account-password-policy-get", "account_id=12345"), 2),
        new Step("Preview a stronger password policy: a dry run reads, shows before → after, writes nothing",
            List.of("aws-iam-account-password-policy-update", "account_id=222222222222", "minimum_password_length=14",
                "require_symbols=true", "require_uppercase_characters=true", "password_reuse_prevention=24",
                "dry_run=true"), 0),
        new Step("Apply it: fields not given (RequireNumbers, AllowUsersToChangePassword) keep their value",
            List.of("aws-iam-account-password-policy-update", "account_id=222222222222", "minimum_password_length=14",
                "require_symbols=true", "require_uppercase_characters=true", "password_reuse_prevention=24"), 0),
        new Step("The audit journal: who changed what, where, when, before and after (the dry run is not in it)",
            List.of("audit"), 0),
        new Step("Block public access on an open bucket: only the flags given change",
            List.of("aws-s3-public-access-block-update", "account_id=333333333333", "bucket=" + BUCKET,
                "block_public_acls=true", "ignore_public_acls=true", "block_public_policy=true",
                "restrict_public_buckets=true"), 0),
        new Step("Require IMDSv2 on an instance, reporting the metadata options before and after",
            List.of("aws-ec2-instance-metadata-options-modify", "account_id=333333333333", "instance_id=" + INSTANCE,
                "http_tokens=required"), 0),
        new Step("Every ACTIVE account of the organization (the suspended one is skipped); 444444444444 still fails",
            List.of("aws-iam-account-password-policy-get", "account_id=all"), 1),
        new Step("The least-privilege policy for the target role, from the commands' declared permissions",
            List.of("policy", "aws-s3-public-access-block-update", "aws-ec2-instance-metadata-options-modify",
                "--show", "permissions"), 0),
        new Step("Three changes journaled, newest first", List.of("audit", "--limit", "5"), 0),
        new Step("IAM Identity Center: a user by user name, in the identity store found through ListInstances",
            List.of("aws-iam-identitycenter-get-user", "userName=ann"), 0),
        new Step("Every group the user belongs to, every page, as XSOAR context",
            List.of("aws-iam-identitycenter-list-groups-for-user", "userName=ann", "all=true", "-o", "context"), 0),
        new Step("Roll call: identities and assets of every ACTIVE account into the store; 444444444444 is recorded"
            + " as failed, the others complete", List.of("inventory", "sync", "--accounts", "all"), 1),
        new Step("Identity risks found in the roll call, each with its evidence, beside the account that could not be"
            + " assessed (exit 1: an account it could not read is never reported clean)",
            List.of("inventory", "findings"), 1),
        new Step("The current state per account: status, counts, and when each part was collected",
            List.of("inventory", "summary", "--account", "333333333333,444444444444"), 0),
        new Step("Each finding names its fix: the security group rules open to the internet, one exact revoke each",
            List.of("inventory", "findings", "--account", "333333333333", "--rule", "security-group-admin-port-open"), 0),
        new Step("Preview the fixes through the normal command path: a dry run shows each revoke, writes nothing",
            List.of("inventory", "findings", "fix", "--rule", "security-group-admin-port-open", "--account",
                "333333333333", "--dry-run"), 0),
        new Step("Apply them: each revoke journaled and read back",
            List.of("inventory", "findings", "fix", "--rule", "security-group-admin-port-open", "--account",
                "333333333333"), 0),
        new Step("Sync that account's EC2 again", List.of("inventory", "sync", "--accounts", "333333333333",
            "--services", "ec2"), 0),
        new Step("The findings fixed now show as resolved",
            List.of("inventory", "findings", "--account", "333333333333", "--rule", "security-group-admin-port-open",
                "--status", "all"), 0),
        new Step("Who can act as admin in 333333333333, and how: Identity Center's security team through its permission"
            + " set, the admins group's members, the root user", List.of("access", "who", "--account", "333333333333"), 0),
        new Step("Everything ann reaches, in every account", List.of("access", "reach", "--principal", "idc:ann"), 0));
  }
}
