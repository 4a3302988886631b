package io.rolecall.command;

import io.rolecall.Shown;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What values an argument accepts. {@link #parse} turns the text a user typed into a typed value or
 * throws {@link IllegalArgumentException} whose message completes "expected ...", and {@link #form}
 * is the same description for help text and docs.
 */
public sealed interface ArgType {

  Object parse(String text);

  String form();

  /** Free text, optionally constrained by a pattern and length. */
  record Text(Pattern pattern, String form, int minLength, int maxLength) implements ArgType {
    @Override
    public Object parse(String text) {
      if (text.isBlank() && minLength > 0) {
        throw new IllegalArgumentException("expected " + form + ", got an empty value");
      }
      if (text.length() < minLength || text.length() > maxLength
          || (pattern != null && !pattern.matcher(text).matches())) {
        throw new IllegalArgumentException("expected " + form + ", got " + Shown.quoted(text));
      }
      return text;
    }
  }

  /**
   * An email address: a dot-separated local part of the characters RFC 5322 allows unquoted, '@', and a domain of
   * DNS labels ending in a top-level domain of letters; at most 254 characters. Quoted local parts, IP-literal
   * domains and non-ASCII addresses are refused: directories and mail systems disagree on them.
   */
  record Email() implements ArgType {
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS =
        Pattern.compile(ATOM + "(\\." + ATOM + ")*@(" + LABEL + "\\.)+[A-Za-z]{2,63}");

    @Override
    public Object parse(String text) {
      if (text.isBlank()) {
        throw new IllegalArgumentException("expected " + form() + ", got an empty value");
      }
      int at = text.lastIndexOf('@');
      if (text.length() > 254 || at > 64 || !ADDRESS.matcher(text).matches()) {
        throw new IllegalArgumentException("expected " + form() + ", got " + Shown.quoted(text));
      }
      return text;
    }

    @Override
    public String form() {
      return "an email address such as name@example.com";
    }
  }

  /** A whole number within [min, max], in ASCII digits (Java would also read fullwidth or Arabic-Indic ones). */
  record Int(long min, long max) implements ArgType {
    private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]{1,18}");

    @Override
    public Object parse(String text) {
      long value;
      try {
        if (!DIGITS.matcher(text.trim()).matches()) {
          throw new NumberFormatException();
        }
        value = Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected " + form() + ", got " + Shown.quoted(text));
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException("expected " + form() + ", got " + value);
      }
      return value;
    }

    @Override
    public String form() {
      return "a whole number from " + min + " to " + max;
    }
  }

  /** XSOAR booleans: true/false/yes/no in any case. */
  record Bool() implements ArgType {
    @Override
    public Object parse(String text) {
      return switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "true", "yes" -> Boolean.TRUE;
        case "false", "no" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("expected " + form() + ", got " + Shown.quoted(text));
      };
    }

    @Override
    public String form() {
      return "true, false, yes or no";
    }
  }

  /** One of a fixed set of values, matched without regard to case and returned as declared. */
  record Choice(List<String> values) implements ArgType {
    public Choice {
      values = List.copyOf(values);
    }

    @Override
    public Object parse(String text) {
      for (String v : values) {
        if (v.equalsIgnoreCase(text.trim())) {
          return v;
        }
      }
      throw new IllegalArgumentException("expected " + form() + ", got " + Shown.quoted(text));
    }

    @Override
    public String form() {
      return "one of " + String.join(", ", values);
    }
  }

  /** Target accounts: a comma list of 12-digit account ids, or {@code all} (the organization's). */
  record Accounts() implements ArgType {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    @Override
    public Object parse(String text) {
      String trimmed = text.trim();
      if (trimmed.equalsIgnoreCase("all")) {
        return AccountSelection.ALL;
      }
      var ids = new java.util.LinkedHashSet<String>();
      for (String part : trimmed.split(",")) {
        String id = part.trim();
        if (!ACCOUNT.matcher(id).matches()) {
          throw new IllegalArgumentException("expected " + form() + ", got " + Shown.quoted(id));
        }
        ids.add(id);
      }
      return AccountSelection.of(List.copyOf(ids));
    }

    @Override
    public String form() {
      return "a 12-digit account id, a comma-separated list of them, or all";
    }
  }
}
