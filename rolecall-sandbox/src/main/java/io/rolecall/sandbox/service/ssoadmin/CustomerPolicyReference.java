package io.rolecall.sandbox.service.ssoadmin;

/** A customer-managed policy a permission set names by path and name; each account must have its own copy. */
public record CustomerPolicyReference(String name, String path) {

  public CustomerPolicyReference {
    if (path == null) path = "/";
  }

  public static CustomerPolicyReference named(String name) {
    return new CustomerPolicyReference(name, "/");
  }

  /** The policy of that path and name in one account. */
  public String arn(String accountId) {
    return "arn:aws:iam::" + accountId + ":policy" + path + name;
  }
}
