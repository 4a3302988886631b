package io.rolecall.policy;

import io.rolecall.command.CommandSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The least-privilege permission policy for a set of commands: exactly the IAM actions their specs
 * declare (which are exactly the calls they make), one statement per service, sorted so the same
 * commands always give the same document. Resource is "*": the password policy actions allow
 * nothing narrower, and the buckets and instances a playbook will touch are not known in advance.
 */
public final class PermissionPolicy {
  private PermissionPolicy() {}

  public static Map<String, Object> of(Collection<CommandSpec> commands) {
    return ofActions(commands.stream().flatMap(c -> c.permissions().stream()).toList());
  }

  /** The same document for a set of actions ("service:Action"), whoever needs them. */
  public static Map<String, Object> ofActions(Collection<String> actions) {
    var byService = new TreeMap<String, TreeSet<String>>();
    for (String action : actions) {
      String service = action.substring(0, action.indexOf(':'));
      byService.computeIfAbsent(service, s -> new TreeSet<>()).add(action);
    }
    var statements = new ArrayList<Object>();
    byService.forEach((service, ofService) -> {
      var statement = new LinkedHashMap<String, Object>();
      statement.put("Sid", "Rolecall" + sidPart(service));
      statement.put("Effect", "Allow");
      statement.put("Action", List.copyOf(ofService));
      statement.put("Resource", "*");
      statements.add(statement);
    });
    return document(statements);
  }

  static Map<String, Object> document(List<Object> statements) {
    var doc = new LinkedHashMap<String, Object>();
    doc.put("Version", "2012-10-17");
    doc.put("Statement", statements);
    return doc;
  }

  /** "s3" to "S3", "identitystore" to "Identitystore": a Sid is letters and digits only. */
  private static String sidPart(String service) {
    String clean = service.replaceAll("[^A-Za-z0-9]", "");
    return clean.substring(0, 1).toUpperCase(Locale.ROOT) + clean.substring(1);
  }
}
