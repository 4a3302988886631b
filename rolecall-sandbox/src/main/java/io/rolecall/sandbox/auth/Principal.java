package io.rolecall.sandbox.auth;

/** Who is calling: the account root, an IAM user, or a session of an assumed role. */
public sealed interface Principal {

  String accountId();

  /** The caller ARN as GetCallerIdentity and AccessDenied messages show it. */
  String arn();

  /** The UserId GetCallerIdentity returns. */
  String userId();

  /** The value of the {@code aws:PrincipalArn} condition key: for a role session this is the role's ARN. */
  default String principalArn() {
    return arn();
  }

  /** The value of {@code aws:PrincipalType}. */
  String type();

  record Root(String accountId) implements Principal {
    @Override public String arn() { return "arn:aws:iam::" + accountId + ":root"; }
    @Override public String userId() { return accountId; }
    @Override public String type() { return "Account"; }
  }

  record User(String accountId, String name, String userId, String arn) implements Principal {
    @Override public String type() { return "User"; }
  }

  /** A role session; {@code roleArn} keeps the role's path, the session ARN (as in AWS) does not. */
  record AssumedRole(String accountId, String roleName, String roleArn, String roleId, String sessionName)
      implements Principal {
    @Override public String arn() { return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName; }
    @Override public String userId() { return roleId + ":" + sessionName; }
    @Override public String principalArn() { return roleArn; }
    @Override public String type() { return "AssumedRole"; }
  }
}
