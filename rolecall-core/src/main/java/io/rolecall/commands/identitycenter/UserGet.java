package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.List;
import java.util.Map;

/** aws-iam-identitycenter-get-user: a user by user name (GetUserId on userName, then DescribeUser). */
public final class UserGet implements Command {
  private static final CommandSpec SPEC = UserOutputs.add(IdentityCenterArgs.command("aws-iam-identitycenter-get-user",
          "Get an IAM Identity Center user by user name: id, names, display name, email addresses and the other"
              + " attributes the identity store keeps.")
      .arg(IdentityCenterArgs.userName("The user name of the user to get.").mandatory())
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
    var user = Identities.user(dir.describeUser(dir.userId(ctx.args().string("userName"))));
    return CommandResult.of(user, Map.of(CONTEXT + ".User", user),
        IdentityTables.users("AWS IAM Identity Center user", List.of(user)));
  }
}
