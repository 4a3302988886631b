package io.rolecall.commands.remediation;

import io.rolecall.aws.AwsErrors;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Write;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * aws-iam-account-password-policy-update: lays the fields given over the account's current password
 * policy and writes it. IAM's Update replaces the whole policy (a field not sent falls back to its
 * default), so every current field is sent again: fields not given keep their value. The policy is read back
 * after the update: that is what the command reports and journals, and a field IAM holds otherwise than asked
 * (ExpirePasswords, say) is a warning.
 */
public final class PasswordPolicyUpdate implements Command {
  /** Argument name to IAM's field name. */
  private static final Map<String, String> FIELDS = fields();
  /** The two numbers IAM treats as "not set" when absent; 0 here means: unset it. */
  private static final List<String> UNSETTABLE = List.of("MaxPasswordAge", "PasswordReusePrevention");
  private static final List<String> NUMBERS = List.of("MinimumPasswordLength", "MaxPasswordAge", "PasswordReusePrevention");

  private static final CommandSpec SPEC = declare();
  private static final String RESOURCE = "account-password-policy";

  private static Map<String, String> fields() {
    var m = new LinkedHashMap<String, String>();
    m.put("minimum_password_length", "MinimumPasswordLength");
    m.put("require_symbols", "RequireSymbols");
    m.put("require_numbers", "RequireNumbers");
    m.put("require_uppercase_characters", "RequireUppercaseCharacters");
    m.put("require_lowercase_characters", "RequireLowercaseCharacters");
    m.put("allow_users_to_change_password", "AllowUsersToChangePassword");
    m.put("max_password_age", "MaxPasswordAge");
    m.put("password_reuse_prevention", "PasswordReusePrevention");
    m.put("hard_expiry", "HardExpiry");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static CommandSpec declare() {
    var b = CommandSpec.builder("aws-iam-account-password-policy-update")
        .description("Create or update the account's IAM password policy. Only the fields given change: the current"
            + " policy is read (an account without one starts from IAM's defaults), the fields given are laid over"
            + " it, and the whole policy is written back. With no field given, nothing is written (as upstream, this"
            + " is not an error: the policy is shown and nothing changed). Context is set only when the change is"
            + " applied.")
        .arg(ArgSpec.integer("minimum_password_length", 6, 128, "Minimum length of IAM user passwords."))
        .arg(ArgSpec.bool("require_symbols", "Require at least one symbol (non-alphanumeric character)."))
        .arg(ArgSpec.bool("require_numbers", "Require at least one digit (0 to 9)."))
        .arg(ArgSpec.bool("require_uppercase_characters", "Require at least one uppercase letter (A to Z)."))
        .arg(ArgSpec.bool("require_lowercase_characters", "Require at least one lowercase letter (a to z)."))
        .arg(ArgSpec.bool("allow_users_to_change_password", "Let IAM users change their own password in the console."))
        .arg(ArgSpec.integer("max_password_age", 0, 1095, "Days a password stays valid; 0 means passwords never expire."))
        .arg(ArgSpec.integer("password_reuse_prevention", 0, 24,
            "How many previous passwords may not be reused; 0 means no restriction."))
        .arg(ArgSpec.bool("hard_expiry", "Stop users from setting a new password once theirs has expired."))
        .mutating()
        .output(PasswordPolicies.CONTEXT + ".AccountId", "string", "The account the policy belongs to.");
    for (String field : PasswordPolicies.FIELDS) {
      b.output(PasswordPolicies.CONTEXT + "." + field, NUMBERS.contains(field) ? "number" : "boolean",
          field + " after the update.");
    }
    return b.permissions("iam:GetAccountPasswordPolicy", "iam:UpdateAccountPasswordPolicy")
        .key(PasswordPolicies.CONTEXT, "AccountId").build();
  }

  /** The "AWS - IAM" pack's name for this command, with its camelCase argument names. */
  public static io.rolecall.command.Alias iamPackAlias() {
    var renames = new LinkedHashMap<String, String>();
    for (String arg : FIELDS.keySet()) {
      renames.put(arg, camel(arg));
    }
    return io.rolecall.command.Alias.of(new PasswordPolicyUpdate(), "aws-iam-update-account-password-policy",
        "AWS - IAM", renames);
  }

  private static String camel(String snake) {
    var out = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String account = ctx.accountId();
    var iam = ctx.session().iam();
    Map<String, Object> before;
    try {
      var current = PasswordPolicies.current(iam);
      before = current == null ? null : PasswordPolicies.toMap(current);
    } catch (SdkException e) {
      throw AwsErrors.callFailed("iam:GetAccountPasswordPolicy in account " + account, e);
    }
    var sent = before == null ? new LinkedHashMap<String, Object>() : new LinkedHashMap<>(before);
    sent.remove("ExpirePasswords"); // read-only: IAM derives it from MaxPasswordAge
    FIELDS.forEach((arg, field) -> {
      if (!args.has(arg)) {
        return;
      }
      if (UNSETTABLE.contains(field)) {
        long n = args.integer(arg);
        if (n == 0) {
          sent.remove(field);
        } else {
          sent.put(field, Math.toIntExact(n));
        }
      } else if (field.equals("MinimumPasswordLength")) {
        sent.put(field, Math.toIntExact(args.integer(arg)));
      } else {
        sent.put(field, args.bool(arg));
      }
    });
    boolean anyField = FIELDS.keySet().stream().anyMatch(args::has);
    var requested = anyField ? PasswordPolicies.afterUpdate(sent) : before;
    // No field given: nothing to lay over the policy, so nothing is written (and nothing journaled).
    boolean changed = anyField && (before == null || !requested.equals(before));
    Map<String, Object> after = requested;
    List<String> warnings = List.of();
    if (changed && !ctx.dryRun()) {
      var done = Write.of(ctx, RESOURCE, before, requested).run(() -> {
        try {
          iam.updateAccountPasswordPolicy(PasswordPolicies.request(requested));
        } catch (SdkException e) {
          throw AwsErrors.callFailed("iam:UpdateAccountPasswordPolicy in account " + account, e);
        }
      }, () -> read(iam, account));
      after = done.afterMap();
      warnings = done.warnings();
    }

    var contents = Changes.contents(account, ctx.region(), ctx.dryRun(), changed);
    contents.put("Before", before);
    contents.put("After", after);
    var columns = new ArrayList<String>(List.of("AccountId"));
    columns.addAll(PasswordPolicies.FIELDS);
    columns.add("Result");
    var row = new ArrayList<Object>(List.of(account));
    row.addAll(Changes.cells(PasswordPolicies.FIELDS, before, after == null ? Map.of() : after));
    row.add(Changes.result(ctx.dryRun(), changed));
    var table = new io.rolecall.command.Table(Changes.title("AWS IAM account password policy", ctx.dryRun()),
        columns, List.of(), null).row(row.toArray());
    if (!anyField) {
      table = table.withNote("Nothing changed: no field was given, so the policy was not written"
          + (before == null ? " (the account has no password policy)." : "."));
    }
    Map<String, Object> context = ctx.dryRun() || after == null ? Map.of()
        : Map.of(PasswordPolicies.CONTEXT, PasswordPolicies.contextEntry(account, after));
    return CommandResult.of(contents, context, table).withWarnings(warnings);
  }

  /** The policy as IAM holds it now, or null when there is none. */
  private static Map<String, Object> read(software.amazon.awssdk.services.iam.IamClient iam, String account) {
    try {
      var current = PasswordPolicies.current(iam);
      return current == null ? null : PasswordPolicies.toMap(current);
    } catch (SdkException e) {
      throw AwsErrors.callFailed("iam:GetAccountPasswordPolicy in account " + account + " (reading the update back)", e);
    }
  }
}
