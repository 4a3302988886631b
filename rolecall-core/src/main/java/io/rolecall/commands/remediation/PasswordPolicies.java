package io.rolecall.commands.remediation;

import io.rolecall.command.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyRequest;

/** Reading an account's password policy and showing it, shared by the get and update commands. */
final class PasswordPolicies {
  static final String CONTEXT = "AWS.IAM.PasswordPolicy";
  /** The policy fields in the order AWS documents them; the XSOAR context uses these names. */
  static final List<String> FIELDS = List.of("MinimumPasswordLength", "RequireSymbols", "RequireNumbers",
      "RequireUppercaseCharacters", "RequireLowercaseCharacters", "AllowUsersToChangePassword", "ExpirePasswords",
      "MaxPasswordAge", "PasswordReusePrevention", "HardExpiry");

  /** What IAM's Update uses for MinimumPasswordLength when it is not sent (IAM API reference). */
  static final int UPDATE_DEFAULT_MINIMUM_LENGTH = 6;

  private PasswordPolicies() {}

  /** The current policy, or null when the account has none (IAM answers NoSuchEntity). */
  static PasswordPolicy current(IamClient iam) {
    try {
      return iam.getAccountPasswordPolicy(r -> { }).passwordPolicy();
    } catch (NoSuchEntityException e) {
      return null;
    }
  }

  /**
   * The policy as a plain map in {@link #FIELDS} order. IAM leaves out booleans that are false and
   * the two numbers that are not set; the booleans are filled in as false so every policy has every
   * flag, while an unset MaxPasswordAge or PasswordReusePrevention stays absent (it means "none").
   */
  static Map<String, Object> toMap(PasswordPolicy p) {
    var m = new LinkedHashMap<String, Object>();
    if (p == null) {
      return m;
    }
    putIfSet(m, "MinimumPasswordLength", p.minimumPasswordLength());
    m.put("RequireSymbols", Boolean.TRUE.equals(p.requireSymbols()));
    m.put("RequireNumbers", Boolean.TRUE.equals(p.requireNumbers()));
    m.put("RequireUppercaseCharacters", Boolean.TRUE.equals(p.requireUppercaseCharacters()));
    m.put("RequireLowercaseCharacters", Boolean.TRUE.equals(p.requireLowercaseCharacters()));
    m.put("AllowUsersToChangePassword", Boolean.TRUE.equals(p.allowUsersToChangePassword()));
    m.put("ExpirePasswords", Boolean.TRUE.equals(p.expirePasswords()));
    putIfSet(m, "MaxPasswordAge", p.maxPasswordAge());
    putIfSet(m, "PasswordReusePrevention", p.passwordReusePrevention());
    m.put("HardExpiry", Boolean.TRUE.equals(p.hardExpiry()));
    return m;
  }

  /**
   * The policy IAM will hold after an update sending exactly {@code sent} (writable fields only): IAM's
   * Update replaces the whole policy, giving fields not sent their documented defaults (false, not set,
   * and a minimum length of 6); ExpirePasswords follows from MaxPasswordAge.
   */
  static Map<String, Object> afterUpdate(Map<String, Object> sent) {
    var m = new LinkedHashMap<String, Object>();
    m.put("MinimumPasswordLength", sent.getOrDefault("MinimumPasswordLength", UPDATE_DEFAULT_MINIMUM_LENGTH));
    for (String field : List.of("RequireSymbols", "RequireNumbers", "RequireUppercaseCharacters",
        "RequireLowercaseCharacters", "AllowUsersToChangePassword")) {
      m.put(field, Boolean.TRUE.equals(sent.get(field)));
    }
    m.put("ExpirePasswords", sent.get("MaxPasswordAge") != null);
    putIfSet(m, "MaxPasswordAge", sent.get("MaxPasswordAge"));
    putIfSet(m, "PasswordReusePrevention", sent.get("PasswordReusePrevention"));
    m.put("HardExpiry", Boolean.TRUE.equals(sent.get("HardExpiry")));
    return m;
  }

  /** The Update request that sets every writable field of {@code policy} (so none falls back to a default). */
  static UpdateAccountPasswordPolicyRequest request(Map<String, Object> policy) {
    var b = UpdateAccountPasswordPolicyRequest.builder()
        .minimumPasswordLength((Integer) policy.get("MinimumPasswordLength"))
        .requireSymbols((Boolean) policy.get("RequireSymbols"))
        .requireNumbers((Boolean) policy.get("RequireNumbers"))
        .requireUppercaseCharacters((Boolean) policy.get("RequireUppercaseCharacters"))
        .requireLowercaseCharacters((Boolean) policy.get("RequireLowercaseCharacters"))
        .allowUsersToChangePassword((Boolean) policy.get("AllowUsersToChangePassword"))
        .hardExpiry((Boolean) policy.get("HardExpiry"));
    if (policy.get("MaxPasswordAge") != null) {
      b.maxPasswordAge((Integer) policy.get("MaxPasswordAge"));
    }
    if (policy.get("PasswordReusePrevention") != null) {
      b.passwordReusePrevention((Integer) policy.get("PasswordReusePrevention"));
    }
    return b.build();
  }

  /** The context entry: AccountId followed by every field. */
  static Map<String, Object> contextEntry(String accountId, Map<String, Object> policy) {
    var m = new LinkedHashMap<String, Object>();
    m.put("AccountId", accountId);
    m.putAll(policy);
    return m;
  }

  static Table emptyTable(String title) {
    var columns = new java.util.ArrayList<String>();
    columns.add("AccountId");
    columns.addAll(FIELDS);
    return new Table(title, columns, List.of(), null);
  }

  static Table withRow(Table t, String accountId, Map<String, Object> policy) {
    var row = new Object[FIELDS.size() + 1];
    row[0] = accountId;
    for (int i = 0; i < FIELDS.size(); i++) {
      row[i + 1] = policy.get(FIELDS.get(i));
    }
    return t.row(row);
  }

  private static void putIfSet(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
