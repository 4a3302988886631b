package io.rolecall.command;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.util.Collection;
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
    return Suggestions.closest(name, byName.keySet());
  }
}
