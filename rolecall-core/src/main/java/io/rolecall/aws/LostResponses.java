package io.rolecall.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Tells when an SDK call failed after an earlier attempt of it went unanswered (no response, or a 5xx): that attempt
 * may have been applied, so the failure of the retry can be the first attempt's own doing. A CreateUser whose
 * response was lost is retried and answered "Duplicate UserName"; a DeleteUser, "not found". Commands settle such a
 * failure by reading the state ({@link io.rolecall.command.Write}). Every client rolecall builds carries this; it
 * marks the failing exception (a suppressed {@link Marker}) and changes nothing else.
 */
public final class LostResponses implements ExecutionInterceptor {
  static final LostResponses INSTANCE = new LostResponses();

  private static final ExecutionAttribute<Attempts> ATTEMPTS = new ExecutionAttribute<>("rolecall.LostResponses");

  /** One call's attempts so far. An execution's attributes are its own: no sharing between calls or threads. */
  private static final class Attempts {
    int sent;
    boolean answered;
    boolean earlierUnanswered;
  }

  private LostResponses() {}

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(ATTEMPTS, new Attempts());
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Attempts a = attributes.getAttribute(ATTEMPTS);
    if (a != null) {
      if (a.sent > 0 && !a.answered) {
        a.earlierUnanswered = true;
      }
      a.sent++;
      a.answered = false;
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    Attempts a = attributes.getAttribute(ATTEMPTS);
    if (a != null) {
      // A 5xx may come from a service that applied the request and then failed to answer it.
      a.answered = context.httpResponse().statusCode() < 500;
    }
  }

  @Override
  public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
    Attempts a = attributes.getAttribute(ATTEMPTS);
    Throwable e = context.exception();
    if (a != null && a.earlierUnanswered && !preceded(e)) {
      e.addSuppressed(new Marker(a.sent));
    }
    return e;
  }

  /** Whether {@code e}, or an exception it wraps, is the failure of a call an earlier attempt of which went unanswered. */
  public static boolean preceded(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Throwable s : t.getSuppressed()) {
        if (s instanceof Marker) {
          return true;
        }
      }
    }
    return false;
  }

  /** The mark on such a failure; carries no stack trace. */
  static final class Marker extends RuntimeException {
    Marker(int attempts) {
      super("an earlier attempt of this call went unanswered (" + attempts + " attempts in all)", null, false, false);
    }
  }
}
