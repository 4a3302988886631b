package io.rolecall.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the inventory could see, given with the items: the accounts whose IAM part is current, whether Identity
 * Center data is present, whether SCPs were read, and the accounts in scope that are not assessed (never synced,
 * failed, stale) with the reason. Every answer says, from this, what it could not see.
 */
public record Coverage(Set<String> iamAccounts, boolean identityCenter, boolean scps, Map<String, String> notAssessed) {
  /** What no answer evaluates, whatever was collected (docs/access.md). */
  static final List<String> NOT_EVALUATED = List.of(
      "resource-based policies other than role trust policies",
      "session policies",
      "condition values (the condition keys are listed, not judged)",
      "federated trusts (SAML, OIDC) other than Identity Center's reserved roles");

  public Coverage {
    iamAccounts = Set.copyOf(iamAccounts);
    notAssessed = Map.copyOf(notAssessed);
  }

  public static Coverage of(Collection<String> iamAccounts, boolean identityCenter, boolean scps) {
    return new Coverage(Set.copyOf(iamAccounts), identityCenter, scps, Map.of());
  }

  public boolean iam(String accountId) {
    return iamAccounts.contains(accountId);
  }

  /**
   * The coverage block of one answer: {@code accounts} are those the answer touches; those among them whose
   * IAM is not current, or not assessed (its latest attempt failed, or its data is stale: then the answer rests on
   * older data), are listed with why; {@code gaps} are what its nodes could not see (unknown or unreadable
   * policy documents, roles derived from a permission set).
   */
  Map<String, Object> json(Collection<String> accounts, Collection<String> gaps) {
    var missing = new TreeMap<String, String>();
    for (String a : accounts) {
      if (!iam(a) || notAssessed.containsKey(a)) {
        missing.put(a, notAssessed.getOrDefault(a, "IAM not collected"));
      }
    }
    var list = new ArrayList<Map<String, Object>>();
    missing.forEach((a, why) -> {
      var m = new LinkedHashMap<String, Object>();
      m.put("accountId", a);
      m.put("reason", why);
      list.add(m);
    });
    var notes = new ArrayList<String>();
    if (!identityCenter) {
      notes.add("no Identity Center data: answered from IAM alone");
    }
    if (!scps) {
      notes.add("SCPs were not read: not applied");
    }
    var out = new LinkedHashMap<String, Object>();
    out.put("iamAccounts", iamAccounts.size());
    out.put("identityCenter", identityCenter);
    out.put("scpsApplied", scps);
    out.put("accountsNotAssessed", list);
    out.put("gaps", List.copyOf(new TreeSet<>(gaps)));
    out.put("notEvaluated", NOT_EVALUATED);
    out.put("notes", notes);
    return out;
  }
}
