package io.rolecall.command;

/**
 * An integration command. One class per command: its {@link CommandSpec} declares everything about
 * it, {@link #run} does the AWS calls for one target account. Validation, fan-out across accounts,
 * the audit journal and rendering are the executor's and the front ends' work, not the command's.
 */
public interface Command {
  CommandSpec spec();

  CommandResult run(CommandContext ctx);
}
