package io.rolecall.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The target role's trust policy: the engine's identity may assume it, and, with an ExternalId
 * (seed 003: one per customer), only when it sends that id.
 */
public final class TrustPolicy {
  private TrustPolicy() {}

  /** {@code principal} and {@code externalId} may be CloudFormation expressions ({@code {"Ref": ...}}). */
  public static Map<String, Object> of(Object principal, Object externalId) {
    var statement = new LinkedHashMap<String, Object>();
    statement.put("Sid", "RolecallEngine");
    statement.put("Effect", "Allow");
    statement.put("Principal", Ordered.map("AWS", principal));
    statement.put("Action", "sts:AssumeRole");
    if (externalId != null) {
      statement.put("Condition", Ordered.map("StringEquals", Ordered.map("sts:ExternalId", externalId)));
    }
    return PermissionPolicy.document(List.of(statement));
  }
}
