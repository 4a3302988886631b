package io.rolecall.command;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?": the known name closest to a mistyped one, by edit distance, when it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  /** The closest of {@code known} to {@code typed}, if within a few edits (more for longer names). */
  public static Optional<String> closest(String typed, Collection<String> known) {
    return known.stream()
        .min(Comparator.comparingInt(n -> distance(n, typed)))
        .filter(n -> distance(n, typed) <= Math.max(3, typed.length() / 4));
  }

  /** Levenshtein distance, case-insensitive (a wrong case is a near miss, not a different name). */
  static int distance(String a, String b) {
    a = a.toLowerCase(java.util.Locale.ROOT);
    b = b.toLowerCase(java.util.Locale.ROOT);
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
