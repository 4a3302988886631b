package io.rolecall.command;

/**
 * An integration command. One class per command: its {@link CommandSpec} declares everything about
 * it, {@link #run} does the AWS calls for one target account. Validation, fan-out across accounts,
 * the audit journal and rendering are the executor's and the front ends' work, not the command's.
 */
public interface Command {
  CommandSpec spec();

  CommandResult run(CommandContext ctx);

  /**
   * Checks what the argument types alone cannot (say, "exactly one of userName and membershipId"), before any
   * credential is resolved or call made; throws a {@link io.rolecall.UsageException} naming the arguments.
   */
  default void validate(Arguments args) {}
}
