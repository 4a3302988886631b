package io.rolecall.sandbox.service.iam;

import io.rolecall.sandbox.Account;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** One account's role permissions boundaries: role ARN to the ARN of the managed policy that bounds it. */
public final class RoleBoundaries {
  private final Map<String, String> byRoleArn = new ConcurrentHashMap<>();

  public static RoleBoundaries of(Account account) {
    return account.state(RoleBoundaries.class, RoleBoundaries::new);
  }

  public Optional<String> boundary(String roleArn) {
    return Optional.ofNullable(byRoleArn.get(roleArn));
  }

  /** Sets the role's boundary; null removes it. */
  void set(String roleArn, String policyArn) {
    if (policyArn == null) byRoleArn.remove(roleArn);
    else byRoleArn.put(roleArn, policyArn);
  }

  /** How many roles each policy bounds (IAM's PermissionsBoundaryUsageCount), by policy ARN. */
  Map<String, Integer> usageCounts() {
    var counts = new TreeMap<String, Integer>();
    byRoleArn.values().forEach(arn -> counts.merge(arn, 1, Integer::sum));
    return counts;
  }
}
