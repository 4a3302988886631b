package io.rolecall.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts at a glance, in SPEC §2.3's shape — {@code {"runId", "accounts": [{"accountId", "status", "error",
 * "users", "groups", "roles", "localPolicies", "awsPolicies", "accessKeys", "instances", "vpcs", "subnets",
 * "securityGroups", "networkInterfaces", "events", "apiCalls", "throttled"}]}} — plus, per account, its
 * {@code parts} ({@code [{"part", "region", "status", "error", "collectedAt", "runId"}]}) and the oldest
 * {@code collectedAt}; and at the top the {@code view} answered from. In the current state an account's status
 * is its latest attempts': ok, partial (some parts failed; the others' data is current) or error.
 */
public final class Summary {
  /** The counted kinds, in the order the summary lists them. */
  static final List<Kind> COUNTED = List.of(Kind.USER, Kind.GROUP, Kind.ROLE, Kind.LOCAL_POLICY, Kind.AWS_POLICY,
      Kind.ACCESS_KEY, Kind.INSTANCE, Kind.VPC, Kind.SUBNET, Kind.SECURITY_GROUP, Kind.NETWORK_INTERFACE);
  /** Identity Center's counts, after the original fields (whose order stays): non-zero for the instance's owner. */
  static final List<Kind> IDENTITY_CENTER = List.of(Kind.IDC_USER, Kind.IDC_GROUP, Kind.PERMISSION_SET,
      Kind.ACCOUNT_ASSIGNMENT);

  private Summary() {}

  /** The current state of every account the store knows (or of the given ones); empty when nothing was synced. */
  public static Optional<Map<String, Object>> current(InventoryStore store, Collection<String> only) {
    var latest = store.latestRun();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    var counts = store.counts(View.current());
    var pointers = byAccount(store.pointers(View.current()), InventoryStore.Pointer::accountId);
    var attempts = byAccount(store.latestAttempts(), InventoryStore.PartOutcome::accountId);
    var outcomes = store.latestAccountOutcomes();
    var events = store.eventCounts();
    var accounts = new ArrayList<Map<String, Object>>();
    for (String accountId : only.isEmpty() ? store.knownAccounts() : new java.util.TreeSet<>(only)) {
      var mine = attempts.getOrDefault(accountId, List.of());
      var current = pointers.getOrDefault(accountId, List.of());
      var failed = mine.stream().filter(a -> !a.ok()).toList();
      String status = mine.isEmpty() ? "never-synced" : failed.isEmpty() ? InventoryStore.AccountStatus.OK
          : failed.size() == mine.size() ? InventoryStore.AccountStatus.ERROR : InventoryStore.AccountStatus.PARTIAL;
      var outcome = outcomes.get(accountId);
      accounts.add(row(accountId, status, failures(failed, mine.size()), counts.getOrDefault(accountId, Map.of()),
          events.getOrDefault(accountId, 0L), outcome, parts(mine, current)));
    }
    var doc = document(View.current().label(), latest.get().runId(), accounts);
    doc.put("organization", organization(store.latestAttempts(), store.pointers(View.current())));
    return Optional.of(doc);
  }

  /**
   * The organization step's parts (Identity Center, service control policies), wherever they live: under the
   * management or Identity Center account, which need not be a target of any run.
   */
  private static Map<String, Object> organization(List<InventoryStore.PartOutcome> attempts,
      List<InventoryStore.Pointer> pointers) {
    var byAccount = byAccount(pointers, InventoryStore.Pointer::accountId);
    var out = new ArrayList<Map<String, Object>>();
    for (var a : attempts) {
      if (a.part().organizational()) {
        var row = new LinkedHashMap<String, Object>();
        row.put("accountId", a.accountId());
        row.putAll(parts(List.of(a), byAccount.getOrDefault(a.accountId(), List.of())).getFirst());
        out.add(row);
      }
    }
    return Map.of("parts", out);
  }

  /** One run as it was: each account's outcome in it, its counts and its parts. */
  public static Map<String, Object> ofRun(InventoryStore store, String runId) {
    var view = View.run(runId);
    var counts = store.counts(view);
    var outcomes = byAccount(store.parts(runId), InventoryStore.PartOutcome::accountId);
    var pointers = byAccount(store.pointers(view), InventoryStore.Pointer::accountId);
    var accounts = new ArrayList<Map<String, Object>>();
    for (var a : store.accounts(runId)) {
      accounts.add(row(a.accountId(), a.status(), a.error(), counts.getOrDefault(a.accountId(), Map.of()), a.events(),
          a, parts(outcomes.getOrDefault(a.accountId(), List.of()), pointers.getOrDefault(a.accountId(), List.of()))));
    }
    var doc = document(runId, runId, accounts);
    var org = new LinkedHashMap<String, Object>(organization(store.parts(runId), store.pointers(view)));
    store.run(runId).ifPresent(r -> {
      org.put("apiCalls", r.organizationCalls());
      org.put("throttled", r.organizationThrottled());
    });
    doc.put("organization", org);
    return doc;
  }

  private static LinkedHashMap<String, Object> document(String view, String runId, List<Map<String, Object>> accounts) {
    var out = new LinkedHashMap<String, Object>();
    out.put("view", view);
    out.put("runId", runId);
    out.put("accounts", accounts);
    return out;
  }

  private static Map<String, Object> row(String accountId, String status, String error, Map<Kind, Long> kinds,
      long events, InventoryStore.AccountStatus outcome, List<Map<String, Object>> parts) {
    var row = new LinkedHashMap<String, Object>();
    row.put("accountId", accountId);
    row.put("status", status);
    row.put("error", error);
    for (Kind k : COUNTED) {
      row.put(k.summaryField(), kinds.getOrDefault(k, 0L));
    }
    row.put("events", events);
    row.put("apiCalls", outcome == null ? 0L : outcome.apiCalls());
    row.put("throttled", outcome == null ? 0L : outcome.throttled());
    for (Kind k : IDENTITY_CENTER) {
      row.put(k.summaryField(), kinds.getOrDefault(k, 0L));
    }
    row.put("collectedAt", parts.stream().map(p -> (String) p.get("collectedAt")).filter(java.util.Objects::nonNull)
        .min(String::compareTo).orElse(null));
    row.put("parts", parts);
    return row;
  }

  /** The account's parts: the latest attempt's status and error beside the current data's time and run. */
  private static List<Map<String, Object>> parts(List<InventoryStore.PartOutcome> attempts,
      List<InventoryStore.Pointer> current) {
    var out = new ArrayList<Map<String, Object>>();
    var ordered = attempts.stream().sorted(java.util.Comparator.comparing(InventoryStore.PartOutcome::part)
        .thenComparing(InventoryStore.PartOutcome::region)).toList();
    for (var a : ordered) {
      var pointer = current.stream().filter(p -> p.part() == a.part() && p.region().equals(a.region())).findFirst();
      var m = new LinkedHashMap<String, Object>();
      m.put("part", a.part().id());
      m.put("region", a.region());
      m.put("status", a.status());
      m.put("error", a.error());
      m.put("collectedAt", pointer.map(p -> text(p.collectedAt())).orElse(null));
      m.put("runId", pointer.map(InventoryStore.Pointer::runId).orElse(null));
      out.add(m);
    }
    return out;
  }

  /** The one line that says what failed: the reason, or each failed part with its reason. */
  static String failures(List<InventoryStore.PartOutcome> failed, int attempted) {
    if (failed.isEmpty()) {
      return null;
    }
    if (failed.size() == attempted && failed.stream().map(InventoryStore.PartOutcome::error).distinct().count() == 1) {
      return failed.getFirst().error();
    }
    return String.join("; ", failed.stream()
        .sorted(java.util.Comparator.comparing((InventoryStore.PartOutcome p) -> p.part()).thenComparing(p -> p.region()))
        .map(p -> Coverage.where(p.part(), p.region()) + ": " + p.error()).toList());
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static <T> Map<String, List<T>> byAccount(List<T> rows, java.util.function.Function<T, String> account) {
    var out = new HashMap<String, List<T>>();
    rows.forEach(r -> out.computeIfAbsent(account.apply(r), k -> new ArrayList<>()).add(r));
    return out;
  }
}
