package io.rolecall.access;

import java.util.List;

/**
 * The answer to "may this principal do that": allowed or not, the statement that allows it (null when a
 * resource policy alone grants it), and the condition keys it depends on: of the allowing statements and of any
 * Deny that applies only under a condition. Conditions are kept, never judged.
 */
record Decision(boolean allowed, Policy policy, Statement statement, List<String> conditions) {
  static final Decision NO = new Decision(false, null, null, List.of());

  /** "policy statement sid", or null. */
  String grant() {
    return policy == null ? null : policy.grant(statement);
  }
}
