package io.rolecall.sandbox.service.ssoadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rolecall.sandbox.Account;
import io.rolecall.sandbox.Ids;
import io.rolecall.sandbox.protocol.Json;
import io.rolecall.sandbox.service.iam.ReservedRole;
import io.rolecall.sandbox.service.iam.ReservedRoles;
import io.rolecall.sandbox.service.iam.SamlProviders;
import io.rolecall.sandbox.service.identitystore.IdentityCenterInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What provisioning a permission set does in an account, as Identity Center does it: the account gets the instance's
 * SAML provider {@code AWSSSO_<16 hex>_DO_NOT_DELETE} and the role {@code AWSReservedSSO_<set name>_<16 hex>} under
 * {@code /aws-reserved/sso.amazonaws.com/} (plus the instance's region outside us-east-1), trusting that provider for
 * {@code sts:AssumeRoleWithSAML} and {@code sts:TagSession}. Suffixes derive from the instance, account and set, so
 * they repeat run to run.
 */
public final class ReservedRoleProvisioner {
  public static final String ROLE_PREFIX = "AWSReservedSSO_";
  public static final String PATH = "/aws-reserved/sso.amazonaws.com/";
  public static final String INLINE_POLICY_NAME = "AwsSSOInlinePolicy";
  public static final String SAML_AUDIENCE = "https://signin.aws.amazon.com/saml";

  private ReservedRoleProvisioner() {}

  public static String roleName(IdentityCenterInstance instance, String accountId, PermissionSet set) {
    return ROLE_PREFIX + set.name() + "_" + Ids.stableHex(16, instance.instanceArn(), accountId, set.arn());
  }

  public static String rolePath(IdentityCenterInstance instance) {
    return instance.region().equals("us-east-1") ? PATH : PATH + instance.region() + "/";
  }

  /** The same name in every account of the instance's organization. */
  public static String samlProviderName(IdentityCenterInstance instance) {
    return "AWSSSO_" + Ids.stableHex(16, instance.instanceArn()) + "_DO_NOT_DELETE";
  }

  /**
   * Creates or updates the account's reserved role for {@code set} at this version; empty on success, else the
   * failure reason (a customer-managed policy or boundary the account lacks), with nothing written.
   */
  static Optional<String> provision(IdentityCenterInstance instance, PermissionSet set, Account account) {
    var managed = new ArrayList<>(set.managedPolicies());
    set.customerPolicies().forEach(ref -> managed.add(ref.arn(account.id())));
    String providerArn = "arn:aws:iam::" + account.id() + ":saml-provider/" + samlProviderName(instance);
    var role = new ReservedRole(roleName(instance, account.id(), set), rolePath(instance), trustPolicy(providerArn),
        set.sessionSeconds(), managed, INLINE_POLICY_NAME, set.inlinePolicy(),
        set.boundary() == null ? null : set.boundary().arn(account.id()));
    var missing = ReservedRoles.missingPolicy(account, role);
    if (missing.isPresent()) {
      return Optional.of("Received a 404 status error: Not supported policy " + missing.get() + ".");
    }
    SamlProviders.of(account).ensure(samlProviderName(instance), () -> SamlMetadata.of(instance));
    ReservedRoles.put(account, role);
    return Optional.empty();
  }

  /** Removes the account's reserved role for {@code set}; the SAML provider stays, as its name asks. */
  static void deprovision(IdentityCenterInstance instance, PermissionSet set, Account account) {
    ReservedRoles.remove(account, roleName(instance, account.id(), set));
  }

  /** The trust policy, with its keys in the order IAM shows them. */
  static String trustPolicy(String samlProviderArn) {
    var statement = new LinkedHashMap<String, Object>();
    statement.put("Effect", "Allow");
    statement.put("Principal", Map.of("Federated", samlProviderArn));
    statement.put("Action", List.of("sts:AssumeRoleWithSAML", "sts:TagSession"));
    statement.put("Condition", Map.of("StringEquals", Map.of("SAML:aud", SAML_AUDIENCE)));
    var document = new LinkedHashMap<String, Object>();
    document.put("Version", "2012-10-17");
    document.put("Statement", List.of(statement));
    try {
      return Json.MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
