package io.rolecall.sandbox.service.iam;

import java.util.List;

/**
 * A role a service owns in an account, as Identity Center provisions a permission set: name, path, trust policy,
 * session limit and every policy part. {@code inlinePolicy} and {@code permissionsBoundaryArn} may be null.
 *
 * @param managedPolicyArns AWS-managed policies and the account's customer-managed ones, by ARN
 * @param inlinePolicyName  the name the inline policy gets (Identity Center: AwsSSOInlinePolicy)
 */
public record ReservedRole(String name, String path, String trustPolicy, int maxSessionDuration,
                           List<String> managedPolicyArns, String inlinePolicyName, String inlinePolicy,
                           String permissionsBoundaryArn) {

  public ReservedRole {
    managedPolicyArns = List.copyOf(managedPolicyArns);
  }

  public String arn(String accountId) {
    return "arn:aws:iam::" + accountId + ":role" + path + name;
  }
}
