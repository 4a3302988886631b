package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.policy.PolicyDocument;
import java.time.Instant;

/** A managed policy: customer-managed (arn:aws:iam::ACCOUNT:policy/...) or AWS-managed (arn:aws:iam::aws:policy/...). */
public record ManagedPolicy(String name, String path, String policyId, String arn, PolicyDocument document,
                            Instant createDate) {

  public boolean awsManaged() {
    return arn.startsWith("arn:aws:iam::aws:");
  }
}
