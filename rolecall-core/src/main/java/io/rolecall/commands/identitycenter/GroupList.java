package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.identitystore.model.ListGroupsRequest;
import software.amazon.awssdk.services.identitystore.model.ListGroupsResponse;

/** aws-iam-identitycenter-list-groups: one page of the identity store's groups, or every page with all=true. */
public final class GroupList implements Command {
  private static final CommandSpec SPEC = GroupOutputs.add(IdentityCenterArgs.listArgs(IdentityCenterArgs.command(
          "aws-iam-identitycenter-list-groups",
          "List the groups of the identity store, a page at a time (limit, nextToken) or all of them (all=true).")))
      .output(CONTEXT + ".GroupNextToken", "string", "Token for the next page; absent on the last page.")
      .permissions("identitystore:ListGroups", "sso:ListInstances")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var dir = Directory.open(ctx);
    var paging = Paging.of(ctx.args());
    var request = ListGroupsRequest.builder().identityStoreId(dir.storeId()).maxResults(paging.pageSize())
        .nextToken(paging.nextToken()).build();
    var page = dir.call("ListGroups", () -> paging.fetch(() -> dir.client().listGroupsPaginator(request).groups(),
        () -> dir.client().listGroups(request), ListGroupsResponse::groups, ListGroupsResponse::nextToken));
    String next = page.nextToken();
    List<Map<String, Object>> entries = page.items().stream().map(Identities::group).toList();
    var table = IdentityTables.groups("AWS IAM Identity Center groups (" + entries.size() + ")", entries)
        .withNote(entries.isEmpty() ? "No groups in identity store " + dir.storeId() + "." : null);
    return Paging.result("Group", entries, next, table);
  }
}
