package io.rolecall.sandbox.service.organizations;

import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.service.Call;
import java.util.List;
import java.util.Map;

/** The policy calls: ListPolicies, DescribePolicy (with Content), ListPoliciesForTarget, ListTargetsForPolicy. */
final class OrgPolicyCalls {
  private final Paginator pages;

  OrgPolicyCalls(Paginator pages) {
    this.pages = pages;
  }

  Map<String, Object> listPolicies(Call call) {
    var r = new OrgRequest(call);
    String type = r.policyType();
    var org = r.managed();
    var policies = type.equals(OrgPolicy.TYPE) ? org.policies().all() : List.<OrgPolicy>of();
    var page = r.page(pages, "organizations:ListPolicies:" + org.id() + ":" + type, policies, OrgPolicy::id);
    return OrgJson.page("Policies", page, OrgJson::policySummary);
  }

  Map<String, Object> describePolicy(Call call) {
    var r = new OrgRequest(call);
    String policyId = r.id("PolicyId", OrgRequest.POLICY_ID);
    var policy = policy(r.managed(), policyId);
    return Map.of("Policy", Map.of("PolicySummary", OrgJson.policySummary(policy), "Content", policy.content()));
  }

  Map<String, Object> listPoliciesForTarget(Call call) {
    var r = new OrgRequest(call);
    String targetId = r.id("TargetId", OrgRequest.TARGET_ID);
    String type = r.policyType();
    var org = r.managed();
    boolean exists = org.structure().isParent(targetId) || org.account(targetId).isPresent();
    if (!exists) {
      throw AwsException.badRequest("TargetNotFoundException",
          "We can't find a root, OU, account, or policy with the TargetId that you specified.");
    }
    var policies = type.equals(OrgPolicy.TYPE) ? org.policies().attachedTo(targetId) : List.<OrgPolicy>of();
    var page = r.page(pages, "organizations:ListPoliciesForTarget:" + targetId + ":" + type, policies, OrgPolicy::id);
    return OrgJson.page("Policies", page, OrgJson::policySummary);
  }

  Map<String, Object> listTargetsForPolicy(Call call) {
    var r = new OrgRequest(call);
    String policyId = r.id("PolicyId", OrgRequest.POLICY_ID);
    var org = r.managed();
    policy(org, policyId);
    var page = r.page(pages, "organizations:ListTargetsForPolicy:" + policyId, org.policies().targetsOf(policyId),
        id -> id);
    return OrgJson.page("Targets", page, id -> target(org, id));
  }

  private static Map<String, Object> target(Organization org, String id) {
    var tree = org.structure();
    if (id.equals(tree.rootId())) {
      return Map.of("TargetId", id, "Arn", tree.rootArn(), "Name", "Root", "Type", "ROOT");
    }
    var unit = tree.unit(id);
    if (unit.isPresent()) {
      return Map.of("TargetId", id, "Arn", unit.get().arn(), "Name", unit.get().name(), "Type", "ORGANIZATIONAL_UNIT");
    }
    var account = org.account(id).orElseThrow();
    return Map.of("TargetId", id, "Arn", account.arn(), "Name", account.name(), "Type", "ACCOUNT");
  }

  private static OrgPolicy policy(Organization org, String policyId) {
    return org.policies().policy(policyId).orElseThrow(() -> AwsException.badRequest("PolicyNotFoundException",
        "We can't find a policy with the PolicyId that you specified."));
  }
}
