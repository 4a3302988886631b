package io.rolecall.sandbox.service.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.policy.PolicyDocument;
import io.rolecall.sandbox.protocol.Json;
import io.rolecall.sandbox.protocol.Validation;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.identitystore.PageTokens;
import java.util.function.Function;

/** The permission set calls of SSO Admin: create, describe, update, list, delete, and every policy part. */
final class PermissionSetCalls {
  private final Paginator pages;

  PermissionSetCalls(Paginator pages) {
    this.pages = pages;
  }

  ObjectNode create(Call call, SsoRequest r) {
    String name = r.required("Name", 1, 32, SsoRequest.NAME);
    String description = r.optional("Description", 1, 700, SsoRequest.DESCRIPTION);
    String instanceArn = r.instanceArn();
    String duration = r.sessionDuration();
    String relayState = r.optional("RelayState", 1, 240, SsoRequest.RELAY_STATE);
    JsonNode tags = r.node("Tags");
    if (tags != null && tags.isArray() && tags.size() > 75) {
      throw SsoErrors.validation(Validation.failed("Tags", tags.size(), "Member must have length less than or equal to 75"));
    }
    var sso = SsoAdminService.instance(call, instanceArn);
    var set = sso.createPermissionSet(name, description, duration, relayState);
    return object("PermissionSet", SsoJson.permissionSet(set));
  }

  ObjectNode describe(Call call, SsoRequest r) {
    return object("PermissionSet", SsoJson.permissionSet(set(call, r)));
  }

  ObjectNode update(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    String description = r.optional("Description", 1, 700, SsoRequest.DESCRIPTION);
    String duration = r.sessionDuration();
    String relayState = r.optional("RelayState", 1, 240, SsoRequest.RELAY_STATE);
    target.admin(call).updatePermissionSet(target.setArn(), description, duration, relayState);
    return empty();
  }

  ObjectNode list(Call call, SsoRequest r) {
    var sso = SsoAdminService.instance(call, r.instanceArn());
    var arns = sso.permissionSets().stream().map(PermissionSet::arn).toList();
    return strings("PermissionSets", r.page(pages, "sso:ListPermissionSets:" + sso.arn(), arns, a -> a));
  }

  ObjectNode delete(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    target.admin(call).deletePermissionSet(target.setArn());
    return empty();
  }

  // ---- AWS-managed policies

  ObjectNode attachManaged(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    String policyArn = managedPolicyArn(r);
    target.admin(call).attachManagedPolicy(target.setArn(), policyArn);
    return empty();
  }

  ObjectNode detachManaged(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    String policyArn = managedPolicyArn(r);
    target.admin(call).detachManagedPolicy(target.setArn(), policyArn);
    return empty();
  }

  ObjectNode listManaged(Call call, SsoRequest r) {
    var set = set(call, r);
    var page = r.page(pages, "sso:ListManagedPolicies:" + set.arn(), set.managedPolicies(), a -> a);
    return list("AttachedManagedPolicies", page, SsoJson::managedPolicy);
  }

  // ---- customer-managed policy references

  ObjectNode attachCustomer(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    var reference = reference(r);
    target.admin(call).attachCustomerManagedPolicy(target.setArn(), reference);
    return empty();
  }

  ObjectNode detachCustomer(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    var reference = reference(r);
    target.admin(call).detachCustomerManagedPolicy(target.setArn(), reference);
    return empty();
  }

  ObjectNode listCustomer(Call call, SsoRequest r) {
    var set = set(call, r);
    var page = r.page(pages, "sso:ListCustomerManagedPolicyReferences:" + set.arn(), set.customerPolicies(),
        ref -> ref.path() + ref.name());
    return list("CustomerManagedPolicyReferences", page, SsoJson::reference);
  }

  // ---- inline policy

  ObjectNode putInline(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    String document = inlinePolicy(r);
    target.admin(call).putInlinePolicy(target.setArn(), document);
    return empty();
  }

  /** A set without an inline policy answers an empty document, as the service (and moto) do. */
  ObjectNode getInline(Call call, SsoRequest r) {
    var set = set(call, r);
    return Json.MAPPER.createObjectNode().put("InlinePolicy", set.inlinePolicy() == null ? "" : set.inlinePolicy());
  }

  ObjectNode deleteInline(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    target.admin(call).deleteInlinePolicy(target.setArn());
    return empty();
  }

  // ---- permissions boundary

  ObjectNode putBoundary(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    var boundary = boundary(r);
    target.admin(call).putPermissionsBoundary(target.setArn(), boundary);
    return empty();
  }

  ObjectNode getBoundary(Call call, SsoRequest r) {
    var set = set(call, r);
    if (set.boundary() == null) {
      throw SsoErrors.notFound("Permission set " + set.id() + " has no permissions boundary.");
    }
    return object("PermissionsBoundary", SsoJson.boundary(set.boundary()));
  }

  ObjectNode deleteBoundary(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    target.admin(call).deletePermissionsBoundary(target.setArn());
    return empty();
  }

  // ---- members

  private static String managedPolicyArn(SsoRequest r) {
    return r.required("ManagedPolicyArn", 20, 2048, SsoRequest.MANAGED_POLICY_ARN);
  }

  private static CustomerPolicyReference reference(SsoRequest r) {
    return r.policyReference(r.node("CustomerManagedPolicyReference"), "CustomerManagedPolicyReference");
  }

  /** The document as given, once IAM's grammar accepts it (the service rejects what IAM would). */
  private static String inlinePolicy(SsoRequest r) {
    String json = r.required("InlinePolicy", 1, 32768, SsoRequest.POLICY_DOCUMENT);
    try {
      PolicyDocument.parse(json);
    } catch (PolicyDocument.MalformedPolicyException e) {
      throw SsoErrors.validation("Invalid PermissionsPolicy Document");
    }
    return json;
  }

  private static PermissionsBoundary boundary(SsoRequest r) {
    JsonNode node = r.node("PermissionsBoundary");
    if (node == null || node.isNull()) throw SsoErrors.validation(Validation.notNull("permissionsBoundary"));
    var b = new SsoRequest(node);
    boolean customer = node.hasNonNull("CustomerManagedPolicyReference");
    boolean managed = node.hasNonNull("ManagedPolicyArn");
    if (customer == managed) {
      throw SsoErrors.validation("A permissions boundary needs exactly one of ManagedPolicyArn and "
          + "CustomerManagedPolicyReference.");
    }
    if (managed) {
      return PermissionsBoundary.managed(b.required("ManagedPolicyArn", 20, 2048, SsoRequest.MANAGED_POLICY_ARN));
    }
    return PermissionsBoundary.customer(b.policyReference(node.get("CustomerManagedPolicyReference"),
        "PermissionsBoundary.CustomerManagedPolicyReference"));
  }

  // ---- helpers

  /** The instance and permission set a call names, read before its other members. */
  record SetTarget(String instanceArn, String setArn) {
    static SetTarget of(SsoRequest r) {
      String instanceArn = r.instanceArn();
      return new SetTarget(instanceArn, r.permissionSetArn());
    }

    /** Authorizes the call on the instance and the set, then finds the instance. */
    SsoInstance admin(Call call) {
      return SsoAdminService.instance(call, instanceArn, setArn);
    }
  }

  private static PermissionSet set(Call call, SsoRequest r) {
    var target = SetTarget.of(r);
    return target.admin(call).permissionSet(target.setArn());
  }

  static ObjectNode strings(String member, Paginator.Page<String> page) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    var items = out.putArray(member);
    page.items().forEach(items::add);
    return withToken(out, page);
  }

  static <T> ObjectNode list(String member, Paginator.Page<T> page, Function<T, ObjectNode> render) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    var items = out.putArray(member);
    page.items().forEach(i -> items.add(render.apply(i)));
    return withToken(out, page);
  }

  private static ObjectNode withToken(ObjectNode out, Paginator.Page<?> page) {
    if (page.nextToken() != null) out.put("NextToken", PageTokens.encode(page.nextToken()));
    return out;
  }

  static ObjectNode object(String member, ObjectNode value) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.set(member, value);
    return out;
  }

  static ObjectNode empty() {
    return Json.MAPPER.createObjectNode();
  }
}
