package io.rolecall.access;

/**
 * A principal as the user names it, parsed by {@link AccessInput#principal}: an IAM ARN (user, role, root),
 * an Identity Center user ({@code store} null when the user left it out), a service principal, or "*".
 * {@code option} is the flag it came from, for errors about it.
 */
public record PrincipalRef(String option, Form form, String store, String value) {
  public enum Form { ARN, IDC_USER, SERVICE, ANYONE }

  @Override
  public String toString() {
    return switch (form) {
      case IDC_USER -> "idc:" + (store == null ? "" : store + "/") + value;
      default -> value;
    };
  }
}
