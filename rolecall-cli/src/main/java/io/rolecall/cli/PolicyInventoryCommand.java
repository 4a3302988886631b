package io.rolecall.cli;

import io.rolecall.UsageException;
import io.rolecall.policy.CloudFormation;
import io.rolecall.policy.RolePlan;
import io.rolecall.render.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall policy inventory}: the roles an inventory sync assumes. Each member account's role gets the reads of
 * IAM, EC2 and CloudTrail; the management account's role also the Organizations and Identity Center reads, which no
 * other account answers. The permissions are the collectors' calls (InventoryPermissions).
 */
@Command(name = "inventory", description = "Print the inventory sync's read-only role: member and management-account"
    + " policies, trust policy, CloudFormation templates.")
final class PolicyInventoryCommand implements Callable<Integer> {
  @ParentCommand
  PolicyCommand policy;

  @Option(names = "--principal", paramLabel = "ARN",
      description = "Who may assume the role: a user or role ARN, or an account id (default: the engine's identity).")
  String principal;

  @Option(names = "--show", paramLabel = "PART", defaultValue = "all",
      description = "member-permissions, management-permissions, trust, member-role-template,"
          + " management-role-template, stackset-template, or all (default).")
  String show;

  private static final java.util.List<String> PARTS = java.util.List.of("member-permissions", "management-permissions",
      "trust", "member-role-template", "management-role-template", "stackset-template", "all");

  @Override
  public Integer call() {
    if (!PARTS.contains(show.toLowerCase(Locale.ROOT))) {
      throw new UsageException("--show: expected member-permissions, management-permissions, trust,"
          + " member-role-template, management-role-template, stackset-template or all, got '" + show + "'");
    }
    var root = policy.root;
    var settings = root.settings();
    String roleName = settings.roleName() != null ? settings.roleName() : RolePlan.DEFAULT_ROLE_NAME;
    String part = show.toLowerCase(Locale.ROOT);
    boolean needsTrust = !part.endsWith("-permissions");
    String trusted = needsTrust ? PolicyCommand.trustedPrincipal(settings, principal) : null;
    var plan = RolePlan.inventory(roleName, trusted, settings.externalId(), settings.roleSessionDuration());
    var parts = new LinkedHashMap<String, Object>();
    parts.put("member-permissions", plan.memberPolicy());
    parts.put("management-permissions", plan.managementPolicy());
    if (needsTrust) {
      parts.put("trust", plan.trustPolicy());
      parts.put("member-role-template", CloudFormation.memberRoleTemplate(plan));
      parts.put("management-role-template", CloudFormation.roleTemplate(plan));
      parts.put("stackset-template", CloudFormation.stackSetTemplate(plan));
    }
    var out = root.cli.out();
    if (!part.equals("all")) {
      out.println(Json.pretty(parts.get(part)));
      return 0;
    }
    if (OutputFormat.parse(root.global.output) == OutputFormat.JSON) {
      var all = new LinkedHashMap<String, Object>();
      parts.forEach((k, v) -> all.put(key(k), v));
      out.println(Json.pretty(all));
      return 0;
    }
    out.println("# Inventory role " + roleName + " in every member account: read-only IAM, EC2 and CloudTrail");
    out.println(Json.pretty(parts.get("member-permissions")));
    out.println();
    out.println("# The same role in the management account adds the Organizations and Identity Center reads");
    out.println("# (rolecall policy inventory --show management-role-template > management-role.json)");
    out.println(Json.pretty(parts.get("management-permissions")));
    out.println();
    out.println("# Trust policy: " + trusted + " may assume it"
        + (plan.externalId() == null ? " (no ExternalId: give --external-id for third-party access)" : " with its ExternalId"));
    out.println(Json.pretty(parts.get("trust")));
    out.println();
    out.println("# CloudFormation: the member role in every account of the organization, as a service-managed StackSet");
    out.println("# (rolecall policy inventory --show stackset-template > stackset.json)");
    out.println(Json.pretty(parts.get("stackset-template")));
    return 0;
  }

  /** "member-role-template" to "MemberRoleTemplate". */
  private static String key(String part) {
    var b = new StringBuilder();
    for (String w : part.split("-")) {
      b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return b.toString();
  }

}
