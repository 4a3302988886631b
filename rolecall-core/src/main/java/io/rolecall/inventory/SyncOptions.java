package io.rolecall.inventory;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.command.AccountSelection;
import io.rolecall.command.ArgType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Parsing `inventory sync`'s options; a bad value is a one-line UsageException naming the option and its form. */
public final class SyncOptions {
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  static final Duration MAX_EVENTS_SINCE = Duration.ofDays(90);

  private SyncOptions() {}

  public static AccountSelection accounts(String text) {
    if (text == null || text.isBlank()) {
      throw new UsageException("--accounts: required: " + new ArgType.Accounts().form());
    }
    try {
      return (AccountSelection) new ArgType.Accounts().parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--accounts: expected " + new ArgType.Accounts().form() + ", got " + Shown.quoted(text));
    }
  }

  /** Comma-separated regions; null or empty means the instance's region. */
  public static List<String> regions(String text) {
    if (text == null) {
      return List.of();
    }
    var out = new LinkedHashSet<String>();
    for (String part : text.split(",", -1)) {
      String r = part.trim();
      if (!REGION.matcher(r).matches()) {
        throw new UsageException("--regions: expected comma-separated AWS regions such as us-east-1,eu-west-1, got "
            + Shown.quoted(text));
      }
      out.add(r);
    }
    return List.copyOf(out);
  }

  /** Comma-separated parts to collect (see {@link Part}); null means all. */
  public static Set<Part> parts(String text) {
    if (text == null) {
      return EnumSet.allOf(Part.class);
    }
    var out = EnumSet.noneOf(Part.class);
    for (String part : text.split(",", -1)) {
      try {
        out.add(Part.valueOf(part.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--services: expected a comma-separated list of " + String.join(", ",
            java.util.Arrays.stream(Part.values()).map(Part::id).toList()) + ", got " + Shown.quoted(text));
      }
    }
    return out;
  }

  /** The account holding the Identity Center instance, when not the base identity's: 12 digits, or null. */
  public static String identityCenterAccount(String text) {
    if (text == null) {
      return null;
    }
    if (!text.trim().matches("\\d{12}")) {
      throw new UsageException("--identity-center-account: expected a 12-digit account id, got " + Shown.quoted(text));
    }
    return text.trim();
  }

  /** A look-back such as 30m, 12h or 7d: from 1 minute to 90 days (CloudTrail's history); null means 1 day. */
  public static Duration eventsSince(String text) {
    return text == null ? Duration.ofDays(1)
        : Durations.parse(text, "--events-since", Duration.ofMinutes(1), MAX_EVENTS_SINCE);
  }
}
