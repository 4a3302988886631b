package io.rolecall.commands;

import io.rolecall.command.CommandRegistry;
import io.rolecall.commands.remediation.PasswordPolicyGet;
import java.util.List;

/** Every command rolecall ships: register a new command here, one line. */
public final class Commands {
  private Commands() {}

  public static CommandRegistry registry() {
    return new CommandRegistry(List.of(
        new PasswordPolicyGet()));
  }
}
