package io.rolecall.inventory;

/** One identity risk: which account and principal, which rule, how serious, and the evidence for it. */
public record Finding(String accountId, String principal, Rule rule, String evidence) {

  /** The finding as `inventory findings -o json` and the engine show it. */
  public java.util.Map<String, Object> json() {
    var m = new java.util.LinkedHashMap<String, Object>();
    m.put("accountId", accountId);
    m.put("principal", principal);
    m.put("rule", rule.id());
    m.put("severity", rule.severity().name().toLowerCase(java.util.Locale.ROOT));
    m.put("evidence", evidence);
    return m;
  }

  public enum Severity { CRITICAL, HIGH, MEDIUM, LOW }

  /** The rules of SPEC §2.3 (thresholds in {@link Findings}) and of the access graph (SPEC §2.4). */
  public enum Rule {
    ROOT_WITHOUT_MFA("root-without-mfa", Severity.HIGH),
    ROOT_ACCESS_KEYS("root-access-keys", Severity.HIGH),
    CONSOLE_USER_WITHOUT_MFA("console-user-without-mfa", Severity.MEDIUM),
    ACCESS_KEY_OLD("access-key-older-than-90-days", Severity.MEDIUM),
    ACCESS_KEY_UNUSED("access-key-unused-45-days", Severity.LOW),
    TWO_ACTIVE_KEYS("two-active-access-keys", Severity.LOW),
    ADMIN_POLICY("admin-policy-attached", Severity.HIGH),
    CROSS_ACCOUNT_TRUST("cross-account-trust-without-condition", Severity.MEDIUM),
    PUBLIC_TRUST("trust-principal-star", Severity.HIGH),
    WEAK_PASSWORD_POLICY("weak-password-policy", Severity.MEDIUM),
    // From the access graph (io.rolecall.access.GraphFindings).
    EXTERNAL_PRINCIPAL_ADMIN("external-principal-reaches-admin", Severity.CRITICAL),
    ESCALATION_TO_ADMIN("privilege-escalation-to-admin", Severity.HIGH),
    USER_WITHOUT_MFA_ADMIN("user-without-mfa-reaches-admin", Severity.HIGH),
    IDENTITY_CENTER_BROAD_ADMIN("identity-center-admin-in-many-accounts", Severity.MEDIUM),
    ROLE_CHAIN_ADMIN("role-chain-reaches-admin", Severity.MEDIUM),
    ADMIN_PERMISSION_SET_TO_USER("admin-permission-set-assigned-to-user", Severity.MEDIUM);

    private final String id;
    private final Severity severity;

    Rule(String id, Severity severity) {
      this.id = id;
      this.severity = severity;
    }

    public String id() {
      return id;
    }

    public Severity severity() {
      return severity;
    }
  }
}
