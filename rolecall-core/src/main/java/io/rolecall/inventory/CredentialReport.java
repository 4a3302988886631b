package io.rolecall.inventory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM's credential report, parsed: for the root and every user, the console password, MFA and both access keys'
 * state and last use, in one document (instead of several calls per user). Columns are found by header name.
 */
record CredentialReport(Map<String, Row> rows) {
  static final String ROOT = "<root_account>";

  /** One key slot (access_key_1 or _2). {@code lastRotated} is the key's creation time unless it was rotated. */
  record KeySlot(boolean active, Instant lastRotated, Instant lastUsed, String lastUsedRegion, String lastUsedService) {}

  /** One row; {@code passwordEnabled} is null for the root ("not_supported"). */
  record Row(String user, String arn, Boolean passwordEnabled, Instant passwordLastUsed, boolean mfaActive,
             List<KeySlot> keys) {
    /** The slot describing the key created at {@code created} (matched to the second, as the report writes it). */
    Optional<KeySlot> keyCreatedAt(Instant created) {
      long second = created.getEpochSecond();
      return keys.stream().filter(k -> k.lastRotated() != null && k.lastRotated().getEpochSecond() == second).findFirst();
    }

    long activeKeys() {
      return keys.stream().filter(KeySlot::active).count();
    }
  }

  Optional<Row> root() {
    return Optional.ofNullable(rows.get(ROOT));
  }

  Optional<Row> user(String name) {
    return Optional.ofNullable(rows.get(name));
  }

  static CredentialReport parse(String csv) {
    var lines = csv.lines().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      return new CredentialReport(Map.of());
    }
    var header = List.of(lines.getFirst().split(","));
    var rows = new HashMap<String, Row>();
    for (String line : lines.subList(1, lines.size())) {
      var f = fields(line, header.size());
      var get = (java.util.function.Function<String, String>) name -> {
        int i = header.indexOf(name);
        return i < 0 || i >= f.size() ? null : f.get(i);
      };
      var keys = new ArrayList<KeySlot>();
      for (int n = 1; n <= 2; n++) {
        String p = "access_key_" + n + "_";
        keys.add(new KeySlot("true".equals(get.apply(p + "active")), time(get.apply(p + "last_rotated")),
            time(get.apply(p + "last_used_date")), value(get.apply(p + "last_used_region")),
            value(get.apply(p + "last_used_service"))));
      }
      String password = get.apply("password_enabled");
      var row = new Row(get.apply("user"), get.apply("arn"),
          password == null || password.equals("not_supported") ? null : password.equals("true"),
          time(get.apply("password_last_used")), "true".equals(get.apply("mfa_active")), keys);
      rows.put(row.user(), row);
    }
    return new CredentialReport(rows);
  }

  /**
   * The row's fields. IAM names may contain commas, and the report does not quote them: a row with k extra
   * fields has k/2 commas in the user name, which appears twice (as the user and at the end of the ARN).
   */
  static List<String> fields(String line, int columns) {
    var parts = List.of(line.split(",", -1));
    int extra = parts.size() - columns;
    if (extra <= 0 || extra % 2 != 0) {
      return parts;
    }
    int span = 1 + extra / 2;
    var out = new ArrayList<String>();
    out.add(String.join(",", parts.subList(0, span)));
    out.add(String.join(",", parts.subList(span, 2 * span)));
    out.addAll(parts.subList(2 * span, parts.size()));
    return out;
  }

  private static String value(String v) {
    return v == null || v.equals("N/A") || v.equals("no_information") || v.equals("not_supported") ? null : v;
  }

  private static Instant time(String v) {
    String t = value(v);
    if (t == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
