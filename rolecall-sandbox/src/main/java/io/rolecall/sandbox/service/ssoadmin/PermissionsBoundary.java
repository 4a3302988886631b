package io.rolecall.sandbox.service.ssoadmin;

/** A permission set's permissions boundary: an AWS-managed policy or a customer-managed reference, exactly one. */
public record PermissionsBoundary(String managedPolicyArn, CustomerPolicyReference customerPolicy) {

  public PermissionsBoundary {
    if ((managedPolicyArn == null) == (customerPolicy == null)) {
      throw new IllegalArgumentException("a permissions boundary is a managed policy ARN or a customer policy reference");
    }
  }

  public static PermissionsBoundary managed(String policyArn) {
    return new PermissionsBoundary(policyArn, null);
  }

  public static PermissionsBoundary customer(CustomerPolicyReference reference) {
    return new PermissionsBoundary(null, reference);
  }

  /** The boundary policy's ARN in one account. */
  public String arn(String accountId) {
    return managedPolicyArn != null ? managedPolicyArn : customerPolicy.arn(accountId);
  }
}
