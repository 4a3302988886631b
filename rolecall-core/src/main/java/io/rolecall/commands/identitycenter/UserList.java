package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.identitystore.model.ListUsersRequest;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;

/** aws-iam-identitycenter-list-users: one page of the identity store's users, or every page with all=true. */
public final class UserList implements Command {
  private static final CommandSpec SPEC = UserOutputs.add(IdentityCenterArgs.listArgs(IdentityCenterArgs.command(
          "aws-iam-identitycenter-list-users",
          "List the users of the identity store, a page at a time (limit, nextToken) or all of them (all=true).")))
      .output(CONTEXT + ".UserNextToken", "string", "Token for the next page; absent on the last page.")
      .permissions("identitystore:ListUsers", "sso:ListInstances")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var dir = Directory.open(ctx);
    var paging = Paging.of(ctx.args());
    var request = ListUsersRequest.builder().identityStoreId(dir.storeId()).maxResults(paging.pageSize())
        .nextToken(paging.nextToken()).build();
    var page = dir.call("ListUsers", () -> paging.fetch(() -> dir.client().listUsersPaginator(request).users(),
        () -> dir.client().listUsers(request), ListUsersResponse::users, ListUsersResponse::nextToken));
    String next = page.nextToken();
    List<Map<String, Object>> entries = page.items().stream().map(Identities::user).toList();
    var table = IdentityTables.users("AWS IAM Identity Center users (" + entries.size() + ")", entries)
        .withNote(entries.isEmpty() ? "No users in identity store " + dir.storeId() + "." : null);
    return Paging.result("User", entries, next, table);
  }
}
