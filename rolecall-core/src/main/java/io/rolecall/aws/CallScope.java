package io.rolecall.aws;

/**
 * Work that wants to see every HTTP attempt its SDK calls make (retries included): to count them, and to pace
 * them. Bound to a thread for a stretch of work with {@link CallMeter#within}; the SDK's sync clients run each
 * attempt on the calling thread, so attempts are attributed to the work that made them.
 */
public interface CallScope {

  /**
   * Before an attempt goes on the wire; may block to respect a rate limit.
   *
   * @param service the SDK's service name, e.g. "Iam", "Ec2", "CloudTrail", "Sts"
   * @param operation e.g. "GetAccountAuthorizationDetails"
   * @param region the region the client signs for
   */
  void beforeAttempt(String service, String operation, String region);

  /** After an attempt's response arrived; {@code throttled} when AWS refused it for rate (to be retried with backoff). */
  void afterAttempt(String service, String operation, boolean throttled);
}
