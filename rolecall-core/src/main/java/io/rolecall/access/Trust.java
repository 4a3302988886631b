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

  /** An AWS principal with this ARN in this account ({@code service} null), or a service; null when not admitted. */
  static Admission admits(Document trust, String accountId, String arn) {
    return admits(trust, accountId, arn, null);
  }

  static Admission admitsService(Document trust, String service) {
    return admits(trust, null, null, service);
  }

  private static Admission admits(Document trust, String accountId, String arn, String service) {
    if (trust == null) {
      return null;
    }
    List<String> conditions = List.of();
    Statement best = null;
    int bestRank = Integer.MAX_VALUE;
    var statements = trust.statements();
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      PrincipalSet ps = s.principals();
      boolean covers = service != null ? !ps.negated() && ps.services().contains(service) : ps.admits(accountId, arn);
      if (!covers || !s.matchesAction(ASSUME)) {
        continue;
      }
      if (!s.allow()) {
        if (!s.conditional()) {
          return null;
        }
        conditions = Permissions.merge(conditions, s.conditionKeys());
        continue;
      }
      // Prefer a statement naming the principal, then one without conditions.
      int rank = (service != null || ps.names(arn) ? 0 : 2) + (s.conditional() ? 1 : 0);
      if (rank < bestRank) {
        best = s;
        bestRank = rank;
      }
    }
    if (best == null) {
      return null;
    }
    return new Admission(best.label(), service == null && best.principals().names(arn),
        Permissions.merge(conditions, best.conditionKeys()));
  }
}
