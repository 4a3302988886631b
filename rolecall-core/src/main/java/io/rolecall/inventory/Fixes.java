package io.rolecall.inventory;

import io.rolecall.inventory.Finding.Rule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fix of every rule's findings. A switch without a default, so a new rule does not compile until it names its
 * fix (or says why it has none).
 */
public final class Fixes {
  private static final java.util.regex.Pattern KEY_PRINCIPAL = java.util.regex.Pattern.compile("(\\S+) \\(user (.+)\\)");

  private Fixes() {}

  public static Fix of(Finding f) {
    return switch (f.rule()) {
      case ROOT_WITHOUT_MFA -> Fix.none("only the root user can enrol an MFA device for itself (sign in as root,"
          + " Security credentials)");
      case ROOT_ACCESS_KEYS -> Fix.none("only the root user can delete the root user's access keys");
      case CONSOLE_USER_WITHOUT_MFA -> Fix.none("the user must enrol their own MFA device; or remove the console"
          + " password with aws-iam-login-profile-delete if the user needs none");
      case ACCESS_KEY_OLD, ACCESS_KEY_UNUSED, ACCESS_KEY_UNUSED_90 -> deactivateKey(f);
      case SECURITY_GROUP_ADMIN_PORT_OPEN, SECURITY_GROUP_ALL_PORTS_OPEN -> revokeRule(f);
      case INSTANCE_IMDSV1 -> asset(f, "instance/(i-[0-9a-f]+)").map(a -> Fix.run(
          "aws-ec2-instance-metadata-options-modify", args(f.accountId(), "region", a[0], "instance_id", a[1],
              "http_tokens", "required"))).orElseGet(() -> unnamed("instance"));
      case PUBLIC_SNAPSHOT -> asset(f, "snapshot/(snap-[0-9a-f]+)").map(a -> Fix.run(
          "aws-ec2-snapshot-attribute-modify", args(f.accountId(), "region", a[0], "snapshot_id", a[1],
              "operation_type", "remove", "group", "all"))).orElseGet(() -> unnamed("snapshot"));
      case PUBLIC_IMAGE -> asset(f, "image/(ami-[0-9a-f]+)").map(a -> Fix.run(
          "aws-ec2-image-attribute-modify", args(f.accountId(), "region", a[0], "image_id", a[1],
              "attribute", "launchPermission", "operation_type", "remove", "user_groups", "all")))
          .orElseGet(() -> unnamed("AMI"));
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
    var m = KEY_PRINCIPAL.matcher(f.principal());
    if (!m.matches()) {
      return Fix.none("the finding does not name its key and user");
    }
    return Fix.run("aws-iam-access-key-update", args(f.accountId(), "user_name", m.group(2), "access_key_id",
        m.group(1), "status", "Inactive"));
  }

  private static final java.util.regex.Pattern GROUP_RULE = java.util.regex.Pattern.compile(
      "arn:aws[a-z-]*:ec2:([a-z0-9-]+):\\d*:security-group/(sg-[0-9a-f]+) \\((?:all traffic|(tcp|udp) (\\d+(?:-\\d+)?))"
          + " from (\\S+)\\)");

  /** Security group findings name the group's ARN and the rule: "arn:...:security-group/sg-... (tcp 22 from ::/0)". */
  private static Fix revokeRule(Finding f) {
    var m = GROUP_RULE.matcher(f.principal());
    if (!m.matches()) {
      return Fix.none("the finding does not name its group and rule");
    }
    return Fix.run("aws-ec2-security-group-ingress-revoke", m.group(3) == null
        ? args(f.accountId(), "region", m.group(1), "group_id", m.group(2), "protocol", "-1", "cidr", m.group(5))
        : args(f.accountId(), "region", m.group(1), "group_id", m.group(2), "protocol", m.group(3), "port",
            m.group(4), "cidr", m.group(5)));
  }

  /** The region and the id of an asset finding's ARN ({@code arn:aws:ec2:REGION:ACCOUNT:RESOURCE}). */
  private static java.util.Optional<String[]> asset(Finding f, String resource) {
    var m = java.util.regex.Pattern.compile("arn:aws[a-z-]*:ec2:([a-z0-9-]+):\\d*:" + resource).matcher(f.principal());
    return m.matches() ? java.util.Optional.of(new String[] {m.group(1), m.group(2)}) : java.util.Optional.empty();
  }

  private static Fix unnamed(String what) {
    return Fix.none("the finding does not name its " + what + " and region");
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
