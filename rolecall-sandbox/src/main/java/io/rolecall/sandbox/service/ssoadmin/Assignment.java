package io.rolecall.sandbox.service.ssoadmin;

/** One account assignment: this principal gets this permission set in this account. */
public record Assignment(String accountId, String permissionSetArn, PrincipalType principalType, String principalId) {

  /** Unique per assignment, and sorts by account, then permission set, then principal: the paging order. */
  String key() {
    return accountId + "|" + permissionSetArn + "|" + principalType + "|" + principalId;
  }
}
