package io.rolecall.sandbox.service.ssoadmin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.protocol.Json;
import io.rolecall.sandbox.service.iam.AwsManagedPolicies;
import io.rolecall.sandbox.service.identitystore.IdentityCenterInstance;
import java.math.BigDecimal;
import java.time.Instant;

/** SSO Admin's JSON shapes (timestamps as epoch seconds with a fraction, as AWS JSON sends them). */
final class SsoJson {
  private SsoJson() {}

  static ObjectNode instance(IdentityCenterInstance i) {
    ObjectNode n = Json.MAPPER.createObjectNode().put("InstanceArn", i.instanceArn())
        .put("IdentityStoreId", i.identityStoreId()).put("OwnerAccountId", i.ownerAccountId());
    if (i.name() != null) n.put("Name", i.name());
    return n.put("CreatedDate", seconds(i.createdDate())).put("Status", i.status());
  }

  static ObjectNode permissionSet(PermissionSet s) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("Name", s.name()).put("PermissionSetArn", s.arn());
    if (s.description() != null) n.put("Description", s.description());
    n.put("CreatedDate", seconds(s.createdDate())).put("SessionDuration", s.sessionDuration());
    if (s.relayState() != null) n.put("RelayState", s.relayState());
    return n;
  }

  /** AccountAssignmentOperationStatus. */
  static ObjectNode assignmentStatus(OperationStatus s) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("Status", s.status()).put("RequestId", s.requestId());
    if (s.failureReason() != null) n.put("FailureReason", s.failureReason());
    var a = s.assignment();
    n.put("TargetId", a.accountId()).put("TargetType", "AWS_ACCOUNT").put("PermissionSetArn", a.permissionSetArn())
        .put("PrincipalType", a.principalType().name()).put("PrincipalId", a.principalId())
        .put("CreatedDate", seconds(s.createdDate()));
    return n;
  }

  /** PermissionSetProvisioningStatus. */
  static ObjectNode provisioningStatus(OperationStatus s) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("Status", s.status()).put("RequestId", s.requestId());
    if (s.accountId() != null) n.put("AccountId", s.accountId());
    n.put("PermissionSetArn", s.permissionSetArn());
    if (s.failureReason() != null) n.put("FailureReason", s.failureReason());
    n.put("CreatedDate", seconds(s.createdDate()));
    return n;
  }

  static ObjectNode assignment(Assignment a) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    return n.put("AccountId", a.accountId()).put("PermissionSetArn", a.permissionSetArn())
        .put("PrincipalType", a.principalType().name()).put("PrincipalId", a.principalId());
  }

  static ObjectNode managedPolicy(String arn) {
    String name = AwsManagedPolicies.byArn(arn).map(p -> p.name()).orElse(arn.substring(arn.lastIndexOf('/') + 1));
    return Json.MAPPER.createObjectNode().put("Name", name).put("Arn", arn);
  }

  static ObjectNode reference(CustomerPolicyReference r) {
    return Json.MAPPER.createObjectNode().put("Name", r.name()).put("Path", r.path());
  }

  static ObjectNode boundary(PermissionsBoundary b) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    if (b.managedPolicyArn() != null) n.put("ManagedPolicyArn", b.managedPolicyArn());
    else n.set("CustomerManagedPolicyReference", reference(b.customerPolicy()));
    return n;
  }

  static BigDecimal seconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3);
  }
}
