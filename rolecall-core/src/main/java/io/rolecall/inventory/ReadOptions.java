package io.rolecall.inventory;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of the roll call's reads, parsed the same way for the CLI and the engine: {@code prefix} is how the
 * caller names them ("--" for flags, "" for query parameters), so each one-line error names the option as given.
 */
public final class ReadOptions {
  static final Duration LONGEST = Duration.ofDays(3650);

  private ReadOptions() {}

  /** Account ids, comma-separated; null means every account. */
  public static List<String> accounts(String text, String option) {
    if (text == null) {
      return List.of();
    }
    var out = new LinkedHashSet<String>();
    for (String part : text.split(",", -1)) {
      String id = part.trim();
      if (!id.matches("\\d{12}")) {
        throw new UsageException(option + ": expected a 12-digit account id (or a comma-separated list), got "
            + Shown.quoted(text));
      }
      out.add(id);
    }
    return List.copyOf(out);
  }

  /** Kinds as `inventory list` names them, comma-separated; null means every kind. */
  public static Set<Kind> kinds(String text) {
    var out = new LinkedHashSet<Kind>();
    if (text != null) {
      for (String k : text.split(",", -1)) {
        out.addAll(Kind.forListName(k.trim()));
      }
    }
    return out;
  }

  /** A run the store holds; anything else is a usage error naming the option. */
  public static InventoryStore.Run run(InventoryStore store, String runId, String option) {
    if (!runId.matches("[A-Za-z0-9-]{1,64}")) {
      throw new UsageException(option + ": expected a run id such as r20261201T020000Z-1a2b3c (see inventory"
          + " history), got " + Shown.quoted(runId));
    }
    return store.run(runId).orElseThrow(() -> new UsageException(option + ": no run " + Shown.quoted(runId)
        + " in the store; inventory history lists the runs"));
  }

  /** The state right after a finished run. */
  public static View afterRun(InventoryStore store, String runId, String option) {
    var run = run(store, runId, option);
    if (run.finishedAt() == null) {
      throw new UsageException(option + ": run " + runId + " never finished; pick a finished run from inventory history");
    }
    return View.afterRun(runId, run.finishedAt());
  }

  /** The two states a diff compares: since a while ago (default 24h) or after run FROM, to now or after run TO. */
  public record DiffStates(View from, View to) {}

  public static DiffStates diff(InventoryStore store, String since, String from, String to, Instant now, String prefix) {
    if (since != null && from != null) {
      throw new UsageException("diff: give " + prefix + "since or " + prefix + "from, not both");
    }
    View start = from != null ? afterRun(store, from, prefix + "from")
        : View.asOf(now.minus(since == null ? Duration.ofHours(24)
            : Durations.parse(since, prefix + "since", Duration.ofMinutes(1), LONGEST)));
    View end = to != null ? afterRun(store, to, prefix + "to") : View.current();
    return new DiffStates(start, end);
  }

  /** A findings query from the options as given (null: not given). */
  public static FindingsReport.Query findings(InventoryStore store, String run, String severity, String rule,
      String accounts, String status, String newSince, String maxAge, Instant now, List<Suppression> suppressions,
      String prefix) {
    if (run != null) {
      run(store, run, prefix + "run");
    }
    return new FindingsReport.Query(run, FindingFilters.severities(severity, prefix + "severity"),
        FindingFilters.rules(rule, prefix + "rule"), accounts(accounts, prefix + "account"),
        FindingFilters.statuses(status, prefix + "status"),
        newSince == null ? null : now.minus(Durations.parse(newSince, prefix + optionName(prefix, "new-since", "newSince"),
            Duration.ofMinutes(1), LONGEST)),
        maxAge == null ? FindingsReport.DEFAULT_MAX_AGE
            : Durations.parse(maxAge, prefix + optionName(prefix, "max-age", "maxAge"), Duration.ofMinutes(1), LONGEST),
        now, suppressions);
  }

  private static String optionName(String prefix, String flag, String param) {
    return prefix.isEmpty() ? param : flag;
  }
}
