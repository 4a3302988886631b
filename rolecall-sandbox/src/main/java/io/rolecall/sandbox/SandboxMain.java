package io.rolecall.sandbox;

import io.rolecall.sandbox.seed.EstateSpec;
import io.rolecall.sandbox.seed.IdentityCenterSeeder;
import io.rolecall.sandbox.seed.IdentityCenterSpec;
import io.rolecall.sandbox.seed.OrganizationSeeder;
import io.rolecall.sandbox.seed.Seeder;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;

/**
 * Runs a sandbox until killed, for benchmarks and manual poking with the AWS CLI. Prints the endpoint and an
 * operator's keys as shell-sourceable lines. Options:
 * <pre>
 *   --port N          listen port (default 0: ephemeral)
 *   --accounts N      also create N target accounts 200000000001.. with role ROLE trusting the operator's account
 *   --role-name ROLE  name of that role (default RolecallAudit)
 *   --external-id X   require this ExternalId in that role's trust policy
 *   --latency-ms N    inject this latency into every request
 *   and, per target account (see {@link EstateSpec}):
 *   --users N --keys-per-user K --groups N --roles N --policies N
 *   --vpcs N --instances N --events N (per region) --regions r1,r2 (default us-east-1)
 *   --risky-assets    one of each risky asset: public bucket, public RDS, trail not logging, KMS key unrotated
 *   and for the organization of the operator's account and the target accounts (see {@link IdentityCenterSpec}):
 *   --ous N                       organizational units the target accounts are spread over
 *   --ic-users N --ic-groups N --ic-memberships K --permission-sets N --assignments-per-account N --ic-region R [--risks]
 * </pre>
 * With any estate option the role also holds SecurityAudit, as a real audit role would. With any organization
 * option the operator's account manages an organization of every target account, and owns the Identity Center
 * instance.
 */
public final class SandboxMain {
  static final String MANAGEMENT_ACCOUNT = "111111111111";
  public static final String USAGE = "usage: SandboxMain [--port N] [--accounts N] [--role-name ROLE] [--external-id X]"
      + " [--latency-ms N] [--users N] [--keys-per-user K] [--groups N] [--roles N] [--policies N] [--vpcs N]"
      + " [--instances N] [--events N] [--regions r1,r2] [--risks] [--risky-assets] [--ous N] [--ic-users N]"
      + " [--ic-groups N] [--ic-memberships K] [--permission-sets N] [--assignments-per-account N] [--ic-region R]";

  /** The parsed command line. */
  public record Options(int port, int accounts, String roleName, String externalId, int latencyMs, EstateSpec estate,
                        int ous, IdentityCenterSpec identityCenter) {
    boolean seedsEstate() {
      return !estate.equals(EstateSpec.empty().inRegions(estate.regions()));
    }

    boolean seedsOrganization() {
      return ous > 0 || !identityCenter.isEmpty();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage().isEmpty() ? USAGE : "SandboxMain: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    var sandbox = start(options, System.out);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }));
    stopped.await();
  }

  /** Parses the options; an IllegalArgumentException says what is wrong ("" for a plain usage request). */
  public static Options parse(String[] args) {
    int port = 0, accounts = 0, latencyMs = 0;
    int users = 0, keys = 0, groups = 0, roles = 0, policies = 0, vpcs = 0, instances = 0, events = 0;
    int ous = 0, icUsers = 0, icGroups = 0, icMemberships = 0, permissionSets = 0, assignments = 0;
    String icRegion = "us-east-1";
    boolean risks = false;
    List<String> regions = List.of("us-east-1");
    boolean risky = false;
    String roleName = "RolecallAudit", externalId = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = number(args, ++i, 65535);
          case "--accounts" -> accounts = number(args, ++i, Integer.MAX_VALUE);
          case "--role-name" -> roleName = args[++i];
          case "--external-id" -> externalId = args[++i];
          case "--latency-ms" -> latencyMs = number(args, ++i, Integer.MAX_VALUE);
          case "--users" -> users = number(args, ++i, Integer.MAX_VALUE);
          case "--keys-per-user" -> keys = number(args, ++i, Integer.MAX_VALUE);
          case "--groups" -> groups = number(args, ++i, Integer.MAX_VALUE);
          case "--roles" -> roles = number(args, ++i, Integer.MAX_VALUE);
          case "--policies" -> policies = number(args, ++i, Integer.MAX_VALUE);
          case "--vpcs" -> vpcs = number(args, ++i, Integer.MAX_VALUE);
          case "--instances" -> instances = number(args, ++i, Integer.MAX_VALUE);
          case "--events" -> events = number(args, ++i, Integer.MAX_VALUE);
          case "--regions" -> regions = List.of(args[++i].split(","));
          case "--risky-assets" -> risky = true;
          case "--ous" -> ous = Integer.parseInt(args[++i]);
          case "--ic-users" -> icUsers = Integer.parseInt(args[++i]);
          case "--ic-groups" -> icGroups = Integer.parseInt(args[++i]);
          case "--ic-memberships" -> icMemberships = Integer.parseInt(args[++i]);
          case "--permission-sets" -> permissionSets = Integer.parseInt(args[++i]);
          case "--assignments-per-account" -> assignments = Integer.parseInt(args[++i]);
          case "--ic-region" -> icRegion = args[++i];
          case "--risks" -> risks = true;
          case "-h", "--help" -> throw new IllegalArgumentException("");
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
    }
    if (accounts < 0 || accounts > 99_999_999) throw new IllegalArgumentException("--accounts: 0 to 99999999");
    var estate = new EstateSpec(users, groups, roles, policies, keys, vpcs, instances, events, regions, risks,
        risky);
    if (ous < 0) throw new IllegalArgumentException("--ous: 0 or more");
    var identityCenter = new IdentityCenterSpec(icUsers, icGroups, icMemberships, permissionSets, assignments, icRegion);
    return new Options(port, accounts, roleName, externalId, latencyMs, estate, ous, identityCenter);
  }

  /** The value after option {@code args[i - 1]}: a whole number from 0 to {@code max}, in ASCII digits. */
  private static int number(String[] args, int i, int max) {
    String option = args[i - 1];
    String text = args[i];
    if (!text.matches("[0-9]{1,10}") || Long.parseLong(text) > max) {
      throw new IllegalArgumentException(option + ": expected a whole number from 0 to " + max + ", got '"
          + text.replaceAll("\\p{Cntrl}", "?") + "'");
    }
    return Integer.parseInt(text);
  }

  /** Starts and seeds a sandbox as the options say, and prints its endpoint and the operator's keys to {@code out}. */
  public static Sandbox start(Options o, PrintStream out) {
    var sandbox = Sandbox.start(o.port());
    var operator = sandbox.account(MANAGEMENT_ACCOUNT).iam().createUserWithAccessKey("operator");
    var trust = TrustPolicy.trustingAccount(MANAGEMENT_ACCOUNT);
    var withId = o.externalId() == null ? trust : trust.withExternalId(o.externalId());
    // Accounts are independent: seed them in parallel (the World is thread-safe).
    LongStream.rangeClosed(1, o.accounts()).parallel().forEach(n -> {
      var account = sandbox.account(String.valueOf(200_000_000_000L + n));
      if (o.seedsEstate()) {
        Seeder.accessRole(account, o.roleName(), withId);
        Seeder.seed(account, o.estate());
      } else {
        account.iam().createRole(o.roleName(), withId);
      }
    });
    String identityCenter = o.seedsOrganization() ? seedOrganization(sandbox, o) : null;
    if (o.latencyMs() > 0) sandbox.faults().latency(Duration.ofMillis(o.latencyMs()));

    out.println("# rolecall sandbox: operator user arn:aws:iam::" + MANAGEMENT_ACCOUNT + ":user/operator"
        + (o.accounts() > 0 ? ", " + o.accounts() + " target accounts 200000000001.. with role " + o.roleName() : ""));
    if (identityCenter != null) out.println(identityCenter);
    out.println("AWS_ENDPOINT_URL=" + sandbox.endpoint());
    out.println("AWS_ACCESS_KEY_ID=" + operator.accessKeyId());
    out.println("AWS_SECRET_ACCESS_KEY=" + operator.secretAccessKey());
    out.println("AWS_DEFAULT_REGION=" + o.estate().regions().getFirst());
    out.flush();
    return sandbox;
  }

  /** The organization of every target account, its OUs and its Identity Center; returns a comment line about it. */
  private static String seedOrganization(Sandbox sandbox, Options o) {
    var org = sandbox.organization(MANAGEMENT_ACCOUNT);
    var targets = LongStream.rangeClosed(1, o.accounts()).mapToObj(n -> String.valueOf(200_000_000_000L + n)).toList();
    targets.forEach(org::addAccount);
    OrganizationSeeder.seed(org, targets, o.ous());
    String line = "# organization " + org.id() + " of " + (targets.size() + 1) + " accounts in " + o.ous() + " OUs";
    if (o.identityCenter().isEmpty()) return line;
    var sso = IdentityCenterSeeder.seed(sandbox.account(MANAGEMENT_ACCOUNT), targets, o.identityCenter());
    return line + "; Identity Center " + sso.arn() + ", identity store " + sso.instance().identityStoreId() + " in "
        + sso.instance().region();
  }
}
