package io.rolecall.commands;

import io.rolecall.command.CommandRegistry;
import io.rolecall.commands.remediation.InstanceMetadataOptionsModify;
import io.rolecall.commands.remediation.PasswordPolicyGet;
import io.rolecall.commands.remediation.PasswordPolicyUpdate;
import io.rolecall.commands.remediation.S3PublicAccessBlockUpdate;
import java.util.List;

/** Every command rolecall ships: register a new command here, one line. */
public final class Commands {
  private Commands() {}

  public static CommandRegistry registry() {
    return new CommandRegistry(List.of(
        new S3PublicAccessBlockUpdate(),
        new PasswordPolicyGet(),
        new PasswordPolicyUpdate(),
        new InstanceMetadataOptionsModify()));
  }
}
