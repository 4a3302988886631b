package io.rolecall.policy;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import java.util.regex.Pattern;

/** The principal a trust policy names: checked, and turned into the form IAM accepts there. */
public final class Principals {
  private Principals() {}

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern IAM = Pattern.compile("arn:aws(-[a-z-]+)?:iam::\\d{12}:(root|user/[\\w+=,.@/-]+|role/[\\w+=,.@/-]+)");
  private static final Pattern SESSION = Pattern.compile("arn:(aws(-[a-z-]+)?):sts::(\\d{12}):assumed-role/([\\w+=,.@-]+)/.+");

  /**
   * A user, role or account-root ARN as given; a 12-digit account id as its root ARN; a role
   * session ARN (what GetCallerIdentity says on EC2 or after AssumeRole) as the role's ARN, since a
   * trust policy names the role, not one of its sessions. The role's path, which a session ARN does
   * not show, is assumed to be "/".
   */
  public static String forTrust(String principal, String what) {
    String p = principal.trim();
    if (ACCOUNT.matcher(p).matches()) {
      return "arn:aws:iam::" + p + ":root";
    }
    if (IAM.matcher(p).matches()) {
      return p;
    }
    var session = SESSION.matcher(p);
    if (session.matches()) {
      return "arn:" + session.group(1) + ":iam::" + session.group(3) + ":role/" + session.group(4);
    }
    throw new UsageException(what + ": expected an IAM user or role ARN, arn:aws:iam::<account>:root, or a"
        + " 12-digit account id, got " + Shown.quoted(principal));
  }
}
