package io.rolecall.sandbox.protocol;

/**
 * An AWS error to return: HTTP status, error code and message. Handlers throw it; the service's protocol renders it
 * in the right envelope. Status 5xx is a Receiver fault, anything else a Sender fault.
 */
public final class AwsException extends RuntimeException {
  private final int status;
  private final String code;

  public AwsException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public static AwsException badRequest(String code, String message) {
    return new AwsException(400, code, message);
  }

  public static AwsException forbidden(String code, String message) {
    return new AwsException(403, code, message);
  }

  public static AwsException notFound(String code, String message) {
    return new AwsException(404, code, message);
  }

  public static AwsException conflict(String code, String message) {
    return new AwsException(409, code, message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public boolean senderFault() {
    return status < 500;
  }

  @Override
  public String toString() {
    return code + " (" + status + "): " + getMessage();
  }
}
