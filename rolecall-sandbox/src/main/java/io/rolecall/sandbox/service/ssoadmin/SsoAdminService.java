package io.rolecall.sandbox.service.ssoadmin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.JsonProtocol;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.CallRegion;
import io.rolecall.sandbox.service.Service;
import io.rolecall.sandbox.service.identitystore.IdentityCenterInstance;
import io.rolecall.sandbox.service.identitystore.IdentityCenterState;

/**
 * SSO Admin (JSON 1.1, {@code SWBExternalService.*}, signing name "sso"): the Identity Center instances of the
 * caller's account in the region signed for, their permission sets, account assignments and provisioning. An instance
 * answers only its owner account, in its own region; every call is authorized as {@code sso:<Action>} on the
 * instance, the permission set and the account ({@code arn:aws:sso:::account/ID}) it names.
 */
public final class SsoAdminService implements Service {
  public static final JsonProtocol PROTOCOL = new JsonProtocol("SWBExternalService", "1.1");

  private final Paginator pages = new Paginator(() -> SsoErrors.validation("The provided NextToken is not valid."));
  private final PermissionSetCalls sets = new PermissionSetCalls(pages);
  private final AssignmentCalls accounts = new AssignmentCalls(pages);

  @Override public String signingName() { return "sso"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  /** The model declares AccessDeniedException as HTTP 400, like every SSO Admin error. */
  @Override
  public AwsException accessDenied(String message) {
    return SsoErrors.accessDenied(message);
  }

  @Override
  public Reply handle(Call call) {
    var r = new SsoRequest(call.json());
    return PROTOCOL.ok(switch (call.action()) {
      case "ListInstances" -> listInstances(call, r);
      case "CreatePermissionSet" -> sets.create(call, r);
      case "DescribePermissionSet" -> sets.describe(call, r);
      case "UpdatePermissionSet" -> sets.update(call, r);
      case "ListPermissionSets" -> sets.list(call, r);
      case "DeletePermissionSet" -> sets.delete(call, r);
      case "AttachManagedPolicyToPermissionSet" -> sets.attachManaged(call, r);
      case "DetachManagedPolicyFromPermissionSet" -> sets.detachManaged(call, r);
      case "ListManagedPoliciesInPermissionSet" -> sets.listManaged(call, r);
      case "AttachCustomerManagedPolicyReferenceToPermissionSet" -> sets.attachCustomer(call, r);
      case "DetachCustomerManagedPolicyReferenceFromPermissionSet" -> sets.detachCustomer(call, r);
      case "ListCustomerManagedPolicyReferencesInPermissionSet" -> sets.listCustomer(call, r);
      case "PutInlinePolicyToPermissionSet" -> sets.putInline(call, r);
      case "GetInlinePolicyForPermissionSet" -> sets.getInline(call, r);
      case "DeleteInlinePolicyFromPermissionSet" -> sets.deleteInline(call, r);
      case "PutPermissionsBoundaryToPermissionSet" -> sets.putBoundary(call, r);
      case "GetPermissionsBoundaryForPermissionSet" -> sets.getBoundary(call, r);
      case "DeletePermissionsBoundaryFromPermissionSet" -> sets.deleteBoundary(call, r);
      case "ProvisionPermissionSet" -> accounts.provision(call, r);
      case "DescribePermissionSetProvisioningStatus" -> accounts.describeProvisioning(call, r);
      case "CreateAccountAssignment" -> accounts.create(call, r);
      case "DescribeAccountAssignmentCreationStatus" -> accounts.describeCreation(call, r);
      case "DeleteAccountAssignment" -> accounts.delete(call, r);
      case "DescribeAccountAssignmentDeletionStatus" -> accounts.describeDeletion(call, r);
      case "ListAccountAssignments" -> accounts.listForAccount(call, r);
      case "ListAccountAssignmentsForPrincipal" -> accounts.listForPrincipal(call, r);
      case "ListAccountsForProvisionedPermissionSet" -> accounts.listProvisionedAccounts(call, r);
      case "ListPermissionSetsProvisionedToAccount" -> accounts.listProvisionedSets(call, r);
      default -> throw PROTOCOL.unknownOperation(call.action());
    });
  }

  /**
   * Authorizes the call's action on the instance and on each further resource, then finds the instance among the
   * caller account's, in the region signed for: another account's instance, or one elsewhere, does not exist here.
   */
  static SsoInstance instance(Call call, String instanceArn, String... resources) {
    call.authorize("sso:" + call.action(), instanceArn);
    for (String resource : resources) call.authorize("sso:" + call.action(), resource);
    String region = CallRegion.of(call);
    return SsoAdminState.of(call.account()).instance(instanceArn)
        .filter(sso -> sso.instance().region().equals(region))
        .orElseThrow(() -> SsoErrors.noInstance(instanceArn));
  }

  private ObjectNode listInstances(Call call, SsoRequest r) {
    call.authorize("sso:ListInstances", "*");
    String region = CallRegion.of(call);
    var instances = IdentityCenterState.of(call.account()).instances(region);
    var page = r.page(pages, "sso:ListInstances:" + call.account().id() + ":" + region, instances,
        IdentityCenterInstance::instanceArn);
    return PermissionSetCalls.list("Instances", page, SsoJson::instance);
  }
}
