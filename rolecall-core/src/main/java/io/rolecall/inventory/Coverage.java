package io.rolecall.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which accounts in scope an answer could not assess, and why: never synced, the latest attempt at a part the
 * answer reads failed, or its data is older than the maximum age. An account that was not assessed is never
 * reported as clean; the findings still known for it (from its last good data) are marked stale.
 */
public final class Coverage {
  public static final String NEVER_SYNCED = "never-synced";
  public static final String FAILED = "failed";
  public static final String STALE = "stale";

  /** One account in scope that was not assessed. */
  public record Gap(String accountId, String status, String reason, Instant collectedAt) {
    public Map<String, Object> json() {
      var m = new LinkedHashMap<String, Object>();
      m.put("accountId", accountId);
      m.put("status", status);
      m.put("reason", reason);
      m.put("collectedAt", collectedAt == null ? null : collectedAt.toString());
      return m;
    }
  }

  private Coverage() {}

  /**
   * The parts the findings of these rules (ids) are judged on: only those parts must be current for an account to
   * count as assessed. No rule, or a rule of the access graph (which reads every part), means every finding part.
   */
  static Set<Part> findingParts(Set<String> rules) {
    var chosen = rules.stream().map(Finding.Rule::ofId).flatMap(java.util.Optional::stream).toList();
    if (chosen.isEmpty() || chosen.stream().anyMatch(Finding.Rule::fromGraph)) {
      return findingParts();
    }
    var parts = EnumSet.noneOf(Part.class);
    chosen.forEach(r -> parts.add(r.part()));
    return parts;
  }

  /** The parts findings are judged on. */
  static Set<Part> findingParts() {
    var parts = EnumSet.noneOf(Part.class);
    for (var r : Finding.Rule.values()) {
      if (!r.fromGraph()) {
        parts.add(r.part());
      }
    }
    return parts;
  }

  /** Gaps in the current state for the accounts in scope (every account the store knows when none is given). */
  public static List<Gap> current(InventoryStore store, Collection<String> scope, Set<Part> parts, Instant now,
      Duration maxAge) {
    var accounts = scope.isEmpty() ? store.knownAccounts() : new java.util.TreeSet<>(scope);
    var attempts = new java.util.HashMap<String, List<InventoryStore.PartOutcome>>();
    store.latestAttempts().forEach(a -> attempts.computeIfAbsent(a.accountId(), k -> new ArrayList<>()).add(a));
    var collected = new java.util.HashMap<String, Instant>();
    store.pointers(View.current()).forEach(p -> collected.put(key(p.accountId(), p.part(), p.region()), p.collectedAt()));
    var gaps = new ArrayList<Gap>();
    for (String account : accounts) {
      var mine = attempts.getOrDefault(account, List.of());
      gap(account, mine, parts, collected, now, maxAge).ifPresent(gaps::add);
    }
    return gaps;
  }

  private static java.util.Optional<Gap> gap(String account, List<InventoryStore.PartOutcome> attempts, Set<Part> parts,
      Map<String, Instant> collected, Instant now, Duration maxAge) {
    if (attempts.isEmpty()) {
      return java.util.Optional.of(new Gap(account, NEVER_SYNCED, "never synced", null));
    }
    for (Part part : parts) {
      var ofPart = attempts.stream().filter(a -> a.part() == part).toList();
      if (ofPart.isEmpty()) {
        return java.util.Optional.of(new Gap(account, NEVER_SYNCED, part.id() + " never collected", null));
      }
      for (var attempt : ofPart) {
        Instant at = collected.get(key(account, part, attempt.region()));
        if (!attempt.ok()) {
          return java.util.Optional.of(new Gap(account, FAILED, "latest sync of " + where(part, attempt.region())
              + " failed (run " + attempt.runId() + ", " + attempt.endedAt() + "): " + attempt.error()
              + (at == null ? "; no earlier data" : "; findings shown are from data collected " + at), at));
        }
        if (at != null && at.isBefore(now.minus(maxAge))) {
          return java.util.Optional.of(new Gap(account, STALE, where(part, attempt.region()) + " data collected " + at
              + " is older than the maximum age " + Durations.format(maxAge), at));
        }
      }
    }
    return java.util.Optional.empty();
  }

  /** Gaps of one past run: the accounts in scope whose parts it did not collect. */
  public static List<Gap> ofRun(InventoryStore store, String runId, Collection<String> scope, Set<Part> parts) {
    var outcomes = store.parts(runId);
    var accounts = new java.util.TreeSet<String>(scope);
    if (accounts.isEmpty()) {
      outcomes.forEach(o -> accounts.add(o.accountId()));
    }
    var gaps = new ArrayList<Gap>();
    for (String account : accounts) {
      var mine = outcomes.stream().filter(o -> o.accountId().equals(account) && parts.contains(o.part())).toList();
      var failed = mine.stream().filter(o -> !o.ok() || o.pruned()).findFirst();
      if (mine.isEmpty()) {
        gaps.add(new Gap(account, NEVER_SYNCED, "not collected in run " + runId, null));
      } else if (failed.isPresent()) {
        var o = failed.get();
        gaps.add(new Gap(account, FAILED, o.pruned() ? where(o.part(), o.region()) + " of run " + runId + " was pruned"
            : where(o.part(), o.region()) + " failed in run " + runId + ": " + o.error(), null));
      }
    }
    return gaps;
  }

  static String where(Part part, String region) {
    return part.regional() ? part.id() + " " + region : part.id();
  }

  private static String key(String account, Part part, String region) {
    return account + "|" + part.id() + "|" + region;
  }
}
