package io.rolecall.sandbox.service.organizations;

import io.rolecall.sandbox.http.Reply;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.JsonProtocol;
import io.rolecall.sandbox.protocol.Protocol;
import io.rolecall.sandbox.protocol.Validation;
import io.rolecall.sandbox.service.Call;
import io.rolecall.sandbox.service.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS Organizations (JSON 1.1): DescribeOrganization, from any member, and ListAccounts, from the management
 * account only, paginated (MaxResults 1 to 20, default 20). Accounts carry {@code State}, not the retired
 * {@code Status}.
 */
public final class OrganizationsService implements Service {
  private static final JsonProtocol PROTOCOL = new JsonProtocol("AWSOrganizationsV20161128", "1.1");
  private static final int MAX_RESULTS = 20;

  private final Paginator pages = new Paginator(() -> invalidInput("INVALID_NEXT_TOKEN",
      "You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API."));

  @Override public String signingName() { return "organizations"; }

  @Override public Protocol protocol() { return PROTOCOL; }

  @Override
  public Reply handle(Call call) {
    return switch (call.action()) {
      case "DescribeOrganization" -> describeOrganization(call);
      case "ListAccounts" -> listAccounts(call);
      default -> throw PROTOCOL.unknownOperation(call.action());
    };
  }

  private Reply describeOrganization(Call call) {
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
    body.put("AvailablePolicyTypes", List.of());
    return PROTOCOL.ok(Map.of("Organization", body));
  }

  private Reply listAccounts(Call call) {
    call.authorize("organizations:ListAccounts", "*");
    var org = organization(call);
    if (!call.account().id().equals(org.managementAccountId())) {
      throw PROTOCOL.accessDenied("You don't have permissions to access this resource.");
    }
    var json = call.json();
    int max = MAX_RESULTS;
    if (json.hasNonNull("MaxResults")) {
      max = json.get("MaxResults").asInt();
      if (max < 1 || max > MAX_RESULTS) {
        throw AwsException.badRequest("InvalidInputException", max < 1
            ? Validation.atLeast("MaxResults", max, 1) : Validation.atMost("MaxResults", max, MAX_RESULTS));
      }
    }
    String token = json.hasNonNull("NextToken") ? json.get("NextToken").asText() : null;
    var page = pages.page("organizations:ListAccounts:" + org.id(), org.accounts(), OrgAccount::id, token, max);
    var accounts = new ArrayList<Map<String, Object>>();
    for (var a : page.items()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("Id", a.id());
      m.put("Arn", a.arn());
      m.put("Email", a.email());
      m.put("Name", a.name());
      m.put("State", a.state().name());
      m.put("JoinedMethod", a.joinedMethod());
      m.put("JoinedTimestamp", a.joinedTimestamp().getEpochSecond());
      accounts.add(m);
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("Accounts", accounts);
    body.put("NextToken", page.nextToken());
    return PROTOCOL.ok(body);
  }

  private static Organization organization(Call call) {
    return Organization.of(call.account()).orElseThrow(() -> AwsException.badRequest(
        "AWSOrganizationsNotInUseException", "Your account is not a member of an organization."));
  }

  private static AwsException invalidInput(String reason, String message) {
    return AwsException.badRequest("InvalidInputException", message + " (" + reason + ")");
  }
}
