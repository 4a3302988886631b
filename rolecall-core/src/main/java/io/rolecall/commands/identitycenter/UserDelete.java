package io.rolecall.commands.identitycenter;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Write;
import java.util.List;
import java.util.Map;

/**
 * aws-iam-identitycenter-delete-user: deletes a user, found by user name, and shows what was deleted (the user as it
 * was, which also goes to the audit journal). A dry run shows the user it would delete. After the delete the user is
 * looked up again (still there is a warning); a retried delete that met "not found" is settled by that look-up.
 */
public final class UserDelete implements Command {
  private static final CommandSpec SPEC = IdentityCenterArgs.command("aws-iam-identitycenter-delete-user",
          "Delete an IAM Identity Center user, found by user name.")
      .arg(IdentityCenterArgs.userName("The user name of the user to delete.").mandatory())
      .arg(IdentityCenterArgs.IDENTITY_STORE_ID)
      .mutating()
      .permissions("identitystore:GetUserId", "identitystore:DescribeUser", "identitystore:DeleteUser",
          "sso:ListInstances")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String userName = ctx.args().string("userName");
    var dir = Directory.open(ctx);
    String userId = dir.userId(userName);
    var user = Identities.user(dir.describeUser(userId));
    String resource = "identitystore/" + dir.storeId() + " user " + userName;
    if (ctx.dryRun()) {
      return CommandResult.of(user, Map.of(), IdentityTables.users("AWS IAM Identity Center user (dry run)", List.of(user))
              .withNote("Dry run: would delete user '" + userName + "' from identity store " + dir.storeId()
                  + "; nothing was written."));
    }
    var done = Write.of(ctx, resource, user, null).settlingRetried(Directory::isNotFound)
        .run(() -> dir.call("DeleteUser", () -> dir.client().deleteUser(r -> r.identityStoreId(dir.storeId())
            .userId(userId))), () -> dir.userOrNull(userId));
    return CommandResult.of(user, Map.of(), IdentityTables.users("AWS IAM Identity Center user deleted", List.of(user))
            .withNote("Deleted user '" + userName + "' from identity store " + dir.storeId() + "."))
        .withWarnings(done.warnings());
  }
}
