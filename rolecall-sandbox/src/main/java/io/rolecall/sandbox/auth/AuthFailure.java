package io.rolecall.sandbox.auth;

/**
 * Why a request could not be authenticated. Each protocol turns the kind into its own error code
 * (InvalidClientTokenId for query services, UnrecognizedClientException for JSON ones, InvalidAccessKeyId for S3...).
 */
public final class AuthFailure extends RuntimeException {

  public enum Kind {
    /** No Authorization header and no presigned query parameters. */
    MISSING,
    /** An Authorization header we cannot parse. */
    INCOMPLETE,
    /** The access key id is not one the sandbox issued. */
    UNKNOWN_KEY,
    /** Temporary credentials without their session token, with a wrong one, or a token on long-term keys. */
    INVALID_TOKEN,
    /** Temporary credentials past their expiration. */
    EXPIRED_TOKEN,
    /** The signature does not match the one we compute with the key's secret. */
    SIGNATURE_MISMATCH
  }

  private final Kind kind;

  public AuthFailure(Kind kind, String detail) {
    super(kind + ": " + detail, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
