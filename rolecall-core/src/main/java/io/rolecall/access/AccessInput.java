package io.rolecall.access;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.util.regex.Pattern;

/**
 * Parsing what `rolecall access` users type. A bad value is a one-line {@link UsageException} naming the option
 * and the accepted form; whether the thing exists is the graph's question ({@link AccessGraph}).
 */
public final class AccessInput {
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final String NAME = "[\\w+=,.@-]+";
  private static final Pattern PRINCIPAL_ARN = Pattern.compile(
      "arn:aws(-[a-z]+)*:iam::\\d{12}:(root|user(/" + NAME + ")+|role(/" + NAME + ")+(_\\*)?)");
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:role(/" + NAME + ")+(_\\*)?");
  private static final Pattern STORE = Pattern.compile(
      "d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com(\\.cn)?");
  /** Identity Store user names: 1 to 128 characters. */
  static final int MAX_USER_NAME = 128;

  private AccessInput() {}

  public static String account(String option, String text) {
    String t = text == null ? "" : text.trim();
    if (!ACCOUNT.matcher(t).matches()) {
      throw new UsageException(option + ": expected a 12-digit AWS account id, got " + Shown.quoted(text));
    }
    return t;
  }

  public static Level level(String option, String text) {
    return Level.parse(option, text);
  }

  public static PrincipalRef principal(String option, String text) {
    String t = text == null ? "" : text.trim();
    if (t.startsWith("idc:")) {
      return idc(option, text, t.substring(4));
    }
    if (t.equals("*")) {
      return new PrincipalRef(option, PrincipalRef.Form.ANYONE, null, "*");
    }
    if (PRINCIPAL_ARN.matcher(t).matches()) {
      return new PrincipalRef(option, PrincipalRef.Form.ARN, null, t);
    }
    if (SERVICE.matcher(t).matches()) {
      return new PrincipalRef(option, PrincipalRef.Form.SERVICE, null, t);
    }
    throw new UsageException(option + ": expected an IAM user, role or root ARN (arn:aws:iam::123456789012:user/NAME),"
        + " idc:[STORE/]USERNAME, a service principal such as ec2.amazonaws.com, or *, got " + Shown.quoted(text));
  }

  /** A role ARN, such as `access path --to` takes. */
  public static String role(String option, String text) {
    String t = text == null ? "" : text.trim();
    if (!ROLE_ARN.matcher(t).matches()) {
      throw new UsageException(option + ": expected a role ARN such as arn:aws:iam::123456789012:role/NAME, got "
          + Shown.quoted(text));
    }
    return t;
  }

  private static PrincipalRef idc(String option, String text, String rest) {
    String store = null;
    String name = rest;
    int slash = rest.indexOf('/');
    if (slash > 0 && STORE.matcher(rest.substring(0, slash)).matches()) {
      store = rest.substring(0, slash);
      name = rest.substring(slash + 1);
    }
    boolean control = name.chars().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    if (name.isBlank() || name.length() > MAX_USER_NAME || control) {
      throw new UsageException(option + ": expected idc:[STORE/]USERNAME, an Identity Center user name of 1 to "
          + MAX_USER_NAME + " characters after an optional identity store id (d-0123456789/), got " + Shown.quoted(text));
    }
    return new PrincipalRef(option, PrincipalRef.Form.IDC_USER, store, name);
  }
}
