package io.rolecall.command;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One argument of a command, declared once: the declaration drives parsing, validation, help, docs
 * and the HTTP API's argument listing.
 *
 * @param defaultValue the text used when the argument is absent, or null for "absent stays absent"
 */
public record ArgSpec(String name, ArgType type, boolean required, String defaultValue, String description) {

  public static ArgSpec text(String name, String description) {
    return new ArgSpec(name, new ArgType.Text(null, "a non-empty value", 1, 4096), false, null, description);
  }

  public static ArgSpec matching(String name, String regex, String form, String description) {
    return new ArgSpec(name, new ArgType.Text(Pattern.compile(regex), form, 1, 4096), false, null, description);
  }

  public static ArgSpec email(String name, String description) {
    return new ArgSpec(name, new ArgType.Email(), false, null, description);
  }

  public static ArgSpec integer(String name, long min, long max, String description) {
    return new ArgSpec(name, new ArgType.Int(min, max), false, null, description);
  }

  public static ArgSpec bool(String name, String description) {
    return new ArgSpec(name, new ArgType.Bool(), false, null, description);
  }

  public static ArgSpec choice(String name, List<String> values, String description) {
    return new ArgSpec(name, new ArgType.Choice(values), false, null, description);
  }

  public ArgSpec mandatory() {
    return new ArgSpec(name, type, true, defaultValue, description);
  }

  public ArgSpec withDefault(String value) {
    return new ArgSpec(name, type, required, value, description);
  }
}
