package io.rolecall.command;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands rolecall knows, by name. Adding a command is one class plus one line in {@code Commands}. */
public final class CommandRegistry {
  private final Map<String, Command> byName = new LinkedHashMap<>();

  public CommandRegistry(Collection<? extends Command> commands) {
    for (Command c : commands) {
      if (byName.put(c.spec().name(), c) != null) {
        throw new IllegalArgumentException("two commands named " + c.spec().name());
      }
    }
  }

  public Optional<Command> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The command, or a usage error that suggests the closest known name. */
  public Command require(String name) {
    return find(name).orElseThrow(() -> {
      String hint = closest(name).map(n -> "; did you mean " + n + "?").orElse("; run 'rolecall help' to list commands");
      return new UsageException("unknown command " + Shown.quoted(name) + hint);
    });
  }

  public List<CommandSpec> specs() {
    return byName.values().stream().map(Command::spec).toList();
  }

  private Optional<String> closest(String name) {
    return byName.keySet().stream()
        .min(Comparator.comparingInt(n -> distance(n, name)))
        .filter(n -> distance(n, name) <= Math.max(3, name.length() / 4));
  }

  private static int distance(String a, String b) {
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
