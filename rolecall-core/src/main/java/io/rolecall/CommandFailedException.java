package io.rolecall;

/** The command ran but AWS said no, or what it named does not exist. Exit code 1. */
public class CommandFailedException extends RolecallException {
  public CommandFailedException(String message) {
    super(message);
  }

  public CommandFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int exitCode() {
    return 1;
  }
}
