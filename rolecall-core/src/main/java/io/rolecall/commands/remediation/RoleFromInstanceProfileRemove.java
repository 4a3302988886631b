package io.rolecall.commands.remediation;

import io.rolecall.UsageException;
import io.rolecall.aws.AwsErrors;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Table;
import io.rolecall.command.Write;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * aws-iam-role-from-instance-profile-remove: takes the role out of an instance profile (instances using the profile
 * lose the role's credentials once their current ones expire), reading the profile's roles before and after.
 * Without role_name, the profile's one role is removed (an instance profile holds at most one).
 */
public final class RoleFromInstanceProfileRemove implements Command {
  static final String CONTEXT = "AWS.IAM.InstanceProfiles";

  private static final CommandSpec SPEC = CommandSpec.builder("aws-iam-role-from-instance-profile-remove")
      .description("Remove a role from an EC2 instance profile, so the instances using the profile stop receiving"
          + " the role's credentials. Without role_name, the profile's role (it holds at most one) is removed.")
      .arg(ArgSpec.matching("instance_profile_name", "[\\w+=,.@-]{1,128}", "an instance profile name (1 to 128 of"
          + " letters, digits and +=,.@_-)", "The instance profile.").mandatory())
      .arg(ArgSpec.matching("role_name", "[\\w+=,.@-]{1,64}", "a role name (1 to 64 of letters, digits and"
          + " +=,.@_-)", "The role to remove."))
      .mutating()
      .output(CONTEXT + ".InstanceProfileName", "string", "The instance profile.")
      .output(CONTEXT + ".AccountId", "string", "Its account.")
      .output(CONTEXT + ".Roles", "array", "The role names the profile holds after the change.")
      .permissions("iam:GetInstanceProfile", "iam:RemoveRoleFromInstanceProfile")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String profile = ctx.args().string("instance_profile_name");
    String where = " in account " + ctx.accountId();
    IamClient iam = ctx.session().iam();
    var before = roles(iam, profile, where);
    String role = ctx.args().has("role_name") ? ctx.args().string("role_name") : null;
    if (role == null) {
      if (before.size() > 1) {
        throw new UsageException(SPEC.name() + ": instance profile " + profile + " holds " + before.size()
            + " roles; give role_name");
      }
      role = before.isEmpty() ? null : before.getFirst();
    }
    String removed = role;
    boolean changed = removed != null && before.stream().anyMatch(r -> r.equalsIgnoreCase(removed));
    var requested = new ArrayList<>(before);
    requested.removeIf(r -> r.equalsIgnoreCase(String.valueOf(removed)));
    List<String> after = requested;
    List<String> warnings = new ArrayList<>();
    if (!changed) {
      warnings.add(removed == null ? "instance profile " + profile + " holds no role" : "instance profile " + profile
          + " does not hold role " + removed);
    }
    if (changed && !ctx.dryRun()) {
      var done = Write.of(ctx, "arn:aws:iam::" + ctx.accountId() + ":instance-profile/" + profile,
              Map.of("Roles", before), Map.of("Roles", requested))
          .settlingRetried(e -> e.getCause() instanceof software.amazon.awssdk.services.iam.model.NoSuchEntityException)
          .run(() -> remove(iam, profile, removed, where), () -> Map.of("Roles", roles(iam, profile, where)));
      @SuppressWarnings("unchecked")
      var read = done.readBack() ? (List<String>) done.afterMap().get("Roles") : requested;
      after = read;
      warnings.addAll(done.warnings());
    }
    var contents = Changes.contents(ctx.accountId(), null, ctx.dryRun(), changed);
    contents.remove("Region");
    contents.put("InstanceProfileName", profile);
    contents.put("Before", Map.of("Roles", before));
    contents.put("After", Map.of("Roles", after));
    var entry = new LinkedHashMap<String, Object>();
    entry.put("InstanceProfileName", profile);
    entry.put("AccountId", ctx.accountId());
    entry.put("Roles", after);
    var table = new Table(Changes.title("AWS IAM instance profile", ctx.dryRun()), List.of("AccountId",
        "InstanceProfileName", "Roles", "Result"), List.of(), null).row(ctx.accountId(), profile,
        Changes.cell(String.join(",", before), String.join(",", after)), Changes.result(ctx.dryRun(), changed));
    return CommandResult.of(contents, ctx.dryRun() ? Map.of() : Map.of(CONTEXT, entry), table).withWarnings(warnings);
  }

  private static List<String> roles(IamClient iam, String profile, String where) {
    try {
      return iam.getInstanceProfile(r -> r.instanceProfileName(profile)).instanceProfile().roles().stream()
          .map(Role::roleName).toList();
    } catch (SdkException e) {
      throw AwsErrors.callFailed("iam:GetInstanceProfile for " + profile + where, e);
    }
  }

  private static void remove(IamClient iam, String profile, String role, String where) {
    try {
      iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(profile).roleName(role));
    } catch (SdkException e) {
      throw AwsErrors.callFailed("iam:RemoveRoleFromInstanceProfile for " + profile + where, e);
    }
  }
}
