package io.rolecall.commands.remediation;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.aws.AwsErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/** aws-iam-account-password-policy-get: the account's password policy, or a plain "none is set". */
public final class PasswordPolicyGet implements Command {
  private static final CommandSpec SPEC = CommandSpec.builder("aws-iam-account-password-policy-get")
      .description("Get the account's IAM password policy. An account with no policy set says so; that is"
          + " not an error.")
      .output("AWS.IAM.PasswordPolicy.AccountId", "string", "The account the policy belongs to.")
      .output("AWS.IAM.PasswordPolicy.MinimumPasswordLength", "number", "Minimum length of IAM user passwords.")
      .output("AWS.IAM.PasswordPolicy.RequireSymbols", "boolean", "Whether passwords need a symbol.")
      .output("AWS.IAM.PasswordPolicy.RequireNumbers", "boolean", "Whether passwords need a digit (0 to 9).")
      .output("AWS.IAM.PasswordPolicy.RequireUppercaseCharacters", "boolean", "Whether passwords need an uppercase letter.")
      .output("AWS.IAM.PasswordPolicy.RequireLowercaseCharacters", "boolean", "Whether passwords need a lowercase letter.")
      .output("AWS.IAM.PasswordPolicy.AllowUsersToChangePassword", "boolean", "Whether IAM users may change their own password.")
      .output("AWS.IAM.PasswordPolicy.ExpirePasswords", "boolean", "Whether passwords expire.")
      .output("AWS.IAM.PasswordPolicy.MaxPasswordAge", "number", "Days a password stays valid.")
      .output("AWS.IAM.PasswordPolicy.PasswordReusePrevention", "number", "How many previous passwords cannot be reused.")
      .output("AWS.IAM.PasswordPolicy.HardExpiry", "boolean", "Whether users cannot set a new password once theirs expired.")
      .permissions("iam:GetAccountPasswordPolicy")
      .key(PasswordPolicies.CONTEXT, "AccountId")
      .build();

  /** The "AWS - IAM" pack's name for this command. */
  public static io.rolecall.command.Alias iamPackAlias() {
    return io.rolecall.command.Alias.of(new PasswordPolicyGet(), "aws-iam-get-account-password-policy", "AWS - IAM",
        java.util.Map.of());
  }

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String account = ctx.accountId();
    Map<String, Object> policy;
    try {
      var current = PasswordPolicies.current(ctx.session().iam());
      policy = current == null ? null : PasswordPolicies.toMap(current);
    } catch (SdkException e) {
      throw AwsErrors.callFailed("iam:GetAccountPasswordPolicy in account " + account, e);
    }
    var contents = new LinkedHashMap<String, Object>();
    contents.put("AccountId", account);
    contents.put("PasswordPolicy", policy);
    var table = PasswordPolicies.emptyTable("AWS IAM account password policy");
    if (policy == null) {
      return CommandResult.of(contents, Map.of(),
          table.withNote("No password policy is set in account " + account + " (AWS defaults apply)."));
    }
    return CommandResult.of(contents, Map.of(PasswordPolicies.CONTEXT, PasswordPolicies.contextEntry(account, policy)),
        PasswordPolicies.withRow(table, account, policy));
  }
}
