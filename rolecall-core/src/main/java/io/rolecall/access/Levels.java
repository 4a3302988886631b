package io.rolecall.access;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Judges admin, write and read from a principal's permissions (escalate is {@link Escalations}' job):
 * <ul>
 *   <li>admin: an action no policy names, and each of {@link #ADMIN_PROBES}, allowed on every resource (a
 *       resource no policy names). So {@code "*"} on {@code "*"} is admin; PowerUserAccess (NotAction iam:*) is
 *       not; a Deny of one unrelated action does not take admin away.</li>
 *   <li>write: some action that is not read-only is allowed on some resource. Candidates are the
 *       {@link #WRITE_PROBES} and an instance of every action pattern the principal's Allow statements name.</li>
 *   <li>read: the same, for read-only actions: names beginning with {@link #READ_VERBS}, and
 *       {@link #READ_ACTIONS}.</li>
 * </ul>
 * STS actions count for neither: assuming a role is an edge of the graph, and the role's level is what counts.
 */
final class Levels {
  static final String UNNAMED_ACTION = "rolecallprobe:unnamedaction";
  static final List<String> ADMIN_PROBES = List.of(UNNAMED_ACTION, "iam:putrolepolicy", "iam:attachuserpolicy",
      "iam:createuser", "iam:passrole", "sts:assumerole", "s3:putobject", "ec2:runinstances");
  static final List<String> WRITE_PROBES = List.of("s3:putobject", "s3:deleteobject", "ec2:runinstances",
      "ec2:terminateinstances", "iam:createuser", "lambda:updatefunctioncode", "dynamodb:putitem", "sqs:sendmessage",
      "sns:publish", "cloudformation:createstack");
  static final List<String> READ_PROBES = List.of("s3:getobject", "s3:listbucket", "ec2:describeinstances",
      "iam:listusers", "iam:getuser", "cloudtrail:lookupevents", "dynamodb:getitem", "logs:getlogevents");
  static final List<String> READ_VERBS = List.of("get", "list", "describe", "head", "lookup", "search", "scan",
      "query", "batchget", "view");
  /** Read-only actions whose names do not say so (IAM's access level for them is Read). */
  static final Set<String> READ_ACTIONS = Set.of("iam:generatecredentialreport",
      "iam:generateservicelastaccesseddetails", "iam:generateorganizationsaccessreport", "iam:simulateprincipalpolicy",
      "iam:simulatecustompolicy");

  /** A level with the statement that gives it and the condition keys it depends on. */
  record Judgement(Level level, String grant, List<String> conditions) {}

  private final Map<Wildcard, String[]> instances = new HashMap<>();

  /** Admin, or null. */
  Judgement admin(Permissions p) {
    Decision first = null;
    List<String> conditions = List.of();
    for (String action : ADMIN_PROBES) {
      Decision d = p.decide(action, Target.EVERY);
      if (!d.allowed()) {
        return null;
      }
      first = first == null ? d : first;
      conditions = Permissions.merge(conditions, d.conditions());
    }
    return new Judgement(Level.ADMIN, first.grant(), conditions);
  }

  /** Write, else read, else null. */
  Judgement writeOrRead(Permissions p) {
    var writes = new LinkedHashSet<String>(WRITE_PROBES);
    var reads = new LinkedHashSet<String>(READ_PROBES);
    for (Policy policy : p.identity) {
      for (Statement s : policy.document().statements()) {
        if (s.allow() && !s.notAction()) {
          for (Wildcard w : s.actions()) {
            String[] pair = instances.computeIfAbsent(w, Levels::instantiate);
            if (pair[0] != null) {
              writes.add(pair[0]);
            }
            if (pair[1] != null) {
              reads.add(pair[1]);
            }
          }
        }
      }
    }
    Judgement write = first(p, writes, Level.WRITE);
    return write != null ? write : first(p, reads, Level.READ);
  }

  private static Judgement first(Permissions p, Set<String> actions, Level level) {
    for (String a : actions) {
      Decision d = p.decide(a, Target.SOME);
      if (d.allowed()) {
        return new Judgement(level, d.grant(), d.conditions());
      }
    }
    return null;
  }

  static boolean readOnly(String foldedAction) {
    if (READ_ACTIONS.contains(foldedAction)) {
      return true;
    }
    int colon = foldedAction.indexOf(':');
    String verb = foldedAction.substring(colon + 1);
    return READ_VERBS.stream().anyMatch(verb::startsWith);
  }

  /**
   * A concrete write and read action the pattern matches ({@code s3:*} gives s3:put and s3:get; {@code s3:Get*}
   * gives no write), each null when there is none. The service part's wildcards become letters.
   */
  static String[] instantiate(Wildcard w) {
    String t = Wildcard.fold(w.text());
    int colon = t.indexOf(':');
    if (colon <= 0) {
      return new String[2];
    }
    String service = t.substring(0, colon).replace('*', 's').replace('?', 's');
    if (service.equals("sts")) {
      return new String[2]; // role assumption is what the graph's edges are made of, not a level
    }
    String action = t.substring(colon + 1);
    String write = candidate(service, action, "put");
    String read = candidate(service, action, "get");
    return new String[] {write != null && !readOnly(write) && w.matches(write) ? write : null,
        read != null && readOnly(read) && w.matches(read) ? read : null};
  }

  private static String candidate(String service, String action, String verb) {
    var out = new StringBuilder(service).append(':');
    boolean used = false;
    for (char ch : action.toCharArray()) {
      if (ch == '*') {
        if (!used) {
          out.append(verb);
          used = true;
        }
      } else if (ch == '?') {
        out.append('x');
      } else {
        out.append(ch);
      }
    }
    String s = out.toString();
    return s.endsWith(":") ? null : s.toLowerCase(Locale.ROOT);
  }

  /** Whether the principal would be admin with an allow-everything identity: its boundary and SCPs let it. */
  boolean capAdmitsAdmin(Permissions p, Policy everything) {
    return admin(p.withIdentity(List.of(everything))) != null;
  }

}
