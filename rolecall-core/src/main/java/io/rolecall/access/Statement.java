package io.rolecall.access;

import java.util.List;
import java.util.Map;

/**
 * One policy statement, parsed once and shared by every principal whose policies hold it. A statement without
 * Resource or NotResource matches no resource (IAM rejects such identity policies); trust statements have
 * principals instead. {@code label} is its Sid, or "#n" (1-based) when it has none.
 */
record Statement(boolean allow, List<Wildcard> actions, boolean notAction, List<Wildcard> resources,
                 boolean notResource, PrincipalSet principals, List<String> conditionKeys, String label) {

  boolean conditional() {
    return !conditionKeys.isEmpty();
  }

  /** {@code action} already {@link Wildcard#fold folded}. */
  boolean matchesAction(String action) {
    // Indexed loops here and in Permissions: these run millions of times in a build, and iterators cost.
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i).matches(action)) {
        return !notAction;
      }
    }
    return notAction;
  }

  boolean matchesResource(String arn, Map<String, String> vars) {
    if (resources.isEmpty() && !notResource) {
      return false;
    }
    for (int i = 0; i < resources.size(); i++) {
      if (resources.get(i).matches(arn, vars)) {
        return !notResource;
      }
    }
    return notResource;
  }

  /** The service prefixes its actions may name ("*" when a pattern's service part has a wildcard). */
  boolean mayName(String service) {
    if (notAction) {
      return true;
    }
    for (Wildcard w : actions) {
      String t = w.text();
      int colon = t.indexOf(':');
      String prefix = colon < 0 ? t : t.substring(0, colon);
      if (prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0 || prefix.equalsIgnoreCase(service)) {
        return true;
      }
    }
    return false;
  }
}
