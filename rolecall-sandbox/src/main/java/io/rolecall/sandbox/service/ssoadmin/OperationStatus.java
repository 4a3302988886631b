package io.rolecall.sandbox.service.ssoadmin;

import java.time.Instant;

/**
 * The outcome of an asynchronous SSO Admin operation (CreateAccountAssignment, DeleteAccountAssignment,
 * ProvisionPermissionSet). The sandbox applies the change at once: the call answers IN_PROGRESS, and the matching
 * Describe...Status answers SUCCEEDED or FAILED with the reason. {@code assignment} is null for provisioning,
 * {@code accountId} null when provisioning went to ALL_PROVISIONED_ACCOUNTS.
 */
public record OperationStatus(String requestId, String status, String failureReason, String accountId,
                              String permissionSetArn, Assignment assignment, Instant createdDate) {
  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";

  public boolean succeeded() {
    return status.equals(SUCCEEDED);
  }

  /** As the operation's own call answers it: still running. */
  public OperationStatus inProgress() {
    return new OperationStatus(requestId, IN_PROGRESS, null, accountId, permissionSetArn, assignment, createdDate);
  }
}
