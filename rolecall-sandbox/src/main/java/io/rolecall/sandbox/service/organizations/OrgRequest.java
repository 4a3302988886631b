package io.rolecall.sandbox.service.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.sandbox.paging.Paginator;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Validation;
import io.rolecall.sandbox.service.Call;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** An Organizations request: its ids checked against the model's patterns, its paging, and who may make it. */
final class OrgRequest {
  static final Pattern PARENT_ID = Pattern.compile("^(r-[0-9a-z]{4,32})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$");
  static final Pattern CHILD_ID = Pattern.compile("^(\\d{12})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$");
  static final Pattern TARGET_ID = Pattern.compile(
      "^(r-[0-9a-z]{4,32})|(\\d{12})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$");
  static final Pattern OU_ID = Pattern.compile("^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$");
  static final Pattern POLICY_ID = Pattern.compile("^p-[0-9a-zA-Z_]{8,128}$");
  /** Every policy type the model names; the sandbox holds service control policies only. */
  static final List<String> POLICY_TYPES = List.of("SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY",
      "BACKUP_POLICY", "AISERVICES_OPT_OUT_POLICY", "CHATBOT_POLICY", "DECLARATIVE_POLICY_EC2", "SECURITYHUB_POLICY",
      "INSPECTOR_POLICY", "UPGRADE_ROLLOUT_POLICY", "BEDROCK_POLICY", "S3_POLICY", "NETWORK_SECURITY_DIRECTOR_POLICY");
  static final int MAX_RESULTS = 20;

  private final Call call;
  private final JsonNode body;

  OrgRequest(Call call) {
    this.call = call;
    this.body = call.json();
  }

  /**
   * The organization the caller manages, after authorizing {@code organizations:<Action>}: outside any organization
   * it is AWSOrganizationsNotInUseException, from a member account AccessDeniedException, as AWS answers.
   */
  Organization managed() {
    call.authorize("organizations:" + call.action(), "*");
    var org = OrganizationsService.organization(call);
    if (!call.account().id().equals(org.managementAccountId())) {
      throw OrganizationsService.PROTOCOL.accessDenied("You don't have permissions to access this resource.");
    }
    return org;
  }

  /** A required id member matching {@code pattern}. */
  String id(String member, Pattern pattern) {
    JsonNode v = body.get(member);
    if (v == null || v.isNull()) {
      throw AwsException.badRequest("InvalidInputException", Validation.notNull(member));
    }
    String value = v.asText();
    if (!pattern.matcher(value).matches()) {
      throw OrganizationsService.invalidInput("INVALID_PATTERN", "You specified a value for " + member
          + " that does not match the required pattern.");
    }
    return value;
  }

  /** The required policy type Filter; the sandbox has service control policies only. */
  String policyType() {
    JsonNode v = body.get("Filter");
    if (v == null || v.isNull()) throw AwsException.badRequest("InvalidInputException", Validation.notNull("Filter"));
    if (!POLICY_TYPES.contains(v.asText())) {
      throw OrganizationsService.invalidInput("INVALID_ENUM", "You specified an invalid value for Filter: "
          + v.asText() + ".");
    }
    return v.asText();
  }

  /** One page by MaxResults (1 to 20, default 20) and NextToken, in {@code key} order. */
  <T> Paginator.Page<T> page(Paginator pages, String scope, Collection<T> items, Function<T, String> key) {
    int max = MAX_RESULTS;
    if (body.hasNonNull("MaxResults")) {
      max = body.get("MaxResults").asInt();
      if (max < 1 || max > MAX_RESULTS) {
        throw AwsException.badRequest("InvalidInputException", max < 1
            ? Validation.atLeast("MaxResults", max, 1) : Validation.atMost("MaxResults", max, MAX_RESULTS));
      }
    }
    String token = body.hasNonNull("NextToken") ? body.get("NextToken").asText() : null;
    return pages.page(scope, items, key, token, max);
  }
}
