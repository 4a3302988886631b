package io.rolecall.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a finding is remediated: the rolecall command (with its {@code name=value} arguments, {@code account_id}
 * among them) that fixes it, or why there is no automatic fix. Derived from the finding alone (rule, account,
 * principal), so a stored finding names its fix without a stored copy that could go stale.
 */
public final class Fix {
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private final String command;
  private final Map<String, String> arguments;
  private final String none;

  private Fix(String command, Map<String, String> arguments, String none) {
    this.command = command;
    this.arguments = arguments;
    this.none = none;
  }

  /** A fix that runs {@code command} with these arguments (kept in the order given). */
  public static Fix run(String command, Map<String, String> arguments) {
    return new Fix(Objects.requireNonNull(command, "command"),
        Collections.unmodifiableMap(new LinkedHashMap<>(arguments)), null);
  }

  /** No automatic fix, and why (shown to the user in place of a command). */
  public static Fix none(String why) {
    return new Fix(null, Map.of(), Objects.requireNonNull(why, "why"));
  }

  public boolean automatic() {
    return command != null;
  }

  /** The command's name; null when there is no automatic fix. */
  public String command() {
    return command;
  }

  public Map<String, String> arguments() {
    return arguments;
  }

  /** Why there is no automatic fix; null when there is one. */
  public String reason() {
    return none;
  }

  /** The command line a user would type, each value shell-quoted where it needs to be. */
  public String commandLine() {
    if (!automatic()) {
      return "no automatic fix: " + none;
    }
    var line = new StringBuilder("rolecall ").append(command);
    arguments.forEach((k, v) -> line.append(' ').append(quote(k + "=" + v)));
    return line.toString();
  }

  /** As the findings' JSON shows it: {@code {"command": ..., "arguments": {...}, "commandLine": ...}} or the reason. */
  public Map<String, Object> json() {
    var m = new LinkedHashMap<String, Object>();
    if (automatic()) {
      m.put("command", command);
      m.put("arguments", arguments);
      m.put("commandLine", commandLine());
    } else {
      m.put("automatic", false);
      m.put("reason", none);
    }
    return m;
  }

  private static String quote(String word) {
    return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fix f && Objects.equals(command, f.command) && arguments.equals(f.arguments)
        && Objects.equals(none, f.none);
  }

  @Override
  public int hashCode() {
    return Objects.hash(command, arguments, none);
  }

  @Override
  public String toString() {
    return commandLine();
  }
}
