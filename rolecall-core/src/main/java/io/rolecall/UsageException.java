package io.rolecall;

/**
 * Bad input or configuration: an argument, flag or config value the user must fix. Exit code 2.
 * The message is one line that names the argument and the accepted form.
 */
public class UsageException extends RolecallException {
  public UsageException(String message) {
    super(message);
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
