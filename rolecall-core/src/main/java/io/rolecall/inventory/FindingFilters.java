package io.rolecall.inventory;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parsing the findings filters the CLI and the engine take; {@code option} names the flag or query parameter. */
public final class FindingFilters {
  private FindingFilters() {}

  /** "high,critical": comma-separated severities; null means every severity. */
  public static Set<Finding.Severity> severities(String text, String option) {
    var out = new LinkedHashSet<Finding.Severity>();
    for (String s : list(text)) {
      out.add(Arrays.stream(Finding.Severity.values()).filter(v -> v.id().equals(s.toLowerCase(Locale.ROOT)))
          .findFirst().orElseThrow(() -> new UsageException(option + ": expected a comma-separated list of critical,"
              + " high, medium, low, got " + Shown.quoted(text))));
    }
    return out;
  }

  /** Comma-separated rule ids; null means every rule. */
  public static Set<String> rules(String text, String option) {
    var out = new LinkedHashSet<String>();
    for (String r : list(text)) {
      if (Finding.Rule.ofId(r).isEmpty()) {
        throw new UsageException(option + ": unknown rule " + Shown.quoted(r) + "; expected one of " + String.join(", ",
            Arrays.stream(Finding.Rule.values()).map(Finding.Rule::id).toList()));
      }
      out.add(r);
    }
    return out;
  }

  /** open, suppressed, resolved or all, comma-separated; null means open and suppressed. */
  public static Set<String> statuses(String text, String option) {
    if (text == null) {
      return Set.of(TrackedFindings.Tracked.OPEN, FindingsReport.SUPPRESSED);
    }
    var all = List.of(TrackedFindings.Tracked.OPEN, FindingsReport.SUPPRESSED, TrackedFindings.Tracked.RESOLVED);
    var out = new LinkedHashSet<String>();
    for (String s : list(text)) {
      if (s.equals("all")) {
        out.addAll(all);
      } else if (all.contains(s)) {
        out.add(s);
      } else {
        throw new UsageException(option + ": expected a comma-separated list of open, suppressed, resolved, or all,"
            + " got " + Shown.quoted(text));
      }
    }
    return out;
  }

  private static List<String> list(String text) {
    return text == null ? List.of() : Arrays.stream(text.split(",", -1)).map(String::trim).toList();
  }
}
