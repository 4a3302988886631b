package io.rolecall.commands.identitycenter;

import io.rolecall.CommandFailedException;
import io.rolecall.UsageException;
import io.rolecall.aws.AwsErrors;
import io.rolecall.command.CommandContext;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;

/**
 * Which identity store a command acts on (SPEC §1): the {@code IdentityStoreId} argument, else the instance's
 * {@code --identity-store-id}, else the one instance SSO Admin ListInstances finds for this identity and region.
 * A discovery is remembered for the life of the process, per SSO Admin client: clients are cached per identity,
 * region and endpoint, so that is exactly "per identity and region", and an engine serving many commands asks once.
 */
final class IdentityStores {
  private IdentityStores() {}

  private static final Pattern STORE_ID = Pattern.compile(IdentityCenterArgs.STORE_ID_REGEX);
  /** Weak keys: when the process's clients are closed and dropped, so are their discoveries. */
  private static final Map<SsoAdminClient, String> DISCOVERED = Collections.synchronizedMap(new WeakHashMap<>());

  static String resolve(CommandContext ctx) {
    if (ctx.args().has(IdentityCenterArgs.STORE_ID)) {
      return bare(ctx.args().string(IdentityCenterArgs.STORE_ID));
    }
    String configured = ctx.session().settings().identityStoreId();
    if (configured != null) {
      if (!STORE_ID.matcher(configured).matches()) {
        throw new UsageException("identity-store-id: expected " + IdentityCenterArgs.STORE_ID_FORM + ", got '"
            + configured + "'");
      }
      return bare(configured);
    }
    SsoAdminClient sso = ctx.session().ssoAdmin();
    String known = DISCOVERED.get(sso);
    if (known != null) {
      return known;
    }
    String discovered = discover(sso, ctx.region());
    DISCOVERED.put(sso, discovered);
    return discovered;
  }

  /** The store id of an identity store ARN (what every Identity Store call takes), or the id as given. */
  static String bare(String storeId) {
    return storeId.startsWith("arn:") ? storeId.substring(storeId.lastIndexOf('/') + 1) : storeId;
  }

  private static String discover(SsoAdminClient sso, String region) {
    List<InstanceMetadata> instances;
    try {
      instances = sso.listInstancesPaginator(r -> { }).instances().stream().toList();
    } catch (SdkException e) {
      throw AwsErrors.callFailed("sso:ListInstances in region " + region + " (discovering the identity store;"
          + " --identity-store-id skips this)", e);
    }
    if (instances.isEmpty()) {
      throw new CommandFailedException("no IAM Identity Center instance is visible in region " + region
          + " (sso:ListInstances found none): use the region of your Identity Center instance, or give"
          + " --identity-store-id or IdentityStoreId=");
    }
    if (instances.size() > 1) {
      throw new UsageException("several IAM Identity Center instances are visible in region " + region + ": "
          + String.join(", ", instances.stream().map(i -> i.identityStoreId() + " (" + i.instanceArn()
              + (i.name() == null ? "" : ", " + i.name()) + ")").toList())
          + "; choose one with --identity-store-id or IdentityStoreId=");
    }
    return instances.getFirst().identityStoreId();
  }
}
