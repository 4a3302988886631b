package io.rolecall.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Registers every secret key and session token a provider hands out with the {@link Redactor}, and unregisters them
 * when they are done: on close (the session is released), and when a refresh has replaced them twice over (the
 * previous session's secrets stay masked while replies made with them may still be on their way). Credentials
 * rolecall never saw as input (assumed-role sessions, IMDS, profiles, the environment) are then masked like the
 * configured ones wherever output is redacted, and a long-running engine holds only its live sessions' secrets.
 */
final class RedactingCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {
  /** The current credentials and the ones before them. */
  private static final int KEPT = 2;

  private final AwsCredentialsProvider delegate;
  private final Deque<AwsCredentials> registered = new ArrayDeque<>();
  private boolean closed;

  RedactingCredentialsProvider(AwsCredentialsProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    AwsCredentials c = delegate.resolveCredentials();
    synchronized (registered) {
      if (!closed && registered.peekLast() != c) {
        register(c);
        registered.addLast(c);
        if (registered.size() > KEPT) {
          unregister(registered.removeFirst());
        }
      }
    }
    return c;
  }

  /** How many sets of credentials are registered (for tests). */
  int registered() {
    synchronized (registered) {
      return registered.size();
    }
  }

  private static void register(AwsCredentials c) {
    Redactor.global().register(c.secretAccessKey());
    if (c instanceof AwsSessionCredentials s) {
      Redactor.global().register(s.sessionToken());
    }
  }

  private static void unregister(AwsCredentials c) {
    Redactor.global().unregister(c.secretAccessKey());
    if (c instanceof AwsSessionCredentials s) {
      Redactor.global().unregister(s.sessionToken());
    }
  }

  @Override
  public void close() {
    synchronized (registered) {
      closed = true;
      registered.forEach(RedactingCredentialsProvider::unregister);
      registered.clear();
    }
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
