package io.rolecall.access;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much a principal can do in an account, highest first (docs/access.md says how each is judged): admin
 * (effectively every action on every resource), escalate (one step from admin), write (some action that is not
 * read-only), read (read-only actions only).
 */
public enum Level {
  ADMIN, ESCALATE, WRITE, READ;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** At least as high as {@code other}. */
  public boolean atLeast(Level other) {
    return ordinal() <= other.ordinal();
  }

  static Level max(Level a, Level b) {
    if (a == null) {
      return b;
    }
    return b == null || a.atLeast(b) ? a : b;
  }

  /** A level as the user writes it (any case); {@code option} names the flag in the error. */
  public static Level parse(String option, String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.id().equals(t)).findFirst().orElseThrow(() -> new UsageException(
        option + ": expected one of " + Arrays.stream(values()).map(Level::id).collect(Collectors.joining(", "))
            + ", got " + Shown.quoted(text)));
  }
}
