package io.rolecall.sandbox.service.iam;

/**
 * An account password policy. 0 for {@code maxPasswordAge} / {@code passwordReusePrevention} means "not set", as
 * IAM omits them then. {@link #expirePasswords()} is IAM's read-only field.
 */
public record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                             boolean allowUsersToChangePassword, int maxPasswordAge, int passwordReusePrevention,
                             boolean hardExpiry) {

  /**
   * What UpdateAccountPasswordPolicy uses for MinimumPasswordLength when it is not sent. The IAM API reference
   * states: "If you do not specify a value for this parameter, then the operation uses the default value of 6."
   * (8 is the length of the separate "default policy" that applies while an account has no policy at all.)
   */
  public static final int UPDATE_DEFAULT_MINIMUM_LENGTH = 6;

  /** The policy UpdateAccountPasswordPolicy sets when no field is sent. */
  public static PasswordPolicy updateDefaults() {
    return new PasswordPolicy(UPDATE_DEFAULT_MINIMUM_LENGTH, false, false, false, false, false, 0, 0, false);
  }

  public boolean expirePasswords() {
    return maxPasswordAge > 0;
  }
}
