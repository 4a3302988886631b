package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.identitystore.model.User;

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
    var users = new ArrayList<User>();
    String next = null;
    if (paging.all()) {
      dir.call("ListUsers", () -> {
        dir.client().listUsersPaginator(r -> r.identityStoreId(dir.storeId()).maxResults(paging.pageSize())
            .nextToken(paging.nextToken())).users().forEach(users::add);
        return null;
      });
    } else {
      var page = dir.call("ListUsers", () -> dir.client().listUsers(r -> r.identityStoreId(dir.storeId())
          .maxResults(paging.pageSize()).nextToken(paging.nextToken())));
      users.addAll(page.users());
      next = page.nextToken();
    }
    List<Map<String, Object>> entries = users.stream().map(Identities::user).toList();
    var context = new LinkedHashMap<String, Object>();
    context.put(CONTEXT + ".User", entries);
    if (next != null) {
      context.put(CONTEXT + ".UserNextToken", next);
    }
    var contents = new LinkedHashMap<String, Object>();
    contents.put("Users", entries);
    contents.put("NextToken", next);
    var table = IdentityTables.users("AWS IAM Identity Center users (" + entries.size() + ")", entries)
        .withNote(entries.isEmpty() ? "No users in identity store " + dir.storeId() + "." : null);
    return CommandResult.of(contents, context, IdentityTables.withNextToken(table, next));
  }
}
