package io.rolecall.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rolecall.sandbox.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds common role trust policies:
 * <pre>{@code
 * TrustPolicy.trustingAccount("111111111111").withExternalId("x")    // any principal of 111111111111, with ExternalId x
 * TrustPolicy.trusting("arn:aws:iam::111111111111:user/ops")        // one principal (user, role or account)
 * TrustPolicy.trustingService("ec2.amazonaws.com")                  // for instance roles
 * }</pre>
 * {@link #json()} gives the document for {@code createRole(name, json)}.
 */
public record TrustPolicy(List<String> awsPrincipals, List<String> servicePrincipals, String externalId,
                          boolean requireMfa) {

  public TrustPolicy {
    awsPrincipals = List.copyOf(awsPrincipals);
    servicePrincipals = List.copyOf(servicePrincipals);
  }

  /** Any principal of the account (Principal {"AWS": "arn:aws:iam::ACCOUNT:root"}). */
  public static TrustPolicy trustingAccount(String accountId) {
    return trusting("arn:aws:iam::" + accountId + ":root");
  }

  /** Principal ARNs or account ids. */
  public static TrustPolicy trusting(String... principals) {
    return new TrustPolicy(List.of(principals), List.of(), null, false);
  }

  public static TrustPolicy trustingService(String service) {
    return new TrustPolicy(List.of(), List.of(service), null, false);
  }

  /** Adds {@code "StringEquals": {"sts:ExternalId": externalId}}. */
  public TrustPolicy withExternalId(String externalId) {
    return new TrustPolicy(awsPrincipals, servicePrincipals, externalId, requireMfa);
  }

  /** Adds {@code "Bool": {"aws:MultiFactorAuthPresent": "true"}}. */
  public TrustPolicy requiringMfa() {
    return new TrustPolicy(awsPrincipals, servicePrincipals, externalId, true);
  }

  public String json() {
    var principal = new LinkedHashMap<String, Object>();
    if (!awsPrincipals.isEmpty()) principal.put("AWS", awsPrincipals.size() == 1 ? awsPrincipals.getFirst() : awsPrincipals);
    if (!servicePrincipals.isEmpty()) {
      principal.put("Service", servicePrincipals.size() == 1 ? servicePrincipals.getFirst() : servicePrincipals);
    }
    var statement = new LinkedHashMap<String, Object>();
    statement.put("Effect", "Allow");
    statement.put("Principal", principal);
    statement.put("Action", "sts:AssumeRole");
    var conditions = new LinkedHashMap<String, Object>();
    if (externalId != null) conditions.put("StringEquals", Map.of("sts:ExternalId", externalId));
    if (requireMfa) conditions.put("Bool", Map.of("aws:MultiFactorAuthPresent", "true"));
    if (!conditions.isEmpty()) statement.put("Condition", conditions);
    var statements = new ArrayList<Object>();
    statements.add(statement);
    try {
      var document = new LinkedHashMap<String, Object>();
      document.put("Version", "2012-10-17");
      document.put("Statement", statements);
      return Json.MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return json();
  }
}
