package io.rolecall.auth;

import io.rolecall.UsageException;

/** A role to assume: the ARN and what AssumeRole is sent with. */
public record RoleRequest(String roleArn, String sessionName, int durationSeconds, String externalId) {

  public String accountId() {
    return AuthSettings.accountOf(roleArn);
  }

  /**
   * The role a command runs as in one account (SPEC §1 and seed 000): with an account id, the
   * instance's role name in that account (or the role ARN when it names that account; or, with neither a role
   * name nor a role ARN, the instance's own identity, null, which must then be in that account); without one,
   * the instance's role ARN; with neither, no role at all (null): the base credentials are used.
   */
  public static RoleRequest forTarget(AuthSettings s, String accountId) {
    if (accountId != null) {
      String arnAccount = AuthSettings.accountOf(s.roleArn());
      if (s.roleArn() != null && accountId.equals(arnAccount)) {
        return new RoleRequest(s.roleArn(), s.roleSessionName(), s.roleSessionDuration(), s.externalId());
      }
      if (s.roleName() == null && s.roleArn() == null) {
        // The instance's own identity (an instance role, say): used when it is in that account, which the session
        // checks once it knows the identity's account (Session#authenticate).
        return null;
      }
      if (s.roleName() == null) {
        throw new UsageException("account_id: the instance role " + s.roleArn() + " is in account " + arnAccount
            + ", not " + accountId + "; set --role-name (the role to assume in each target account) to reach "
            + accountId);
      }
      String arn = "arn:" + AuthSettings.partitionOf(s.region()) + ":iam::" + accountId + ":role/" + s.roleName();
      String session = s.roleSessionName() != null ? s.roleSessionName() : AuthSettings.DEFAULT_SESSION_NAME;
      return new RoleRequest(arn, session, s.roleSessionDuration(), s.externalId());
    }
    if (s.roleArn() != null) {
      return new RoleRequest(s.roleArn(), s.roleSessionName(), s.roleSessionDuration(), s.externalId());
    }
    return null;
  }
}
