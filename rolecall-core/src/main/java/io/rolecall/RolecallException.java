package io.rolecall;

/** Base of the failures rolecall reports to a user as one line, never as a stack trace. */
public abstract class RolecallException extends RuntimeException {
  protected RolecallException(String message) {
    super(message, null, false, false);
  }

  protected RolecallException(String message, Throwable cause) {
    super(message, cause, false, false);
  }

  /** The process exit code this failure maps to: 1 the command failed, 2 bad usage. */
  public abstract int exitCode();
}
