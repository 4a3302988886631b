package io.rolecall.sandbox.service.organizations;

import io.rolecall.sandbox.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An organization's service control policies and what they are attached to (root, OU or account ids). The sandbox
 * lists them but does not enforce them on calls. Thread-safe.
 * <pre>{@code
 * var denyLeave = org.policies().create("DenyLeave", "No leaving", "{...}");
 * org.policies().attach(denyLeave.id(), prod.id());
 * }</pre>
 */
public final class OrgPolicies {
  private final String orgId;
  private final String managementAccountId;
  private final Map<String, OrgPolicy> byId = new TreeMap<>();
  private final Map<String, Set<String>> attached = new HashMap<>(); // target id -> policy ids

  OrgPolicies(String orgId, String managementAccountId) {
    this.orgId = orgId;
    this.managementAccountId = managementAccountId;
    byId.put(OrgPolicy.FULL_AWS_ACCESS.id(), OrgPolicy.FULL_AWS_ACCESS);
  }

  /** A customer SCP; {@code content} is its JSON document as given. */
  public synchronized OrgPolicy create(String name, String description, String content) {
    String id = "p-" + Ids.random("abcdefghijklmnopqrstuvwxyz0123456789", 8);
    var policy = new OrgPolicy(id, "arn:aws:organizations::" + managementAccountId + ":policy/" + orgId
        + "/service_control_policy/" + id, name, description, content, false);
    byId.put(id, policy);
    return policy;
  }

  public synchronized void attach(String policyId, String targetId) {
    requirePolicy(policyId);
    attached.computeIfAbsent(targetId, k -> new LinkedHashSet<>()).add(policyId);
  }

  public synchronized void detach(String policyId, String targetId) {
    var ids = attached.get(targetId);
    if (ids == null || !ids.remove(policyId)) {
      throw new IllegalArgumentException("policy " + policyId + " is not attached to " + targetId);
    }
  }

  public synchronized Optional<OrgPolicy> policy(String policyId) {
    return Optional.ofNullable(byId.get(policyId));
  }

  /** Every SCP, by id. */
  public synchronized List<OrgPolicy> all() {
    return List.copyOf(byId.values());
  }

  /** The SCPs attached directly to a root, OU or account, in attachment order. */
  public synchronized List<OrgPolicy> attachedTo(String targetId) {
    var out = new ArrayList<OrgPolicy>();
    attached.getOrDefault(targetId, Set.of()).forEach(id -> out.add(byId.get(id)));
    return out;
  }

  /** The roots, OUs and accounts a policy is attached to, sorted. */
  public synchronized List<String> targetsOf(String policyId) {
    return attached.entrySet().stream().filter(e -> e.getValue().contains(policyId)).map(Map.Entry::getKey)
        .sorted().toList();
  }

  synchronized void attachDefault(String targetId) {
    attach(OrgPolicy.FULL_AWS_ACCESS.id(), targetId);
  }

  private void requirePolicy(String policyId) {
    if (!byId.containsKey(policyId)) throw new IllegalArgumentException("no policy " + policyId + " in " + orgId);
  }
}
