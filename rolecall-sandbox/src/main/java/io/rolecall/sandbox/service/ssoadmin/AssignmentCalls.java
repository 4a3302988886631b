package io.rolecall.sandbox.service.ssoadmin;

import static io.rolecall.sandbox.service.ssoadmin.PermissionSetCalls.list;
import static io.rolecall.sandbox.service.ssoadmin.PermissionSetCalls.object;
import static io.rolecall.sandbox.service.ssoadmin.PermissionSetCalls.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.ssoadmin.PermissionSetCalls.SetTarget;

/**
 * The account calls of SSO Admin: provisioning, account assignments and their statuses, and the listings of what is
 * assigned and provisioned where. Operations answer IN_PROGRESS; their Describe...Status call has the outcome.
 */
final class AssignmentCalls {
  enum TargetType { AWS_ACCOUNT }

  enum ProvisionTargetType { AWS_ACCOUNT, ALL_PROVISIONED_ACCOUNTS }

  private final Paginator pages;

  AssignmentCalls(Paginator pages) {
    this.pages = pages;
  }

  ObjectNode provision(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    String accountId = r.optional("TargetId", 12, 12, SsoRequest.ACCOUNT_ID);
    var type = r.enumValue("TargetType", ProvisionTargetType.class, true);
    if (type == ProvisionTargetType.AWS_ACCOUNT && accountId == null) {
      throw SsoErrors.validation("TargetId is required when TargetType is AWS_ACCOUNT.");
    }
    OperationStatus status;
    if (type == ProvisionTargetType.AWS_ACCOUNT) {
      status = SsoAdminService.instance(call, target.instanceArn(), target.setArn(), account(accountId))
          .provision(target.setArn(), accountId);
    } else {
      status = target.admin(call).provisionEverywhere(target.setArn());
    }
    return object("PermissionSetProvisioningStatus", SsoJson.provisioningStatus(status.inProgress()));
  }

  ObjectNode describeProvisioning(Call call, SsoRequest r) {
    String instanceArn = r.instanceArn();
    String requestId = r.requestId("ProvisionPermissionSetRequestId");
    var status = SsoAdminService.instance(call, instanceArn).provisioningStatus(requestId);
    return object("PermissionSetProvisioningStatus", SsoJson.provisioningStatus(status));
  }

  ObjectNode create(Call call, SsoRequest r) {
    var named = AssignmentRequest.of(r);
    var a = named.assignment();
    var status = named.admin(call).assign(a.permissionSetArn(), a.accountId(), a.principalType(), a.principalId());
    return object("AccountAssignmentCreationStatus", SsoJson.assignmentStatus(status.inProgress()));
  }

  ObjectNode describeCreation(Call call, SsoRequest r) {
    String instanceArn = r.instanceArn();
    String requestId = r.requestId("AccountAssignmentCreationRequestId");
    var status = SsoAdminService.instance(call, instanceArn).assignmentCreationStatus(requestId);
    return object("AccountAssignmentCreationStatus", SsoJson.assignmentStatus(status));
  }

  ObjectNode delete(Call call, SsoRequest r) {
    var named = AssignmentRequest.of(r);
    var a = named.assignment();
    var status = named.admin(call).unassign(a.permissionSetArn(), a.accountId(), a.principalType(), a.principalId());
    return object("AccountAssignmentDeletionStatus", SsoJson.assignmentStatus(status.inProgress()));
  }

  ObjectNode describeDeletion(Call call, SsoRequest r) {
    String instanceArn = r.instanceArn();
    String requestId = r.requestId("AccountAssignmentDeletionRequestId");
    var status = SsoAdminService.instance(call, instanceArn).assignmentDeletionStatus(requestId);
    return object("AccountAssignmentDeletionStatus", SsoJson.assignmentStatus(status));
  }

  ObjectNode listForAccount(Call call, SsoRequest r) {
    String instanceArn = r.instanceArn();
    String accountId = r.accountId("AccountId");
    String setArn = r.permissionSetArn();
    var sso = SsoAdminService.instance(call, instanceArn, setArn, account(accountId));
    var page = r.page(pages, "sso:ListAccountAssignments:" + setArn + ":" + accountId,
        sso.assignments(setArn, accountId), Assignment::key);
    return list("AccountAssignments", page, SsoJson::assignment);
  }

  ObjectNode listForPrincipal(Call call, SsoRequest r) {
    String instanceArn = r.instanceArn();
    String principalId = r.principalId();
    var type = r.enumValue("PrincipalType", PrincipalType.class, true);
    String accountId = null;
    JsonNode filter = r.node("Filter");
    if (filter != null && !filter.isNull()) {
      accountId = new SsoRequest(filter).optional("AccountId", 12, 12, SsoRequest.ACCOUNT_ID);
    }
    var sso = SsoAdminService.instance(call, instanceArn);
    var page = r.page(pages, "sso:ListAccountAssignmentsForPrincipal:" + instanceArn + ":" + type + ":" + principalId
        + ":" + accountId, sso.assignmentsOf(type, principalId, accountId), Assignment::key);
    return list("AccountAssignments", page, SsoJson::assignment);
  }

  ObjectNode listProvisionedAccounts(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    var filter = r.enumValue("ProvisioningStatus", ProvisioningFilter.class, false);
    var accounts = target.admin(call).provisionedAccounts(target.setArn(), filter);
    return strings("AccountIds", r.page(pages, "sso:ListAccountsForProvisionedPermissionSet:" + target.setArn() + ":"
        + filter, accounts, a -> a));
  }

  ObjectNode listProvisionedSets(Call call, SsoRequest r) {
    String instanceArn = r.instanceArn();
    String accountId = r.accountId("AccountId");
    var filter = r.enumValue("ProvisioningStatus", ProvisioningFilter.class, false);
    var sets = SsoAdminService.instance(call, instanceArn, account(accountId))
        .permissionSetsProvisionedTo(accountId, filter);
    return strings("PermissionSets", r.page(pages, "sso:ListPermissionSetsProvisionedToAccount:" + instanceArn + ":"
        + accountId + ":" + filter, sets, a -> a));
  }

  // ---- helpers

  /** CreateAccountAssignment's and DeleteAccountAssignment's members, read in the model's order. */
  private record AssignmentRequest(String instanceArn, Assignment assignment) {
    static AssignmentRequest of(SsoRequest r) {
      String instanceArn = r.instanceArn();
      String accountId = r.accountId("TargetId");
      r.enumValue("TargetType", TargetType.class, true);
      String setArn = r.permissionSetArn();
      var type = r.enumValue("PrincipalType", PrincipalType.class, true);
      return new AssignmentRequest(instanceArn, new Assignment(accountId, setArn, type, r.principalId()));
    }

    /** Authorized on the instance, the permission set and the account, as the service authorizes it. */
    SsoInstance admin(Call call) {
      return SsoAdminService.instance(call, instanceArn, assignment.permissionSetArn(), account(assignment.accountId()));
    }
  }

  /** The resource ARN IAM policies name an account by in SSO Admin. */
  static String account(String accountId) {
    return "arn:aws:sso:::account/" + accountId;
  }
}
