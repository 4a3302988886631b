package io.rolecall.access;

import java.util.Set;

/**
 * Who a trust statement's {@code Principal} (or {@code NotPrincipal}) names: everyone ({@code "*"}), whole
 * accounts (a bare id or {@code :root}), exact user and role ARNs, and service principals. Federated principals
 * (SAML, OIDC) are kept only as a count: Identity Center's reserved roles are linked by assignment instead.
 */
record PrincipalSet(boolean everyone, Set<String> accounts, Set<String> arns, Set<String> services, int federated,
                    boolean negated) {
  static final PrincipalSet NONE = new PrincipalSet(false, Set.of(), Set.of(), Set.of(), 0, false);

  /** Whether the set names an AWS principal of {@code accountId} with {@code arn} (a user or role). */
  boolean admits(String accountId, String arn) {
    boolean named = everyone || accounts.contains(accountId) || arns.contains(arn);
    return negated != named;
  }

  /** Whether it names this exact ARN (not through "*" or the account). */
  boolean names(String arn) {
    return !negated && arns.contains(arn);
  }
}
