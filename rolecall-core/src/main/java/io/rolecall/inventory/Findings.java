package io.rolecall.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.rolecall.inventory.Finding.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Identity risks in one account's IAM data (SPEC §2.3), judged by {@link TrackedFindings} whenever that data is
 * collected again. Thresholds, with their source:
 * <ul>
 *   <li>access keys: active and created more than {@value #KEY_MAX_AGE_DAYS} days ago (CIS AWS Foundations 1.14:
 *       rotate every 90 days); active and unused for {@value #KEY_UNUSED_DAYS}+ days, counting from creation when
 *       never used (CIS 1.12: disable credentials unused for 45 days), and again, more seriously, once unused
 *       for {@value #KEY_LONG_UNUSED_DAYS}+ days;</li>
 *   <li>password policy: weak when absent (IAM's default: 8 characters, nothing else), shorter than
 *       {@value #MIN_PASSWORD_LENGTH} (CIS 1.8), remembering fewer than {@value #MIN_REUSE_PREVENTION} passwords
 *       (CIS 1.9), or not requiring all four character classes (upper, lower, digit, symbol);</li>
 *   <li>admin: a policy statement allowing Action "*" (or "*:*") on Resource "*", attached to a user, group or
 *       role as a managed policy (local or AWS's AdministratorAccess) or inline;</li>
 *   <li>trust: an Allow naming Principal "*" (or AWS "*"); or an AWS principal of another account without a
 *       condition on sts:ExternalId or aws:MultiFactorAuthPresent = true.</li>
 * </ul>
 * Facts the sync could not learn (no credential report) are unknown, and unknown raises no finding.
 */
public final class Findings {
  static final int KEY_MAX_AGE_DAYS = 90;
  static final int KEY_UNUSED_DAYS = 45;
  static final int KEY_LONG_UNUSED_DAYS = 90;
  static final int MIN_PASSWORD_LENGTH = 14;
  static final int MIN_REUSE_PREVENTION = 24;
  static final String AWS_ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

  private Findings() {}

  /** The findings for one account's items, judged as of {@code now} (the snapshot's time). */
  public static List<Finding> evaluate(String accountId, List<Item> items, Instant now) {
    var out = new ArrayList<Finding>();
    Set<String> adminPolicies = new HashSet<>(Set.of(AWS_ADMIN));
    Map<String, Integer> activeKeys = new HashMap<>();
    for (Item i : items) {
      if ((i.kind() == Kind.LOCAL_POLICY || i.kind() == Kind.AWS_POLICY) && PolicyAnalysis.grantsAdmin(i.data().get("document"))) {
        adminPolicies.add(i.id());
      }
    }
    for (Item i : items) {
      JsonNode d = i.data();
      switch (i.kind()) {
        case ACCOUNT -> account(accountId, d, out);
        case USER -> {
          if (d.path("passwordEnabled").asBoolean(false) && d.has("mfaActive") && !d.get("mfaActive").asBoolean()) {
            out.add(new Finding(accountId, i.id(), Rule.CONSOLE_USER_WITHOUT_MFA,
                "console password enabled, no MFA device active"));
          }
          admin(accountId, i, adminPolicies, out);
        }
        case GROUP -> admin(accountId, i, adminPolicies, out);
        case ROLE -> {
          admin(accountId, i, adminPolicies, out);
          trust(accountId, i, out);
        }
        case ACCESS_KEY -> {
          if ("Active".equals(d.path("status").asText())) {
            activeKeys.merge(d.path("userName").asText(), 1, Integer::sum);
            key(accountId, i, now, out);
          }
        }
        default -> { }
      }
    }
    activeKeys.forEach((user, n) -> {
      if (n >= 2) {
        out.add(new Finding(accountId, userArn(items, user), Rule.TWO_ACTIVE_KEYS, n + " active access keys"));
      }
    });
    out.sort(Comparator.comparing((Finding f) -> f.rule().severity()).thenComparing(f -> f.rule().id())
        .thenComparing(Finding::principal));
    return out;
  }

  private static void account(String accountId, JsonNode d, List<Finding> out) {
    String root = "arn:aws:iam::" + accountId + ":root";
    if (d.has("rootMfaActive") && !d.get("rootMfaActive").asBoolean()) {
      out.add(new Finding(accountId, root, Rule.ROOT_WITHOUT_MFA, "the root user has no MFA device"));
    }
    if (d.path("rootActiveAccessKeys").asInt(0) > 0) {
      out.add(new Finding(accountId, root, Rule.ROOT_ACCESS_KEYS,
          "the root user has " + d.get("rootActiveAccessKeys").asInt() + " active access key(s)"));
    }
    var weak = passwordPolicyWeaknesses(d.get("passwordPolicy"));
    if (!weak.isEmpty()) {
      out.add(new Finding(accountId, "account " + accountId, Rule.WEAK_PASSWORD_POLICY, String.join("; ", weak)));
    }
  }

  /** What is weak about a password policy (empty: strong enough). */
  static List<String> passwordPolicyWeaknesses(JsonNode p) {
    var weak = new ArrayList<String>();
    if (p == null || p.isNull()) {
      weak.add("no password policy set (IAM's default: 8 characters, no other requirement)");
      return weak;
    }
    int length = p.path("minimumPasswordLength").asInt(0);
    if (length < MIN_PASSWORD_LENGTH) {
      weak.add("minimum length " + length + " < " + MIN_PASSWORD_LENGTH);
    }
    int reuse = p.path("passwordReusePrevention").asInt(0);
    if (reuse < MIN_REUSE_PREVENTION) {
      weak.add(reuse == 0 ? "password reuse not prevented" : "remembers " + reuse + " passwords < " + MIN_REUSE_PREVENTION);
    }
    var missing = new ArrayList<String>();
    for (var c : List.of("Uppercase", "Lowercase", "Numbers", "Symbols")) {
      String field = c.equals("Numbers") || c.equals("Symbols") ? "require" + c : "require" + c + "Characters";
      if (!p.path(field).asBoolean(false)) {
        missing.add(c.toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (!missing.isEmpty()) {
      weak.add("does not require " + String.join(", ", missing));
    }
    return weak;
  }

  private static void admin(String accountId, Item i, Set<String> adminPolicies, List<Finding> out) {
    for (JsonNode p : i.data().path("attachedPolicies")) {
      String arn = p.path("policyArn").asText();
      if (adminPolicies.contains(arn)) {
        out.add(new Finding(accountId, i.id(), Rule.ADMIN_POLICY, "attached " + p.path("policyName").asText() + " ("
            + arn + ") allows *:* on *"));
      }
    }
    for (JsonNode p : i.data().path("inlinePolicies")) {
      if (PolicyAnalysis.grantsAdmin(p.get("document"))) {
        out.add(new Finding(accountId, i.id(), Rule.ADMIN_POLICY, "inline policy '" + p.path("policyName").asText()
            + "' allows *:* on *"));
      }
    }
  }

  private static void trust(String accountId, Item role, List<Finding> out) {
    for (var t : PolicyAnalysis.trustees(role.data().get("trustPolicy"))) {
      if (t.everyone()) {
        out.add(new Finding(accountId, role.id(), Rule.PUBLIC_TRUST, "trust policy allows Principal \"*\""
            + (t.guarded() ? " (with an ExternalId or MFA condition)" : "")));
      } else if (t.accountId() != null && !t.accountId().equals(accountId) && !t.guarded()) {
        out.add(new Finding(accountId, role.id(), Rule.CROSS_ACCOUNT_TRUST, "trusts " + t.principal() + " (account "
            + t.accountId() + ") without an sts:ExternalId or MFA condition"));
      }
    }
  }

  private static void key(String accountId, Item key, Instant now, List<Finding> out) {
    JsonNode d = key.data();
    Instant created = Instant.parse(d.path("createDate").asText());
    String who = d.path("userName").asText();
    long age = Duration.between(created, now).toDays();
    if (age > KEY_MAX_AGE_DAYS) {
      out.add(new Finding(accountId, key.id() + " (user " + who + ")", Rule.ACCESS_KEY_OLD,
          "created " + created + ", " + age + " days ago"));
    }
    Instant lastUsed = d.hasNonNull("lastUsedDate") ? Instant.parse(d.get("lastUsedDate").asText()) : null;
    long idle = Duration.between(lastUsed != null ? lastUsed : created, now).toDays();
    if (idle >= KEY_UNUSED_DAYS) {
      out.add(new Finding(accountId, key.id() + " (user " + who + ")", Rule.ACCESS_KEY_UNUSED, lastUsed != null
          ? "last used " + lastUsed + ", " + idle + " days ago" : "never used; created " + idle + " days ago"));
    }
    if (idle >= KEY_LONG_UNUSED_DAYS) {
      out.add(new Finding(accountId, key.id() + " (user " + who + ")", Rule.ACCESS_KEY_UNUSED_90, lastUsed != null
          ? "active, last used " + idle + " days ago" : "active, never used in the " + idle + " days since creation"));
    }
  }

  private static String userArn(List<Item> items, String userName) {
    return items.stream().filter(i -> i.kind() == Kind.USER && userName.equals(i.name())).map(Item::id).findFirst()
        .orElse(userName);
  }
}
