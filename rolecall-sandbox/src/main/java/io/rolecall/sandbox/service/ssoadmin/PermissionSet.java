package io.rolecall.sandbox.service.ssoadmin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A permission set at one version. Every change yields a copy with the next version; an account holds the version it
 * was last provisioned with, which is what its reserved role reflects until the set is provisioned again.
 *
 * @param sessionDuration ISO-8601, PT1H by default; it becomes the reserved role's MaxSessionDuration
 * @param inlinePolicy    null when the set has none
 * @param boundary        null when the set has none
 */
public record PermissionSet(String arn, String name, String description, String sessionDuration, String relayState,
                            Instant createdDate, List<String> managedPolicies,
                            List<CustomerPolicyReference> customerPolicies, String inlinePolicy,
                            PermissionsBoundary boundary, int version) {
  public static final String DEFAULT_SESSION_DURATION = "PT1H";

  public PermissionSet {
    managedPolicies = List.copyOf(managedPolicies);
    customerPolicies = List.copyOf(customerPolicies);
  }

  /** The ps-... part of the ARN. */
  public String id() {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  public int sessionSeconds() {
    return (int) Duration.parse(sessionDuration).toSeconds();
  }

  /** How many managed policies, AWS-managed and customer-managed together, count against the quota. */
  int policyCount() {
    return managedPolicies.size() + customerPolicies.size();
  }

  PermissionSet withDetails(String newDescription, String newSessionDuration, String newRelayState) {
    return new PermissionSet(arn, name, newDescription, newSessionDuration, newRelayState, createdDate, managedPolicies,
        customerPolicies, inlinePolicy, boundary, version + 1);
  }

  PermissionSet withManagedPolicies(List<String> policies) {
    return new PermissionSet(arn, name, description, sessionDuration, relayState, createdDate, policies,
        customerPolicies, inlinePolicy, boundary, version + 1);
  }

  PermissionSet withCustomerPolicies(List<CustomerPolicyReference> references) {
    return new PermissionSet(arn, name, description, sessionDuration, relayState, createdDate, managedPolicies,
        references, inlinePolicy, boundary, version + 1);
  }

  PermissionSet withInlinePolicy(String json) {
    return new PermissionSet(arn, name, description, sessionDuration, relayState, createdDate, managedPolicies,
        customerPolicies, json, boundary, version + 1);
  }

  PermissionSet withBoundary(PermissionsBoundary newBoundary) {
    return new PermissionSet(arn, name, description, sessionDuration, relayState, createdDate, managedPolicies,
        customerPolicies, inlinePolicy, newBoundary, version + 1);
  }
}
