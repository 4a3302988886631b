package io.rolecall.inventory;

import io.rolecall.inventory.Finding.Rule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fix of every rule's findings. A switch without a default, so a new rule does not compile until it names its
 * fix (or says why it has none).
 */
public final class Fixes {
  private Fixes() {}

  public static Fix of(Finding f) {
    return switch (f.rule()) {
      case ROOT_WITHOUT_MFA -> Fix.none("only the root user can enrol an MFA device for itself (sign in as root,"
          + " Security credentials)");
      case ROOT_ACCESS_KEYS -> Fix.none("only the root user can delete the root user's access keys");
      case CONSOLE_USER_WITHOUT_MFA -> Fix.none("the user must enrol their own MFA device; or remove the console"
          + " password with aws-iam-login-profile-delete if the user needs none");
      case ACCESS_KEY_OLD, ACCESS_KEY_UNUSED -> deactivateKey(f);
      case TWO_ACTIVE_KEYS -> Fix.none("which of the two keys is still in use is the owner's call");
      case ADMIN_POLICY -> Fix.none("removing administrator access can break the workloads that use it; review"
          + " who needs it");
      case CROSS_ACCOUNT_TRUST, PUBLIC_TRUST -> Fix.none("a trust policy change needs the trusted party's new"
          + " condition (sts:ExternalId) agreed first");
      case WEAK_PASSWORD_POLICY -> Fix.run("aws-iam-account-password-policy-update", args(f.accountId(),
          "minimum_password_length", String.valueOf(Findings.MIN_PASSWORD_LENGTH),
          "password_reuse_prevention", String.valueOf(Findings.MIN_REUSE_PREVENTION),
          "require_uppercase_characters", "true", "require_lowercase_characters", "true",
          "require_numbers", "true", "require_symbols", "true"));
      case EXTERNAL_PRINCIPAL_ADMIN, ESCALATION_TO_ADMIN, USER_WITHOUT_MFA_ADMIN, IDENTITY_CENTER_BROAD_ADMIN,
          ROLE_CHAIN_ADMIN, ADMIN_PERMISSION_SET_TO_USER -> Fix.none("an access path spans several principals and"
          + " accounts; `rolecall access` shows each hop to decide which to cut");
      case PUBLIC_BUCKET, BUCKET_WITHOUT_PUBLIC_ACCESS_BLOCK, PUBLIC_RDS_INSTANCE, PUBLIC_RDS_SNAPSHOT,
          TRAIL_NOT_LOGGING, NO_MULTI_REGION_TRAIL, KMS_KEY_WITHOUT_ROTATION -> AssetRules.fix(f);
    };
  }

  /** Access-key findings name their key as "AKIA... (user NAME)". */
  private static Fix deactivateKey(Finding f) {
    var m = java.util.regex.Pattern.compile("(\\S+) \\(user (.+)\\)").matcher(f.principal());
    if (!m.matches()) {
      return Fix.none("the finding does not name its key and user");
    }
    return Fix.run("aws-iam-access-key-update", args(f.accountId(), "user_name", m.group(2), "access_key_id",
        m.group(1), "status", "Inactive"));
  }

  /** {@code account_id} first, then the name/value pairs given. */
  static Map<String, String> args(String accountId, String... pairs) {
    var m = new LinkedHashMap<String, String>();
    m.put("account_id", accountId);
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
