package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.policy.PolicyDocument;
import java.time.Instant;

/** An IAM role; {@code trustPolicy.json()} is the document as it was given. */
public record IamRole(String accountId, String name, String path, String roleId, String arn, PolicyDocument trustPolicy,
                      int maxSessionDuration, String description, Instant createDate) {

  public static final int DEFAULT_MAX_SESSION_DURATION = 3600;
}
