package io.rolecall.sandbox.fault;

/** What an injected fault does to a request. The error codes are each protocol's own (see the protocol classes). */
public enum FaultKind {
  /** The service's throttling error: Throttling (query), RequestLimitExceeded (EC2), ThrottlingException (JSON), SlowDown (S3). */
  THROTTLE,
  /** HTTP 500: InternalFailure (InternalError for EC2 and S3). */
  SERVER_ERROR,
  /** HTTP 503: ServiceUnavailable (Unavailable for EC2). */
  UNAVAILABLE,
  /** The socket is closed without any response. */
  DROP_CONNECTION
}
