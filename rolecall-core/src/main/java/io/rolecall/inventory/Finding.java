package io.rolecall.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One risk: which account and principal, which rule, how serious, and the evidence for it. */
public record Finding(String accountId, String principal, Rule rule, String evidence) {

  /**
   * The finding's stable id: the same (rule, account, principal) is the same finding from sync to sync, so it can
   * be tracked (first and last seen, resolved), linked to and suppressed.
   */
  public String id() {
    try {
      var digest = MessageDigest.getInstance("SHA-256")
          .digest((rule.id() + "\n" + accountId + "\n" + principal).getBytes(StandardCharsets.UTF_8));
      return "f-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** The command that remediates it, or why there is none. */
  public Fix fix() {
    return Fixes.of(this);
  }

  /** The finding as `inventory findings -o json` and the engine show it. */
  public Map<String, Object> json() {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", id());
    m.put("accountId", accountId);
    m.put("principal", principal);
    m.put("rule", rule.id());
    m.put("severity", rule.severity().id());
    m.put("evidence", evidence);
    m.put("fix", fix().json());
    return m;
  }

  /** Most serious first: the order findings are listed in. */
  public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The rules of SPEC §2.3 (thresholds in {@link Findings}), each judged on one part's data, and those of the access
   * graph (SPEC §2.4).
   */
  public enum Rule {
    ROOT_WITHOUT_MFA("root-without-mfa", Severity.HIGH, Part.IAM),
    ROOT_ACCESS_KEYS("root-access-keys", Severity.HIGH, Part.IAM),
    CONSOLE_USER_WITHOUT_MFA("console-user-without-mfa", Severity.MEDIUM, Part.IAM),
    ACCESS_KEY_OLD("access-key-older-than-90-days", Severity.MEDIUM, Part.IAM),
    ACCESS_KEY_UNUSED("access-key-unused-45-days", Severity.LOW, Part.IAM),
    TWO_ACTIVE_KEYS("two-active-access-keys", Severity.LOW, Part.IAM),
    ADMIN_POLICY("admin-policy-attached", Severity.HIGH, Part.IAM),
    CROSS_ACCOUNT_TRUST("cross-account-trust-without-condition", Severity.MEDIUM, Part.IAM),
    PUBLIC_TRUST("trust-principal-star", Severity.HIGH, Part.IAM),
    WEAK_PASSWORD_POLICY("weak-password-policy", Severity.MEDIUM, Part.IAM),
    ACCESS_KEY_UNUSED_90("access-key-unused-90-days", Severity.MEDIUM, Part.IAM),
    // Asset rules (io.rolecall.inventory.AssetFindings): the principal is the asset's ARN.
    SECURITY_GROUP_ADMIN_PORT_OPEN("security-group-admin-port-open", Severity.HIGH, Part.EC2),
    SECURITY_GROUP_ALL_PORTS_OPEN("security-group-all-ports-open", Severity.HIGH, Part.EC2),
    INSTANCE_IMDSV1("instance-imdsv1", Severity.MEDIUM, Part.EC2),
    PUBLIC_SNAPSHOT("public-ebs-snapshot", Severity.HIGH, Part.SNAPSHOTS),
    PUBLIC_IMAGE("public-ami", Severity.MEDIUM, Part.SNAPSHOTS),
    // From the access graph (io.rolecall.access.GraphFindings), judged over every account at once: no one part.
    EXTERNAL_PRINCIPAL_ADMIN("external-principal-reaches-admin", Severity.CRITICAL, null),
    ESCALATION_TO_ADMIN("privilege-escalation-to-admin", Severity.HIGH, null),
    USER_WITHOUT_MFA_ADMIN("user-without-mfa-reaches-admin", Severity.HIGH, null),
    IDENTITY_CENTER_BROAD_ADMIN("identity-center-admin-in-many-accounts", Severity.MEDIUM, null),
    ROLE_CHAIN_ADMIN("role-chain-reaches-admin", Severity.MEDIUM, null),
    ADMIN_PERMISSION_SET_TO_USER("admin-permission-set-assigned-to-user", Severity.MEDIUM, null),
    // Asset findings of S3, RDS, CloudTrail and KMS (io.rolecall.inventory.AssetRules), the asset's ARN as principal.
    PUBLIC_BUCKET("public-bucket", Severity.HIGH, Part.S3),
    BUCKET_WITHOUT_PUBLIC_ACCESS_BLOCK("bucket-without-public-access-block", Severity.MEDIUM, Part.S3),
    PUBLIC_RDS_INSTANCE("rds-instance-publicly-accessible", Severity.HIGH, Part.RDS),
    PUBLIC_RDS_SNAPSHOT("rds-snapshot-public", Severity.HIGH, Part.RDS),
    TRAIL_NOT_LOGGING("trail-not-logging", Severity.HIGH, Part.TRAILS),
    NO_MULTI_REGION_TRAIL("no-multi-region-trail", Severity.MEDIUM, Part.TRAILS),
    KMS_KEY_WITHOUT_ROTATION("kms-key-rotation-disabled", Severity.MEDIUM, Part.KMS);

    private final String id;
    private final Severity severity;
    private final Part part;

    Rule(String id, Severity severity, Part part) {
      this.id = id;
      this.severity = severity;
      this.part = part;
    }

    public String id() {
      return id;
    }

    public Severity severity() {
      return severity;
    }

    /**
     * The part whose data the rule reads: a finding is re-judged when that part is collected again. Null for the
     * access graph's rules, which read every account's data at once and are re-judged when any of it changes.
     */
    public Part part() {
      return part;
    }

    public boolean fromGraph() {
      return part == null;
    }

    public static java.util.Optional<Rule> ofId(String id) {
      return java.util.Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
  }
}
