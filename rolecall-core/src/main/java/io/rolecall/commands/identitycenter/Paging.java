package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.command.Arguments;
import io.rolecall.command.CommandResult;
import io.rolecall.command.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a list command pages: {@code limit} items per page from {@code nextToken}, either one page (the caller gets
 * the next token back) or, with {@code all=true}, every page through the SDK's paginator.
 */
record Paging(int pageSize, String nextToken, boolean all) {
  /** One page: the upstream integration's default, so a ported playbook sees pages of the same size. */
  static final int DEFAULT_PAGE = 50;
  /** Following every page: the largest page the Identity Store serves, for the fewest round trips. */
  static final int MAX_PAGE = 100;

  static Paging of(Arguments args) {
    boolean all = Boolean.TRUE.equals(args.bool("all"));
    Long limit = args.given().containsKey("limit") || !all ? args.integer("limit") : null;
    int size = limit != null ? Math.toIntExact(limit) : all ? MAX_PAGE : DEFAULT_PAGE;
    return new Paging(size, args.string("nextToken"), all);
  }

  /** Items and the token of the page after them (null when the listing is complete). */
  record Page<T>(List<T> items, String nextToken) {}

  /**
   * With all=true every item through {@code everyPage} (the SDK's paginator over the same request), else the one
   * page {@code onePage} answers, with its next token.
   */
  <R, T> Page<T> fetch(Supplier<? extends Iterable<T>> everyPage, Supplier<R> onePage, Function<R, List<T>> items,
      Function<R, String> nextToken) {
    if (all) {
      var every = new ArrayList<T>();
      everyPage.get().forEach(every::add);
      return new Page<>(every, null);
    }
    R page = onePage.get();
    return new Page<>(items.apply(page), nextToken.apply(page));
  }

  /**
   * A list command's result: entries under {@code AWS.IAMIdentityCenter.<entity>}, the next page's token under
   * {@code <entity>NextToken} when there is one, and the table with that token beneath it.
   */
  static CommandResult result(String entity, List<Map<String, Object>> entries, String nextToken, Table table) {
    var context = new LinkedHashMap<String, Object>();
    context.put(CONTEXT + "." + entity, entries);
    if (nextToken != null) {
      context.put(CONTEXT + "." + entity + "NextToken", nextToken);
    }
    var contents = new LinkedHashMap<String, Object>();
    contents.put(entity + "s", entries);
    contents.put("NextToken", nextToken);
    return CommandResult.of(contents, context, IdentityTables.withNextToken(table, nextToken));
  }
}
