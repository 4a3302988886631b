package io.rolecall.access;

import java.util.List;

/**
 * Reading one role's trust policy: whether it admits a principal (an AWS principal of an account, or a service)
 * to {@code sts:AssumeRole}, through which statement, whether it names the principal's ARN exactly, and the
 * condition keys involved. An unconditional Deny that covers the principal shuts it out.
 */
final class Trust {
  static final String ASSUME = "sts:assumerole";

  /** {@code named}: the admitting statement names the principal's ARN (not "*" or its account). */
  record Admission(String statement, boolean named, List<String> conditions) {}

  private Trust() {}

  /** An AWS principal with this ARN in this account; null when not admitted. */
  static Admission admits(Document trust, String accountId, String arn) {
    return admits(trust, s -> s.principals().admits(accountId, arn), s -> s.principals().names(arn));
  }

  static Admission admitsService(Document trust, String service) {
    return admits(trust, s -> !s.principals().negated() && s.principals().services().contains(service), s -> true);
  }

  private static Admission admits(Document trust, java.util.function.Predicate<Statement> covers,
      java.util.function.Predicate<Statement> names) {
    if (trust == null) {
      return null;
    }
    List<String> conditions = List.of();
    Statement best = null;
    for (Statement s : trust.statements()) {
      if (!s.matchesAction(ASSUME) || !covers.test(s)) {
        continue;
      }
      if (!s.allow()) {
        if (!s.conditional()) {
          return null;
        }
        conditions = Permissions.merge(conditions, s.conditionKeys());
      } else if (best == null || rank(s, names) < rank(best, names)) {
        best = s;
      }
    }
    if (best == null) {
      return null;
    }
    return new Admission(best.label(), names.test(best), Permissions.merge(conditions, best.conditionKeys()));
  }

  /** Prefer a statement naming the principal, then one without conditions. */
  private static int rank(Statement s, java.util.function.Predicate<Statement> names) {
    return (names.test(s) ? 0 : 2) + (s.conditional() ? 1 : 0);
  }
}
