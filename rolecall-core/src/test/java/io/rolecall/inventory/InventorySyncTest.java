package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.TrustPolicy;
import io.rolecall.sandbox.seed.EstateSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** `inventory sync` against the sandbox through the real SDK over HTTP (SPEC §2.3). */
class InventorySyncTest {
  static final List<String> ACCOUNTS = List.of("222222222222", "333333333333", "444444444444");

  final Estate estate = new Estate();

  @AfterEach
  void close() {
    estate.close();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> account(Map<String, Object> summary, String accountId) {
    return ((List<Map<String, Object>>) summary.get("accounts")).stream()
        .filter(a -> a.get("accountId").equals(accountId)).findFirst().orElseThrow();
  }

  @Test
  void countsPerKindEqualWhatWasSeededAcrossThreeAccounts() {
    ACCOUNTS.forEach(estate::seeded);
    var store = estate.sqlite("counts.db");
    var result = estate.sync(store, ACCOUNTS);

    assertThat(result.failed()).isZero();
    var summary = Summary.current(store, List.of()).orElseThrow();
    assertThat(summary.get("runId")).isEqualTo(result.runId());
    for (String id : ACCOUNTS) {
      var row = account(summary, id);
      assertThat(row.get("status")).isEqualTo("ok");
      assertThat(row.get("error")).isNull();
      var truth = Estate.truth(estate.sb.account(id), Estate.SPEC.regions());
      truth.forEach((field, expected) -> assertThat(row.get(field)).as(id + " " + field).isEqualTo(expected));
      // And the seeded numbers themselves: the audit role is the one role more, two AWS policies are in use.
      assertThat(row.get("users")).isEqualTo(6L);
      assertThat(row.get("roles")).isEqualTo(5L);
      assertThat(row.get("localPolicies")).isEqualTo(5L);
      assertThat(row.get("awsPolicies")).isEqualTo(2L);
      assertThat(row.get("accessKeys")).isEqualTo(6L);
      assertThat(row.get("instances")).isEqualTo(6L);
      assertThat(row.get("vpcs")).isEqualTo(2L);
      assertThat(row.get("subnets")).isEqualTo(4L);
      assertThat(row.get("securityGroups")).isEqualTo(4L);
      assertThat(row.get("networkInterfaces")).isEqualTo(6L);
      assertThat(row.get("events")).isEqualTo(24L);
      // Every attempt the sandbox served for the account, plus the AssumeRole the operator made for it.
      long served = estate.sb.calls().snapshot().entrySet().stream().filter(e -> e.getKey().account().equals(id))
          .mapToLong(Map.Entry::getValue).sum();
      assertThat(row.get("apiCalls")).isEqualTo(served + 1);
      assertThat(row.get("throttled")).isEqualTo(0L);
    }
    // The call families the roll call is built on, once each per account: no List+Get per entity.
    assertThat(estate.sb.calls().count("iam", "GetAccountAuthorizationDetails")).isEqualTo(3);
    assertThat(estate.sb.calls().count("iam", "GetCredentialReport")).isEqualTo(3);
    assertThat(estate.sb.calls().count("iam", "GetAccessKeyLastUsed")).isZero();
    assertThat(estate.sb.calls().count("iam", "ListUsers")).isZero();
    assertThat(estate.sb.calls().count("sts", "AssumeRole")).isEqualTo(3);
  }

  @Test
  void storedItemsCarryWhatFindingsAndListsNeed() {
    var account = estate.seeded("222222222222");
    var store = estate.sqlite("items.db");
    String runId = estate.sync(store, List.of("222222222222")).runId();
    var items = Estate.items(store, runId, "222222222222");

    var audit = items.stream().filter(i -> i.kind() == Kind.ROLE && i.name().equals(Estate.ROLE)).findFirst().orElseThrow();
    assertThat(audit.data().at("/trustPolicy/Statement/0/Condition/StringEquals/sts:ExternalId").asText())
        .isEqualTo(Estate.EXTERNAL_ID);
    var user = items.stream().filter(i -> i.kind() == Kind.USER && i.name().equals("user-000")).findFirst().orElseThrow();
    assertThat(user.data().get("passwordEnabled").asBoolean()).isTrue();
    assertThat(user.data().get("mfaActive").asBoolean()).isTrue();
    assertThat(user.data().get("groups").get(0).asText()).isEqualTo("group-000");
    var key = items.stream().filter(i -> i.kind() == Kind.ACCESS_KEY && i.name().equals("user-001")).findFirst().orElseThrow();
    assertThat(key.id()).isEqualTo(account.iam().accessKeys("user-001").getFirst().accessKeyId());
    assertThat(key.data().get("lastUsedService").asText()).isEqualTo("s3");
    assertThat(items.stream().filter(i -> i.kind() == Kind.MFA_DEVICE)).hasSize(3);
    var settings = items.stream().filter(i -> i.kind() == Kind.ACCOUNT).findFirst().orElseThrow().data();
    assertThat(settings.get("rootMfaActive").asBoolean()).isTrue();
    assertThat(settings.at("/passwordPolicy/minimumPasswordLength").asInt()).isEqualTo(14);
    var web = items.stream().filter(i -> i.kind() == Kind.SECURITY_GROUP && i.name().equals("web")).findFirst().orElseThrow();
    assertThat(web.data().at("/ingress/0/cidrs/0").asText()).isEqualTo("0.0.0.0/0");
    assertThat(items.stream().filter(i -> i.kind() == Kind.NETWORK_INTERFACE))
        .allSatisfy(n -> assertThat(n.data().get("instanceId").asText()).startsWith("i-"));
  }

  @Test
  void aSecondSyncCollectsOnlyTheNewEvents() {
    var account = estate.seeded("222222222222");
    var store = estate.sqlite("events.db");
    var first = estate.sync(store, List.of("222222222222"));
    assertThat(first.accounts().getFirst().events()).isEqualTo(24);

    // Events up to a second before the next sync: one made in the very millisecond the sync starts falls after the
    // end of its window (CloudTrail's timestamps go by the millisecond) and is the next sync's (its window starts
    // 15 minutes before this one's end).
    var now = estate.sb.clock().now().minusSeconds(1);
    var recorded = new ArrayList<String>();
    for (int i = 0; i < 7; i++) {
      recorded.add(account.cloudTrail("eu-west-1").record("DeleteUser", "iam.amazonaws.com", now.minusSeconds(i), "admin",
          false, Map.of()).eventId());
    }
    var second = estate.sync(store, List.of("222222222222"));
    var afterSecond = new ArrayList<TrailEvent>();
    store.events(List.of("222222222222"), afterSecond::add);
    assertThat(afterSecond).extracting(TrailEvent::eventId).as("second sync: " + second.accounts() + ", started "
        + store.run(second.runId()).orElseThrow().startedAt() + ", newest event at " + now)
        .containsAll(recorded);
    assertThat(second.accounts().getFirst().events()).as(second.accounts().toString()).isEqualTo(7);
    var third = estate.sync(store, List.of("222222222222"));
    assertThat(third.accounts().getFirst().events()).isZero();

    var stored = new ArrayList<TrailEvent>();
    store.events(List.of("222222222222"), stored::add);
    assertThat(stored).hasSize(31).extracting(TrailEvent::eventId).doesNotHaveDuplicates();
    assertThat(stored.stream().filter(e -> e.eventName().equals("DeleteUser"))).hasSize(7)
        .allSatisfy(e -> assertThat(e.region()).isEqualTo("eu-west-1"));
    // The later syncs only looked back from the checkpoint (less the delivery lag): one page per region.
    assertThat(Summary.current(store, List.of()).orElseThrow()).isNotNull();
  }

  @Test
  void anUntrustedAccountIsAnErrorWithAClearReasonAndTheOthersComplete() {
    estate.seeded("222222222222");
    estate.seeded("333333333333");
    var other = estate.sb.account("555555555555");
    other.iam().createRole(Estate.ROLE, TrustPolicy.trustingAccount(Estate.MANAGEMENT).withExternalId("another-customer"));
    var store = estate.sqlite("untrusted.db");

    var result = estate.sync(store, List.of("222222222222", "555555555555", "333333333333"));
    assertThat(result.failed()).isEqualTo(1);
    var summary = Summary.current(store, List.of()).orElseThrow();
    var failed = account(summary, "555555555555");
    assertThat(failed.get("status")).isEqualTo("error");
    assertThat((String) failed.get("error")).contains("cannot assume role arn:aws:iam::555555555555:role/RolecallAudit",
        "AccessDenied", "ExternalId").doesNotContain("\n").doesNotContain(estate.operator.secretAccessKey());
    assertThat(failed.get("users")).isEqualTo(0L);
    assertThat(failed.get("apiCalls")).isEqualTo(1L);
    for (String ok : List.of("222222222222", "333333333333")) {
      var row = account(summary, ok);
      assertThat(row.get("status")).isEqualTo("ok");
      Estate.truth(estate.sb.account(ok), Estate.SPEC.regions())
          .forEach((field, expected) -> assertThat(row.get(field)).as(ok + " " + field).isEqualTo(expected));
    }
  }

  @Test
  void aDeniedCallFailsItsPartNamingTheCallAndKeepsTheOtherParts() {
    var account = estate.seeded("222222222222");
    estate.seeded("333333333333");
    account.iam().putRolePolicy(Estate.ROLE, "no-trail", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
        + "\"Action\":\"cloudtrail:LookupEvents\",\"Resource\":\"*\"}]}");
    var result = estate.sync(estate.sqlite("denied.db"), List.of("222222222222", "333333333333"));
    var denied = result.accounts().stream().filter(a -> a.accountId().equals("222222222222")).findFirst().orElseThrow();
    assertThat(denied.status()).isEqualTo("partial");
    assertThat(denied.error()).startsWith("cloudtrail eu-west-1: cloudtrail:LookupEvents in eu-west-1")
        .contains("; cloudtrail us-east-1: cloudtrail:LookupEvents in us-east-1").contains("AccessDeniedException");
    assertThat(result.accounts().stream().filter(a -> a.accountId().equals("333333333333")).findFirst().orElseThrow().ok())
        .isTrue();
  }

  @Test
  void throttlingIsRetriedWithBackoffAndCounted() {
    estate.seeded("222222222222", EstateSpec.empty().withUsers(2, 1).inRegions(Estate.SPEC.regions()));
    estate.sb.faults().on("iam").account("222222222222").action("GetAccountAuthorizationDetails").throttle(2);
    estate.sb.faults().on("ec2").account("222222222222").action("DescribeVpcs").throttle(1);
    estate.sb.faults().on("cloudtrail").account("222222222222").throttle(1);
    var result = estate.sync(estate.sqlite("throttle.db"), List.of("222222222222"));
    var row = result.accounts().getFirst();
    assertThat(row.ok()).as(String.valueOf(row.error())).isTrue();
    // Throttling in each protocol family: query (Throttling), EC2 (RequestLimitExceeded), JSON (ThrottlingException).
    assertThat(row.throttled()).isEqualTo(4);
    assertThat(estate.sb.calls().throttledTotal()).isEqualTo(4);
  }

  @Test
  void lookupEventsStaysUnderTwoRequestsPerSecondPerAccountAndRegion() {
    // 160 events in one region: 4 pages of 50; the sandbox throttles a third request within a second.
    var account = estate.seeded("222222222222", EstateSpec.empty().withEvents(160).inRegions(List.of("us-east-1")));
    long start = System.nanoTime();
    var result = estate.sync(estate.sqlite("pace.db"), List.of("222222222222"), EnumSet.of(Part.CLOUDTRAIL));
    long elapsed = System.nanoTime() - start;
    assertThat(result.accounts().getFirst().events()).isEqualTo(160);
    assertThat(result.accounts().getFirst().throttled()).isZero();
    // 4 pages in us-east-1 (at 0, 0.5, 1 and 1.5 s), 1 empty page in eu-west-1.
    assertThat(estate.sb.calls().count("cloudtrail", "LookupEvents")).isEqualTo(5);
    assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    assertThat(account.cloudTrail("us-east-1").events()).hasSize(160);
  }
}
