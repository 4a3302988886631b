package io.rolecall.cli;

import io.rolecall.UsageException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.aws.AwsErrors;
import io.rolecall.aws.Sessions;
import io.rolecall.command.CommandSpec;
import io.rolecall.commands.Commands;
import io.rolecall.policy.CloudFormation;
import io.rolecall.policy.Principals;
import io.rolecall.policy.RolePlan;
import io.rolecall.render.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code rolecall policy [COMMAND...]}: what the target role needs for these commands (every command
 * when none is named): its permission policy, trust policy, and CloudFormation templates for one
 * account or a whole organization. The role name and ExternalId come from --role-name and
 * --external-id (or the instance); the trusted principal from --principal, else the engine's own
 * identity as STS reports it.
 */
@Command(name = "policy", description = "Print the target role's IAM policies and CloudFormation templates for commands.",
    subcommands = {PolicyInventoryCommand.class, PolicyEngineCommand.class},
    footer = {"", "rolecall policy inventory: the roles an inventory sync assumes; rolecall policy engine: the policy of"
        + " rolecall's own identity."})
final class PolicyCommand implements Callable<Integer> {
  enum Part { PERMISSIONS, TRUST, ROLE_TEMPLATE, STACKSET_TEMPLATE, ALL }

  @ParentCommand
  RolecallCommand root;

  @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "Commands the role must run (default: all).")
  List<String> commands = new ArrayList<>();

  @Option(names = "--principal", paramLabel = "ARN",
      description = "Who may assume the role: a user or role ARN, or an account id (default: the engine's identity).")
  String principal;

  @Option(names = "--show", paramLabel = "PART", defaultValue = "all",
      description = "permissions, trust, role-template, stackset-template, or all (default).")
  String show;

  @Override
  public Integer call() {
    Part part = part(show);
    var registry = Commands.registry();
    List<CommandSpec> specs = commands.isEmpty() ? registry.specs()
        : commands.stream().map(c -> registry.require(c).spec()).distinct().toList();
    AuthSettings settings = root.settings();
    String roleName = settings.roleName() != null ? settings.roleName() : RolePlan.DEFAULT_ROLE_NAME;
    String trusted = part == Part.PERMISSIONS ? null : trustedPrincipal(settings, principal);
    var plan = new RolePlan(roleName, trusted, settings.externalId(), settings.roleSessionDuration(), specs);
    var out = root.cli.out();
    if (part != Part.ALL) {
      out.println(Json.pretty(document(plan, part)));
      return 0;
    }
    if (OutputFormat.parse(root.global.output) == OutputFormat.JSON) {
      var all = new LinkedHashMap<String, Object>();
      for (Part p : List.of(Part.PERMISSIONS, Part.TRUST, Part.ROLE_TEMPLATE, Part.STACKSET_TEMPLATE)) {
        all.put(key(p), document(plan, p));
      }
      out.println(Json.pretty(all));
      return 0;
    }
    out.println("# Permission policy of role " + roleName + " (to " + plan.purpose() + ")");
    out.println(Json.pretty(plan.permissionPolicy()));
    out.println();
    out.println("# Trust policy: " + trusted + " may assume it"
        + (plan.externalId() == null ? " (no ExternalId: give --external-id for third-party access)" : " with its ExternalId"));
    out.println(Json.pretty(plan.trustPolicy()));
    out.println();
    out.println("# CloudFormation: the role in one account, or the management account's (rolecall policy --show"
        + " role-template > role.json); deploy with --parameter-overrides ExternalId=... when it has one");
    out.println(Json.pretty(CloudFormation.roleTemplate(plan)));
    out.println();
    out.println("# CloudFormation: the role in every account of an organization, as a service-managed StackSet");
    out.println("# deployed from the management account (rolecall policy --show stackset-template > stackset.json);"
        + " its member role has no Identity Center or Organizations action");
    out.println(Json.pretty(CloudFormation.stackSetTemplate(plan)));
    return 0;
  }

  private static Object document(RolePlan plan, Part part) {
    return switch (part) {
      case PERMISSIONS -> plan.permissionPolicy();
      case TRUST -> plan.trustPolicy();
      case ROLE_TEMPLATE -> CloudFormation.roleTemplate(plan);
      case STACKSET_TEMPLATE -> CloudFormation.stackSetTemplate(plan);
      case ALL -> throw new IllegalArgumentException("one part at a time");
    };
  }

  private static String key(Part p) {
    return switch (p) {
      case PERMISSIONS -> "PermissionPolicy";
      case TRUST -> "TrustPolicy";
      case ROLE_TEMPLATE -> "RoleTemplate";
      case STACKSET_TEMPLATE -> "StackSetTemplate";
      case ALL -> "All";
    };
  }

  private static Part part(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "permissions" -> Part.PERMISSIONS;
      case "trust" -> Part.TRUST;
      case "role-template" -> Part.ROLE_TEMPLATE;
      case "stackset-template" -> Part.STACKSET_TEMPLATE;
      case "all" -> Part.ALL;
      default -> throw new UsageException("--show: expected permissions, trust, role-template, stackset-template or"
          + " all, got '" + text + "'");
    };
  }

  /** --principal, else the engine's base identity (not a role it would assume: that role is what we describe). */
  static String trustedPrincipal(AuthSettings settings, String principal) {
    if (principal != null) {
      return Principals.forTrust(principal, "--principal");
    }
    var base = settings.toBuilder().roleArn(null).build();
    try (var sessions = new Sessions()) {
      String arn = sessions.open(base, null).authenticate().sts().getCallerIdentity(r -> { }).arn();
      return Principals.forTrust(arn, "the engine's identity");
    } catch (SdkException e) {
      throw new UsageException("policy: cannot tell the engine's identity ("
          + AwsErrors.callFailed("sts:GetCallerIdentity", e).getMessage() + "); give --principal ARN");
    } catch (io.rolecall.RolecallException e) {
      throw new UsageException("policy: cannot tell the engine's identity (" + e.getMessage() + "); give --principal ARN");
    }
  }
}
