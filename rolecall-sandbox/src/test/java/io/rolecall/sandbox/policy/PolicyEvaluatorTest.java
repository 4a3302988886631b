package io.rolecall.sandbox.policy;

import static io.rolecall.sandbox.policy.PolicyEvaluator.Outcome.ALLOW;
import static io.rolecall.sandbox.policy.PolicyEvaluator.Outcome.EXPLICIT_DENY;
import static io.rolecall.sandbox.policy.PolicyEvaluator.Outcome.IMPLICIT_DENY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.sandbox.auth.Principal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
  static final Principal USER = new Principal.User("111111111111", "ops", "AIDAEXAMPLE", "arn:aws:iam::111111111111:user/ops");
  static final Principal SESSION = new Principal.AssumedRole("222222222222", "A", "arn:aws:iam::222222222222:role/A",
      "AROAEXAMPLE", "s");

  static PolicyEvaluator.Outcome identity(String statements, String action, String resource, Map<String, String> keys) {
    var doc = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":" + statements + "}");
    return PolicyEvaluator.identity(List.of(doc), new PolicyEvaluator.Request(USER, action, resource, keys));
  }

  static PolicyEvaluator.Outcome trust(String principal, Principal caller) {
    var doc = PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":" + principal
        + ",\"Action\":\"sts:AssumeRole\"}}");
    return PolicyEvaluator.trust(doc, new PolicyEvaluator.Request(caller, "sts:AssumeRole", null, Map.of()));
  }

  @Test
  void actionsMatchWildcardsCaseInsensitivelyResourcesCaseSensitively() {
    String s = "{\"Effect\":\"Allow\",\"Action\":\"IAM:Get*\",\"Resource\":\"arn:aws:iam::*:role/A?\"}";
    assertThat(identity(s, "iam:GetRole", "arn:aws:iam::1:role/AB", Map.of())).isEqualTo(ALLOW);
    assertThat(identity(s, "iam:PutRolePolicy", "arn:aws:iam::1:role/AB", Map.of())).isEqualTo(IMPLICIT_DENY);
    assertThat(identity(s, "iam:GetRole", "arn:aws:iam::1:role/ab", Map.of())).isEqualTo(IMPLICIT_DENY);
    assertThat(identity(s, "iam:GetRole", "arn:aws:iam::1:role/ABC", Map.of())).isEqualTo(IMPLICIT_DENY);
  }

  @Test
  void notActionAndNotResource() {
    String s = "[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"NotResource\":\"arn:secret\"}]";
    assertThat(identity(s, "sts:AssumeRole", "arn:x", Map.of())).isEqualTo(ALLOW);
    assertThat(identity(s, "iam:GetRole", "arn:x", Map.of())).isEqualTo(IMPLICIT_DENY);
    assertThat(identity(s, "sts:AssumeRole", "arn:secret", Map.of())).isEqualTo(IMPLICIT_DENY);
  }

  @Test
  void denyWins() {
    String s = "[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Deny\",\"Action\":\"sts:*\",\"Resource\":\"*\"}]";
    assertThat(identity(s, "sts:AssumeRole", "r", Map.of())).isEqualTo(EXPLICIT_DENY);
    assertThat(identity(s, "iam:GetRole", "r", Map.of())).isEqualTo(ALLOW);
  }

  @Test
  void conditionOperators() {
    String like = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringLike\":{\"sts:ExternalId\":[\"a-*\",\"b\"]}}}";
    assertThat(identity(like, "x:Y", "r", Map.of("sts:externalid", "a-1"))).isEqualTo(ALLOW);
    assertThat(identity(like, "x:Y", "r", Map.of("sts:externalid", "b"))).isEqualTo(ALLOW);
    assertThat(identity(like, "x:Y", "r", Map.of("sts:externalid", "c"))).isEqualTo(IMPLICIT_DENY);
    assertThat(identity(like, "x:Y", "r", Map.of())).isEqualTo(IMPLICIT_DENY);

    String notEquals = "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalAccount\":\"111111111111\"}}}";
    assertThat(identity(notEquals, "x:Y", "r", Map.of("aws:principalaccount", "111111111111"))).isEqualTo(IMPLICIT_DENY);
    assertThat(identity(notEquals, "x:Y", "r", Map.of("aws:principalaccount", "2"))).isEqualTo(EXPLICIT_DENY);
    assertThat(identity(notEquals, "x:Y", "r", Map.of())).isEqualTo(EXPLICIT_DENY); // absent key: negated operators match

    String ifExists = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}";
    assertThat(identity(ifExists, "x:Y", "r", Map.of())).isEqualTo(ALLOW);
    assertThat(identity(ifExists, "x:Y", "r", Map.of("aws:multifactorauthpresent", "false"))).isEqualTo(IMPLICIT_DENY);

    String isNull = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Null\":{\"sts:ExternalId\":\"true\"}}}";
    assertThat(identity(isNull, "x:Y", "r", Map.of())).isEqualTo(ALLOW);
    assertThat(identity(isNull, "x:Y", "r", Map.of("sts:externalid", "e"))).isEqualTo(IMPLICIT_DENY);

    String arnLike = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/Ops*\"}}}";
    assertThat(identity(arnLike, "x:Y", "r", Map.of("aws:principalarn", "arn:aws:iam::1:role/OpsAdmin"))).isEqualTo(ALLOW);
  }

  @Test
  void whatCannotBeEvaluatedFailsClosed() {
    for (String condition : List.of("{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}",
        "{\"StringEquals\":{\"aws:SourceVpc\":\"vpc-1\"}}",
        "{\"ForAnyValue:StringEquals\":{\"aws:PrincipalArn\":\"x\"}}")) {
      String allow = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":" + condition + "}";
      String deny = "[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
          + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":" + condition + "}]";
      assertThat(identity(allow, "x:Y", "r", Map.of("aws:principalarn", "x"))).as(condition).isEqualTo(IMPLICIT_DENY);
      assertThat(identity(deny, "x:Y", "r", Map.of("aws:principalarn", "y"))).as(condition).isEqualTo(EXPLICIT_DENY);
    }
  }

  @Test
  void trustPrincipals() {
    assertThat(trust("\"*\"", USER)).isEqualTo(ALLOW);
    assertThat(trust("{\"AWS\":\"*\"}", USER)).isEqualTo(ALLOW);
    assertThat(trust("{\"AWS\":\"111111111111\"}", USER)).isEqualTo(ALLOW);
    assertThat(trust("{\"AWS\":\"arn:aws:iam::111111111111:root\"}", USER)).isEqualTo(ALLOW);
    assertThat(trust("{\"AWS\":[\"arn:aws:iam::9:root\",\"arn:aws:iam::111111111111:user/ops\"]}", USER)).isEqualTo(ALLOW);
    assertThat(trust("{\"AWS\":\"arn:aws:iam::111111111111:user/other\"}", USER)).isEqualTo(IMPLICIT_DENY);
    assertThat(trust("{\"Service\":\"ec2.amazonaws.com\"}", USER)).isEqualTo(IMPLICIT_DENY);
    assertThat(trust("{\"AWS\":\"arn:aws:iam::222222222222:role/A\"}", SESSION)).isEqualTo(ALLOW);
    assertThat(trust("{\"AWS\":\"arn:aws:sts::222222222222:assumed-role/A/s\"}", SESSION)).isEqualTo(ALLOW);
    assertThat(trust("{\"AWS\":\"arn:aws:sts::222222222222:assumed-role/A/other\"}", SESSION)).isEqualTo(IMPLICIT_DENY);
  }

  @Test
  void malformedDocuments() {
    assertThatThrownBy(() -> PolicyDocument.parse("nope")).isInstanceOfSatisfying(
        PolicyDocument.MalformedPolicyException.class, e -> assertThat(e.invalidJson()).isTrue());
    for (String bad : List.of("{}", "{\"Statement\":{\"Effect\":\"Allow\"}}", "{\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*\"}]}",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":\"someone\"}}")) {
      assertThatThrownBy(() -> PolicyDocument.parse(bad)).as(bad).isInstanceOfSatisfying(
          PolicyDocument.MalformedPolicyException.class, e -> assertThat(e.invalidJson()).isFalse());
    }
  }
}
