package io.rolecall.auth;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Registers every secret key and session token a provider hands out with the {@link Redactor}.
 * Credentials rolecall never saw as input (assumed-role sessions, IMDS, profiles, the environment)
 * are then masked like the configured ones wherever output is redacted.
 */
final class RedactingCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {
  private final AwsCredentialsProvider delegate;

  RedactingCredentialsProvider(AwsCredentialsProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    AwsCredentials c = delegate.resolveCredentials();
    Redactor.global().register(c.secretAccessKey());
    if (c instanceof AwsSessionCredentials s) {
      Redactor.global().register(s.sessionToken());
    }
    return c;
  }

  @Override
  public void close() {
    if (delegate instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // Closing only releases threads and connections; nothing to report.
      }
    }
  }

  @Override
  public String toString() {
    return "Redacting(" + delegate + ")";
  }
}
