package io.rolecall.commands.identitycenter;

import io.rolecall.command.Arguments;

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
    Long limit = args.integer("limit");
    int size = limit != null ? Math.toIntExact(limit) : all ? MAX_PAGE : DEFAULT_PAGE;
    return new Paging(size, args.string("nextToken"), all);
  }
}
