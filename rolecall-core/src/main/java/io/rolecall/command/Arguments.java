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
      var arg = spec.arg(entry.getKey()).orElseThrow(() -> new UsageException(spec.name() + ": unknown argument '"
          + entry.getKey() + "'; accepted: " + spec.args().stream().map(ArgSpec::name).collect(Collectors.joining(", "))));
      values.put(arg.name(), convert(spec, arg, entry.getValue()));
    }
    for (var arg : spec.args()) {
      if (!values.containsKey(arg.name())) {
        if (arg.required()) {
          throw new UsageException(spec.name() + ": argument '" + arg.name() + "' is required ("
              + arg.type().form() + ")");
        }
        if (arg.defaultValue() != null) {
          values.put(arg.name(), convert(spec, arg, arg.defaultValue()));
        }
      }
    }
    return new Arguments(spec, Collections.unmodifiableMap(values), Collections.unmodifiableMap(new LinkedHashMap<>(raw)));
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
