package io.rolecall.server;

/** A request the engine refuses with {@code status} and a one-line message (never a stack trace). */
final class ApiException extends RuntimeException {
  private final int status;

  ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
