package io.rolecall.access;

import java.util.List;

/**
 * One hop: {@code why} explains it (policy and statement), {@code conditions} are the keys it depends on. The
 * explanation is worded only when an answer shows the hop: a large estate has about a million edges.
 */
record Edge(Node from, Node to, EdgeType type, Why why, List<String> conditions) {
  String grant() {
    return why.text();
  }

  /** The words of a hop's grant, on demand. */
  interface Why {
    String text();

    static Why of(String text) {
      return () -> text;
    }
  }

  /** A can-assume edge: the trust statement that admits the principal and its own permission for it. */
  record Assume(Node principal, Node role, String trustStatement, Decision identity) implements Why {
    @Override
    public String text() {
      String trust = "trust policy of " + role.id + " statement " + trustStatement;
      return trust + (identity.grant() != null ? "; " + identity.grant()
          : " names " + principal.id + " in the same account (no identity permission needed)");
    }
  }
}
