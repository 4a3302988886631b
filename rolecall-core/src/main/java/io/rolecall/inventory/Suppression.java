package io.rolecall.inventory;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A reviewed exception from the config file's {@code suppressions:}: findings of {@code rule} (or every rule, "*")
 * whose principal matches {@code principal} (a glob: * and ?), in {@code account} when given, are shown as
 * suppressed with the reason — never dropped — until the end of {@code expires}; after that it applies no more.
 */
public record Suppression(String rule, String principal, String account, String reason, LocalDate expires) {
  public Suppression {
    if (rule == null || rule.isBlank()) {
      throw new UsageException("suppressions: rule: required: a rule id such as access-key-unused-45-days, or *");
    }
    if (!rule.equals("*") && Finding.Rule.ofId(rule).isEmpty()) {
      throw new UsageException("suppressions: rule: unknown rule " + Shown.quoted(rule) + "; rules are listed by"
          + " 'rolecall inventory findings --help'");
    }
    principal = principal == null || principal.isBlank() ? "*" : principal;
    if (account != null && !account.matches("\\d{12}")) {
      throw new UsageException("suppressions: account: expected a 12-digit account id, got " + Shown.quoted(account));
    }
    if (reason == null || reason.isBlank()) {
      throw new UsageException("suppressions: reason: required: say why " + rule + " on " + principal
          + " is accepted (it is shown with every suppressed finding)");
    }
    if (expires == null) {
      throw new UsageException("suppressions: expires: required: the last day the suppression applies, as"
          + " YYYY-MM-DD");
    }
  }

  /** Reads the date as the config gives it; a malformed one is a one-line error. */
  public static LocalDate date(String text) {
    try {
      return text == null ? null : LocalDate.parse(text.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new UsageException("suppressions: expires: expected a date as YYYY-MM-DD, got " + Shown.quoted(text));
    }
  }

  public boolean expired(LocalDate today) {
    return today.isAfter(expires);
  }

  public boolean matches(Finding f) {
    return (rule.equals("*") || rule.equals(f.rule().id())) && (account == null || account.equals(f.accountId()))
        && glob(principal).matcher(f.principal()).matches();
  }

  private static Pattern glob(String glob) {
    var re = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      switch (ch) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  public java.util.Map<String, Object> json() {
    var m = new java.util.LinkedHashMap<String, Object>();
    m.put("rule", rule);
    m.put("principal", principal);
    if (account != null) {
      m.put("account", account);
    }
    m.put("reason", reason);
    m.put("expires", expires.toString());
    return m;
  }
}
