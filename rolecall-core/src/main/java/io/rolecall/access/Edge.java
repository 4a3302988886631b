package io.rolecall.access;

import java.util.List;

/**
 * One hop, with the keys of the conditions it depends on. Its grant (policy and statement) is worded only when an
 * answer shows it, and a can-assume edge keeps just the pieces (trust statement label, identity policy and
 * statement): a large estate has about a million edges, and one small object each keeps the build's GC cheap.
 * {@code composed}: {@code label} is the trust statement of {@code to}'s trust policy; otherwise the whole text.
 */
record Edge(Node from, Node to, EdgeType type, String label, Policy policy, Statement statement, boolean composed,
            List<String> conditions) {

  static Edge worded(Node from, Node to, EdgeType type, String grant, List<String> conditions) {
    return new Edge(from, to, type, grant, null, null, false, conditions);
  }

  /** A can-assume edge: the trust statement that admits {@code from}, and its own permission (null: none needed). */
  static Edge assume(Node from, Node to, String trustStatement, Decision identity, List<String> conditions) {
    return new Edge(from, to, EdgeType.CAN_ASSUME, trustStatement, identity.policy(), identity.statement(), true,
        conditions);
  }

  String grant() {
    if (!composed) {
      return label;
    }
    String trust = "trust policy of " + to.id + " statement " + label;
    return trust + (policy != null ? "; " + policy.grant(statement)
        : " names " + from.id + " in the same account (no identity permission needed)");
  }
}
