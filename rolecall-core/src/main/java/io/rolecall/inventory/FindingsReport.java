package io.rolecall.inventory;

import io.rolecall.inventory.Finding.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What `inventory findings` answers: the findings that match the query, each with its tracking (status, first and
 * last seen), whether it is stale (its account was not assessed) and any suppression, beside the coverage: the
 * accounts in scope that were not assessed and why. An answer with coverage gaps never reads as "clean".
 */
public record FindingsReport(String view, int accountsInScope, List<Entry> findings, List<Coverage.Gap> coverage,
                             List<String> warnings) {
  public static final String SUPPRESSED = "suppressed";
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

  /**
   * @param runId a past run to read as it was; null for the current state
   * @param statuses which to list: open, suppressed, resolved
   * @param newSince only findings first seen at or after this moment; null for all
   */
  public record Query(String runId, Set<Severity> severities, Set<String> rules, List<String> accounts,
                      Set<String> statuses, Instant newSince, Duration maxAge, Instant now,
                      List<Suppression> suppressions) {
    public Query {
      severities = Set.copyOf(severities);
      rules = Set.copyOf(rules);
      accounts = List.copyOf(accounts);
      statuses = Set.copyOf(statuses);
      suppressions = List.copyOf(suppressions);
    }

    public static Query current(Instant now) {
      return new Query(null, Set.of(), Set.of(), List.of(), Set.of(TrackedFindings.Tracked.OPEN, SUPPRESSED), null,
          DEFAULT_MAX_AGE, now, List.of());
    }
  }

  /** One finding as answered. */
  public record Entry(Finding finding, String status, Instant firstSeen, Instant lastSeen, Instant resolvedAt,
                      boolean stale, Suppression suppression) {
    public Map<String, Object> json() {
      var m = new LinkedHashMap<String, Object>(finding.json());
      m.put("status", status);
      m.put("firstSeen", text(firstSeen));
      m.put("lastSeen", text(lastSeen));
      if (resolvedAt != null) {
        m.put("resolvedAt", resolvedAt.toString());
      }
      m.put("stale", stale);
      if (suppression != null) {
        m.put("suppression", suppression.json());
      }
      return m;
    }

    private static String text(Instant t) {
      return t == null ? null : t.toString();
    }
  }

  /** True when not one account in scope could be assessed. */
  public boolean noneAssessed() {
    return accountsInScope > 0 && coverage.size() >= accountsInScope;
  }

  public Map<String, Object> json() {
    var m = new LinkedHashMap<String, Object>();
    m.put("view", view);
    m.put("accountsInScope", accountsInScope);
    m.put("assessed", accountsInScope - coverage.size());
    m.put("findings", findings.stream().map(Entry::json).toList());
    m.put("coverage", coverage.stream().map(Coverage.Gap::json).toList());
    return m;
  }

  /** Answers the query from the store (bringing tracked findings up to date first). */
  public static FindingsReport of(InventoryStore store, Query q) {
    var parts = Coverage.findingParts(q.rules());
    List<Coverage.Gap> gaps;
    List<Entry> entries = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(q.now(), ZoneOffset.UTC);
    var warnings = new ArrayList<String>();
    for (Suppression s : q.suppressions()) {
      if (s.expired(today)) {
        warnings.add("suppression of " + s.rule() + " on " + s.principal() + " expired on " + s.expires()
            + "; it applies no more");
      }
    }
    var live = q.suppressions().stream().filter(s -> !s.expired(today)).toList();
    int scope;
    if (q.runId() == null) {
      scope = q.accounts().isEmpty() ? store.knownAccounts().size() : q.accounts().size();
      TrackedFindings.refresh(store);
      gaps = Coverage.current(store, q.accounts(), parts, q.now(), q.maxAge());
      var staleAccounts = gaps.stream().map(Coverage.Gap::accountId).collect(java.util.stream.Collectors.toSet());
      for (var t : TrackedFindings.all(store, q.accounts())) {
        entries.add(entry(t.finding(), t.status(), t.firstSeen(), t.lastSeen(), t.resolvedAt(),
            staleAccounts.contains(t.finding().accountId()), live));
      }
    } else {
      gaps = Coverage.ofRun(store, q.runId(), q.accounts(), parts);
      scope = q.accounts().isEmpty() ? store.accounts(q.runId()).size() : q.accounts().size();
      var found = new ArrayList<Finding>();
      var byAccount = new LinkedHashMap<String, InventoryStore.Pointer>();
      store.pointers(View.run(q.runId())).stream().filter(p -> parts.contains(p.part()))
          .filter(p -> q.accounts().isEmpty() || q.accounts().contains(p.accountId()))
          .forEach(p -> byAccount.put(p.accountId() + "|" + p.part().id() + "|" + p.region(), p));
      for (var p : byAccount.values()) {
        var items = new ArrayList<Item>();
        store.items(p, items::add);
        Findings.evaluate(p.accountId(), items, p.collectedAt()).stream().filter(f -> f.rule().part() == p.part())
            .forEach(found::add);
      }
      var tracked = store.store().transaction(c -> TrackedFindings.byId(c, found.stream().map(Finding::id).toList()));
      for (Finding f : found) {
        var t = tracked.get(f.id());
        entries.add(entry(f, TrackedFindings.Tracked.OPEN, t == null ? null : t.firstSeen(),
            t == null ? null : t.lastSeen(), null, false, live));
      }
    }
    var selected = entries.stream()
        .filter(e -> q.statuses().contains(e.status()))
        .filter(e -> q.severities().isEmpty() || q.severities().contains(e.finding().rule().severity()))
        .filter(e -> q.rules().isEmpty() || q.rules().contains(e.finding().rule().id()))
        .filter(e -> q.newSince() == null || (e.firstSeen() != null && !e.firstSeen().isBefore(q.newSince())))
        .sorted(ORDER).toList();
    return new FindingsReport(q.runId() == null ? "current" : q.runId(), scope, selected, gaps, warnings);
  }

  /** By severity, then account, rule and principal. */
  static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> e.finding().rule().severity())
      .thenComparing(e -> e.finding().accountId()).thenComparing(e -> e.finding().rule().id())
      .thenComparing(e -> e.finding().principal());

  private static Entry entry(Finding f, String status, Instant firstSeen, Instant lastSeen, Instant resolvedAt,
      boolean stale, List<Suppression> suppressions) {
    Suppression s = TrackedFindings.Tracked.OPEN.equals(status)
        ? suppressions.stream().filter(x -> x.matches(f)).findFirst().orElse(null) : null;
    return new Entry(f, s != null ? SUPPRESSED : status, firstSeen, lastSeen, resolvedAt, stale, s);
  }
}
