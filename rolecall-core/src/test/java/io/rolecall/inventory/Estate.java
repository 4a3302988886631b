package io.rolecall.inventory;

import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Secret;
import io.rolecall.aws.Sessions;
import io.rolecall.command.AccountSelection;
import io.rolecall.sandbox.AccessKey;
import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Sandbox;
import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.seed.EstateSpec;
import io.rolecall.sandbox.seed.Seeder;
import io.rolecall.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sandbox organization for inventory tests: an operator in 111111111111 and target accounts seeded with an
 * estate, each with the audit role (trusting the operator's account, with an ExternalId, holding SecurityAudit).
 * Also the store and the sync call the tests share, and what the sandbox holds, counted the way the summary is.
 */
final class Estate implements AutoCloseable {
  static final String MANAGEMENT = "111111111111";
  static final String ROLE = "RolecallAudit";
  static final String EXTERNAL_ID = "rolecall-test-7c1d";
  static final EstateSpec SPEC = EstateSpec.empty().withUsers(6, 1).withGroups(3).withRoles(4).withPolicies(5)
      .withNetwork(1, 3).withEvents(12).inRegions(List.of("us-east-1", "eu-west-1"));

  final Sandbox sb = Sandbox.start();
  final AccessKey operator = sb.account(MANAGEMENT).iam().createUserWithAccessKey("operator");
  final Path dir;

  Estate() {
    try {
      dir = Files.createTempDirectory("rolecall-inventory");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Account seeded(String accountId) {
    return seeded(accountId, SPEC);
  }

  Account seeded(String accountId, EstateSpec spec) {
    var account = sb.account(accountId);
    Seeder.accessRole(account, ROLE, TrustPolicy.trustingAccount(MANAGEMENT).withExternalId(EXTERNAL_ID));
    Seeder.seed(account, spec);
    return account;
  }

  AuthSettings settings() {
    return AuthSettings.builder().region("us-east-1").accessKey(operator.accessKeyId())
        .secretKey(Secret.of(operator.secretAccessKey())).roleName(ROLE).externalId(EXTERNAL_ID)
        .endpointUrl(sb.endpoint()).retries(3).build();
  }

  InventoryStore sqlite(String name) {
    return new InventoryStore(Store.open(dir.resolve(name).toString()));
  }

  InventorySync.Result sync(InventoryStore store, List<String> accounts) {
    return sync(store, accounts, EnumSet.allOf(Part.class));
  }

  InventorySync.Result sync(InventoryStore store, List<String> accounts, java.util.Set<Part> parts) {
    try (var sessions = new Sessions()) {
      var request = new InventorySync.Request(AccountSelection.of(accounts), SPEC.regions(), parts, 4, Duration.ofDays(1));
      return new InventorySync(sessions, store, new RateLimits(), Clock.systemUTC()).run(settings(), request,
          InventorySync.Listener.NONE);
    }
  }

  /** The open findings of the current state (of the given accounts, or all). */
  static List<Finding> findings(InventoryStore store, String... accounts) {
    return report(store, accounts).findings().stream().map(FindingsReport.Entry::finding).toList();
  }

  static FindingsReport report(InventoryStore store, String... accounts) {
    var q = FindingsReport.Query.current(java.time.Instant.now());
    return FindingsReport.of(store, new FindingsReport.Query(null, q.severities(), q.rules(), List.of(accounts),
        q.statuses(), null, q.maxAge(), q.now(), List.of()));
  }

  /** The items of one run, every kind, of one account. */
  static List<Item> items(InventoryStore store, String runId, String accountId) {
    var items = new java.util.ArrayList<Item>();
    store.items(View.run(runId), List.of(Kind.values()), List.of(accountId), s -> items.add(s.item()));
    return items;
  }

  /** What the sandbox holds for an account, by summary field: the truth the inventory must match. */
  static Map<String, Long> truth(Account a, List<String> regions) {
    var iam = a.iam();
    var counts = new HashMap<String, Long>();
    counts.put("users", (long) iam.users().size());
    counts.put("groups", (long) iam.groups().size());
    counts.put("roles", (long) iam.roles().size());
    counts.put("localPolicies", (long) iam.policies().size());
    counts.put("awsPolicies", iam.attachmentCounts().keySet().stream().filter(arn -> arn.contains(":iam::aws:")).count());
    counts.put("accessKeys", iam.users().stream().mapToLong(u -> iam.accessKeys(u.name()).size()).sum());
    long vpcs = 0, subnets = 0, groups = 0, enis = 0, instances = 0;
    for (String r : regions) {
      var net = a.ec2Network(r);
      vpcs += net.vpcs().size();
      subnets += net.subnets().size();
      groups += net.securityGroups().size();
      enis += net.networkInterfaces().size();
      instances += net.networkInterfaces().stream().filter(n -> n.instanceId() != null).count();
    }
    counts.put("vpcs", vpcs);
    counts.put("subnets", subnets);
    counts.put("securityGroups", groups);
    counts.put("networkInterfaces", enis);
    counts.put("instances", instances);
    counts.put("events", regions.stream().mapToLong(r -> a.cloudTrail(r).events().size()).sum());
    return counts;
  }

  @Override
  public void close() {
    sb.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
