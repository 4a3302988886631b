package io.rolecall.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Another integration's name for a command (the "AWS - IAM" pack's {@code aws-iam-get-account-password-policy} for
 * {@code aws-iam-account-password-policy-get}), sharing its declaration: the same arguments (some under the other
 * pack's names), outputs, permissions and code. Arguments are validated under the alias's names, then handed to the
 * command under its own, so the command never knows it was called by another name.
 */
public final class Alias implements Command {
  private final Command target;
  private final CommandSpec spec;
  /** Alias argument name to the command's own. */
  private final Map<String, String> toTarget = new LinkedHashMap<>();

  /**
   * @param renames the command's argument name to the alias's, for the arguments the other pack spells otherwise
   */
  public static Alias of(Command target, String name, String integration, Map<String, String> renames) {
    return new Alias(target, name, integration, renames);
  }

  private Alias(Command target, String name, String integration, Map<String, String> renames) {
    this.target = target;
    CommandSpec t = target.spec();
    for (String own : renames.keySet()) {
      if (t.arg(own).isEmpty()) {
        throw new IllegalStateException(name + ": " + t.name() + " declares no argument " + own);
      }
    }
    var args = t.args().stream().map(a -> {
      String alias = renames.getOrDefault(a.name(), a.name());
      toTarget.put(alias, a.name());
      return new ArgSpec(alias, a.type(), a.required(), a.defaultValue(), a.description());
    }).toList();
    List<String> changeArgs = t.changeArgs().stream().map(c -> renames.getOrDefault(c, c)).toList();
    this.spec = new CommandSpec(name, integration, "Alias of " + t.name() + " (the " + integration
        + " integration's name for it). " + t.description(), args, t.outputs(), t.permissions(), t.mutating(),
        t.targeting(), changeArgs, t.keys());
  }

  /** The command this name stands for. */
  public Command target() {
    return target;
  }

  @Override
  public CommandSpec spec() {
    return spec;
  }

  @Override
  public void validate(Arguments args) {
    target.validate(translate(args));
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    return target.run(new CommandContext(translate(ctx.args()), ctx.session(), ctx.journal()));
  }

  private Arguments translate(Arguments args) {
    var raw = new LinkedHashMap<String, String>();
    args.given().forEach((k, v) -> raw.put(toTarget.getOrDefault(k, k), v));
    return Arguments.parse(target.spec(), raw);
  }
}
