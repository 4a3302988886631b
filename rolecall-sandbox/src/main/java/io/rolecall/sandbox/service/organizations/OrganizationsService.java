package io.rolecall.sandbox.service.organizations;

import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.JsonProtocol;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS Organizations (JSON 1.1): DescribeOrganization, from any member; and from the management account only,
 * ListAccounts, the structure (ListRoots, ListParents, ListChildren, ListOrganizationalUnitsForParent,
 * ListAccountsForParent, DescribeOrganizationalUnit) and service control policies (ListPolicies, DescribePolicy,
 * ListPoliciesForTarget, ListTargetsForPolicy). Lists page by MaxResults 1 to 20 (default 20). Accounts carry
 * {@code State}, not the retired {@code Status}.
 */
public final class OrganizationsService implements Service {
  static final JsonProtocol PROTOCOL = new JsonProtocol("AWSOrganizationsV20161128", "1.1");

  private final Paginator pages = new Paginator(() -> invalidInput("INVALID_NEXT_TOKEN",
      "You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API."));
  private final OrgTreeCalls tree = new OrgTreeCalls(pages);
  private final OrgPolicyCalls policies = new OrgPolicyCalls(pages);

  @Override public String signingName() { return "organizations"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  @Override
  public Reply handle(Call call) {
    return PROTOCOL.ok(switch (call.action()) {
      case "DescribeOrganization" -> describeOrganization(call);
      case "ListAccounts" -> listAccounts(call);
      case "ListRoots" -> tree.listRoots(call);
      case "ListParents" -> tree.listParents(call);
      case "ListChildren" -> tree.listChildren(call);
      case "ListOrganizationalUnitsForParent" -> tree.listUnitsForParent(call);
      case "ListAccountsForParent" -> tree.listAccountsForParent(call);
      case "DescribeOrganizationalUnit" -> tree.describeUnit(call);
      case "ListPolicies" -> policies.listPolicies(call);
      case "DescribePolicy" -> policies.describePolicy(call);
      case "ListPoliciesForTarget" -> policies.listPoliciesForTarget(call);
      case "ListTargetsForPolicy" -> policies.listTargetsForPolicy(call);
      default -> throw PROTOCOL.unknownOperation(call.action());
    });
  }

  private Map<String, Object> describeOrganization(Call call) {
    call.authorize("organizations:DescribeOrganization", "*");
    var org = organization(call);
    var management = org.account(org.managementAccountId()).orElseThrow();
    var body = new LinkedHashMap<String, Object>();
    body.put("Id", org.id());
    body.put("Arn", org.arn());
    body.put("FeatureSet", "ALL");
    body.put("MasterAccountArn", management.arn());
    body.put("MasterAccountId", management.id());
    body.put("MasterAccountEmail", management.email());
    body.put("AvailablePolicyTypes", List.of(OrgJson.enabledScps()));
    return Map.of("Organization", body);
  }

  private Map<String, Object> listAccounts(Call call) {
    var r = new OrgRequest(call);
    var org = r.managed();
    var page = r.page(pages, "organizations:ListAccounts:" + org.id(), org.accounts(), OrgAccount::id);
    return OrgJson.page("Accounts", page, OrgJson::account);
  }

  /** The caller's organization; outside any, AWSOrganizationsNotInUseException. */
  static Organization organization(Call call) {
    return Organization.of(call.account()).orElseThrow(() -> AwsException.badRequest(
        "AWSOrganizationsNotInUseException", "Your account is not a member of an organization."));
  }

  static AwsException invalidInput(String reason, String message) {
    return AwsException.badRequest("InvalidInputException", message + " (" + reason + ")");
  }
}
