package io.rolecall.sandbox.protocol;

/**
 * AWS's validation messages ("1 validation error detected: Value '5' at 'minimumPasswordLength' failed to satisfy
 * constraint: ..."). They name the member in lower camel case, whatever the wire spells. The caller picks the code:
 * ValidationError for query services, ValidationException for JSON ones.
 */
public final class Validation {
  private Validation() {}

  public static String notNull(String param) {
    return "1 validation error detected: Value null at '" + member(param) + "' failed to satisfy constraint: "
        + "Member must not be null";
  }

  public static String atLeast(String param, Object value, long min) {
    return failed(param, value, "Member must have value greater than or equal to " + min);
  }

  public static String atMost(String param, Object value, long max) {
    return failed(param, value, "Member must have value less than or equal to " + max);
  }

  public static String minLength(String param, Object value, int min) {
    return failed(param, value, "Member must have length greater than or equal to " + min);
  }

  public static String maxLength(String param, Object value, int max) {
    return failed(param, value, "Member must have length less than or equal to " + max);
  }

  public static String pattern(String param, Object value, String regex) {
    return failed(param, value, "Member must satisfy regular expression pattern: " + regex);
  }

  public static String failed(String param, Object value, String constraint) {
    return "1 validation error detected: Value '" + value + "' at '" + member(param) + "' failed to satisfy "
        + "constraint: " + constraint;
  }

  /** {@code MinimumPasswordLength} to {@code minimumPasswordLength}. */
  public static String member(String param) {
    return param.isEmpty() ? param : Character.toLowerCase(param.charAt(0)) + param.substring(1);
  }
}
