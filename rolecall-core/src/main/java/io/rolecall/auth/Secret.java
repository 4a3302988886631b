package io.rolecall.auth;

import java.util.Objects;

/**
 * A secret value (secret key, session token, bearer token). Its {@link #toString()} never shows the
 * value, so a secret that slips into a log line, an exception message or a JSON document shows as
 * {@code ****}. Only {@link #reveal()} returns it, and only code that hands it to the SDK calls that.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
    Redactor.global().register(value);
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** Null-tolerant factory for optional settings. */
  public static Secret ofNullable(String value) {
    return value == null || value.isEmpty() ? null : new Secret(value);
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
