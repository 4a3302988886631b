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
 *   <li>write: some write action is allowed on some resource. An action writes when its name (after the service
 *       prefix) begins with one of {@link #WRITE_VERBS} (Put, Create, Delete, Attach, Run, PassRole...).
 *       Candidates are the {@link #WRITE_PROBES} and, for each action pattern of the principal's Allow statements,
 *       an action it matches: {@code s3:*} gives s3:Put, {@code s3:Delete*} gives s3:Delete, {@code athena:Batch*}
 *       gives none (its literal start is no write verb).</li>
 *   <li>read: some other action is allowed (Get, List, Describe, but also Validate, Detect, Select...: AWS's
 *       ReadOnlyAccess names all of these), {@link #READ_ACTIONS} included.</li>
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
  static final List<String> WRITE_VERBS = List.of("abort", "accept", "activate", "add", "allocate", "apply",
      "approve", "archive", "assign", "associate", "attach", "authorize", "batchcreate", "batchdelete", "batchput",
      "batchupdate", "batchwrite", "cancel", "change", "claim", "complete", "configure", "copy", "create", "deactivate",
      "delete", "deploy", "deregister", "detach", "disable", "disassociate", "enable", "execute", "grant", "import",
      "initiate", "invoke", "issue", "launch", "modify", "move", "pass", "promote", "provision", "publish", "purchase",
      "purge", "push", "put", "reboot", "register", "reject", "release", "remove", "replace", "reset", "restore",
      "resume", "retire", "revoke", "rotate", "run", "schedule", "send", "set", "share", "sign", "start", "stop",
      "submit", "subscribe", "suspend", "tag", "terminate", "transfer", "unassign", "unsubscribe", "untag", "update",
      "upgrade", "upload", "write");
  /**
   * Actions that begin with a write verb but that AWS's ReadOnlyAccess (version 182) grants, AWS classing them as
   * reads: queries and trace retrievals that change nothing.
   */
  static final Set<String> READ_ACTIONS = Set.of("logs:startquery", "logs:stopquery", "logs:startlivetail",
      "logs:stoplivetail", "xray:starttraceretrieval", "xray:canceltraceretrieval", "s3express:createsession",
      "devops-guru:startcostestimation", "servicequotas:startquotautilizationreport");

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

  /** Whether a folded action name begins, after its service prefix, with a write verb. */
  static boolean writes(String foldedAction) {
    if (READ_ACTIONS.contains(foldedAction)) {
      return false;
    }
    String verb = foldedAction.substring(foldedAction.indexOf(':') + 1);
    for (String w : WRITE_VERBS) {
      if (verb.startsWith(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A concrete write and read action the pattern matches, each null when there is none. A pattern whose action
   * part starts with a wildcard ({@code s3:*}, {@code s3:*Object}) may be either; one with a literal start is
   * what that start says. The service part's wildcards become letters.
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
    String write;
    String read;
    if (action.startsWith("*") || action.startsWith("?")) {
      write = candidate(service, action, "put");
      read = candidate(service, action, "get");
    } else {
      String c = candidate(service, action, "");
      write = c != null && writes(c) ? c : null;
      read = c != null && !writes(c) ? c : null;
    }
    return new String[] {write != null && writes(write) && w.matches(write) ? write : null,
        read != null && !writes(read) && w.matches(read) ? read : null};
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
