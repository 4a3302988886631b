package io.rolecall.command;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A command's arguments, parsed and validated against its spec: every value has the declared type,
 * every required one is present, nothing unknown slipped in. Built only by {@link #parse}.
 */
public final class Arguments {
  private final CommandSpec spec;
  private final Map<String, Object> values;
  private final Map<String, String> given;

  private Arguments(CommandSpec spec, Map<String, Object> values, Map<String, String> given) {
    this.spec = spec;
    this.values = values;
    this.given = given;
  }

  /** Splits CLI words of the form {@code name=value}. */
  public static Map<String, String> split(String command, List<String> words) {
    var raw = new LinkedHashMap<String, String>();
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new UsageException(command + ": expected arguments as name=value, got " + Shown.quoted(word));
      }
      String name = word.substring(0, eq);
      if (raw.put(name, word.substring(eq + 1)) != null) {
        throw new UsageException(command + ": argument '" + name + "' given twice");
      }
    }
    return raw;
  }

  public static Arguments parse(CommandSpec spec, Map<String, String> raw) {
    var values = new LinkedHashMap<String, Object>();
    for (var entry : raw.entrySet()) {
      var arg = spec.arg(entry.getKey()).orElseThrow(() -> unknown(spec, entry.getKey()));
      values.put(arg.name(), convert(spec, arg, entry.getValue()));
    }
    var missing = new java.util.ArrayList<ArgSpec>();
    for (var arg : spec.args()) {
      if (!values.containsKey(arg.name())) {
        if (arg.required()) {
          missing.add(arg);
        } else if (arg.defaultValue() != null) {
          values.put(arg.name(), convert(spec, arg, arg.defaultValue()));
        }
      }
    }
    if (missing.size() == 1) {
      throw new UsageException(spec.name() + ": argument '" + missing.getFirst().name() + "' is required ("
          + missing.getFirst().type().form() + ")");
    }
    if (!missing.isEmpty()) {
      throw new UsageException(spec.name() + ": " + missing.size() + " required arguments are missing: "
          + missing.stream().map(a -> a.name() + " (" + a.type().form() + ")").collect(Collectors.joining(", ")));
    }
    if (!spec.changeArgs().isEmpty() && spec.changeArgs().stream().noneMatch(raw::containsKey)) {
      throw new UsageException(spec.name() + ": nothing to change: give at least one of "
          + String.join(", ", spec.changeArgs()));
    }
    return new Arguments(spec, Collections.unmodifiableMap(values), Collections.unmodifiableMap(new LinkedHashMap<>(raw)));
  }

  /** An unknown argument, with the closest known one if it looks like a typo of it, else the accepted list. */
  private static UsageException unknown(CommandSpec spec, String name) {
    var names = spec.args().stream().map(ArgSpec::name).toList();
    return new UsageException(spec.name() + ": unknown argument " + Shown.quoted(name)
        + Suggestions.closest(name, names).map(n -> "; did you mean '" + n + "'?").orElse("")
        + "; accepted: " + String.join(", ", names));
  }

  private static Object convert(CommandSpec spec, ArgSpec arg, String text) {
    try {
      return arg.type().parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(spec.name() + ": argument '" + arg.name() + "': " + e.getMessage());
    }
  }

  public CommandSpec spec() {
    return spec;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String string(String name) {
    return (String) checked(name);
  }

  public Boolean bool(String name) {
    return (Boolean) checked(name);
  }

  public Long integer(String name) {
    return (Long) checked(name);
  }

  public AccountSelection accounts() {
    return (AccountSelection) checked(CommandSpec.ACCOUNT_ID);
  }

  public boolean dryRun() {
    return Boolean.TRUE.equals(values.get(CommandSpec.DRY_RUN));
  }

  /** The arguments as the user gave them (text), for the audit journal and echoing back. */
  public Map<String, String> given() {
    return given;
  }

  private Object checked(String name) {
    if (spec.arg(name).isEmpty()) {
      throw new IllegalArgumentException(spec.name() + " declares no argument " + name);
    }
    return values.get(name);
  }
}
