package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.List;
import java.util.Map;

/**
 * aws-iam-identitycenter-get-user-by-email: a user by email address. One GetUserId on the unique attribute
 * {@code emails.value} covers the whole store, where the upstream integration scanned only the first page of users.
 */
public final class UserGetByEmail implements Command {
  private static final CommandSpec SPEC = UserOutputs.add(IdentityCenterArgs.command(
          "aws-iam-identitycenter-get-user-by-email",
          "Get an IAM Identity Center user by email address, looked up in the whole identity store (every page).")
      .arg(ArgSpec.email("emailAddress", "The email address of the user to get.").mandatory())
      .arg(IdentityCenterArgs.IDENTITY_STORE_ID))
      .permissions("identitystore:GetUserId", "identitystore:DescribeUser", "sso:ListInstances")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var dir = Directory.open(ctx);
    var user = Identities.user(dir.describeUser(dir.userIdByEmail(ctx.args().string("emailAddress"))));
    return CommandResult.of(user, Map.of(CONTEXT + ".User", user),
        IdentityTables.users("AWS IAM Identity Center user", List.of(user)));
  }
}
