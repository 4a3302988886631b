package io.rolecall.access;

import java.util.List;

/** One way a principal can make itself (or a principal it controls) admin: on what, and by which statement. */
public record Escalation(Technique technique, String target, String grant, List<String> conditions) {
  /** "pass-role-ec2 on arn:...: grant", as findings word it. */
  public String explain() {
    return technique.id() + " (" + technique.description() + ") on " + target + ": " + grant;
  }
}
