package io.rolecall.commands.identitycenter;

import io.rolecall.CommandFailedException;
import io.rolecall.RolecallException;
import io.rolecall.aws.AwsErrors;
import io.rolecall.command.CommandContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.DescribeGroupResponse;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.identitystore.model.UniqueAttribute;

/**
 * One identity store as a command sees it: lookups through the store's unique attributes (GetUserId on
 * {@code userName} or {@code emails.value}, GetGroupId on {@code displayName}: one call, never a scan), and every
 * call's failure as one line naming the action and the store. A missing user or group says what was looked up.
 */
final class Directory {
  private final IdentitystoreClient client;
  private final String storeId;
  private final String region;
  /** Group names by id, so listing a user's 60 groups describes each group once. */
  private final Map<String, String> groupNames = new HashMap<>();
  private final Map<String, String> userNames = new HashMap<>();

  Directory(IdentitystoreClient client, String storeId, String region) {
    this.client = client;
    this.storeId = storeId;
    this.region = region;
  }

  static Directory open(CommandContext ctx) {
    return new Directory(ctx.session().identityStore(), IdentityStores.resolve(ctx), ctx.region());
  }

  IdentitystoreClient client() {
    return client;
  }

  String storeId() {
    return storeId;
  }

  String userId(String userName) {
    return findUserId(userName).orElseThrow(() -> notFound("User '" + userName + "'"));
  }

  String userIdByEmail(String email) {
    return findUserIdByEmail(email).orElseThrow(() -> notFound("User with the email " + email));
  }

  String groupId(String displayName) {
    return findGroupId(displayName).orElseThrow(() -> notFound("Group '" + displayName + "'"));
  }

  Optional<String> findUserId(String userName) {
    return lookUp("GetUserId", () -> client.getUserId(r -> r.identityStoreId(storeId)
        .alternateIdentifier(unique("userName", userName))).userId());
  }

  Optional<String> findUserIdByEmail(String email) {
    return lookUp("GetUserId", () -> client.getUserId(r -> r.identityStoreId(storeId)
        .alternateIdentifier(unique("emails.value", email))).userId());
  }

  Optional<String> findGroupId(String displayName) {
    return lookUp("GetGroupId", () -> client.getGroupId(r -> r.identityStoreId(storeId)
        .alternateIdentifier(unique("displayName", displayName))).groupId());
  }

  DescribeUserResponse describeUser(String userId) {
    var user = call("DescribeUser", () -> client.describeUser(r -> r.identityStoreId(storeId).userId(userId)));
    userNames.put(userId, user.userName());
    return user;
  }

  DescribeGroupResponse describeGroup(String groupId) {
    var group = call("DescribeGroup", () -> client.describeGroup(r -> r.identityStoreId(storeId).groupId(groupId)));
    groupNames.put(groupId, group.displayName());
    return group;
  }

  String groupName(String groupId) {
    String known = groupNames.get(groupId);
    return known != null ? known : describeGroup(groupId).displayName();
  }

  String userName(String userId) {
    String known = userNames.get(userId);
    return known != null ? known : describeUser(userId).userName();
  }

  /**
   * Runs one Identity Store call. ResourceNotFound becomes {@link NotFound} for the caller to name what it looked
   * for; anything else is a one-line failure naming the action and the store.
   */
  <T> T call(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (ResourceNotFoundException e) {
      if (e.resourceType() == ResourceType.IDENTITY_STORE) {
        // Not the user or group looked for: the store itself is wrong, which a "not found" about them would hide.
        throw new CommandFailedException("identity store " + storeId + " not found in region " + region
            + " for this identity (identitystore:" + action + "): check IdentityStoreId / --identity-store-id and"
            + " the region");
      }
      throw new NotFound(failure(action, e));
    } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
      // An emulator may answer "not found" with a server error: still a not found, so the caller names what.
      if (e.statusCode() >= 500 && looksNotFound(e)) {
        throw new NotFound(failure(action, e));
      }
      throw failure(action, e);
    } catch (SdkException e) {
      throw failure(action, e);
    }
  }

  private static boolean looksNotFound(software.amazon.awssdk.awscore.exception.AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return (code != null && code.contains("NotFound"))
        || (message != null && message.toLowerCase(java.util.Locale.ROOT).matches("(?s).*(not found|does not exist).*"));
  }

  RolecallException failure(String action, SdkException e) {
    return AwsErrors.callFailed("identitystore:" + action + " in identity store " + storeId, e);
  }

  CommandFailedException notFound(String what) {
    return new CommandFailedException(what + " was not found in identity store " + storeId + ".");
  }

  /** The user as a context entry, or null if there is no user with this id (a read back after a write). */
  Map<String, Object> userOrNull(String userId) {
    try {
      return Identities.user(describeUser(userId));
    } catch (NotFound e) {
      return null;
    }
  }

  /** The group as a context entry, or null if there is no group with this id. */
  Map<String, Object> groupOrNull(String groupId) {
    try {
      return Identities.group(describeGroup(groupId));
    } catch (NotFound e) {
      return null;
    }
  }

  /** A uniqueness conflict (the name or membership exists already): what a retried create meets. */
  static boolean isConflict(RuntimeException e) {
    return e.getCause() instanceof ConflictException c && !"CONCURRENT_MODIFICATION".equals(c.reasonAsString());
  }

  /** Not found: what a retried delete meets. */
  static boolean isNotFound(RuntimeException e) {
    return e instanceof NotFound;
  }

  private Optional<String> lookUp(String action, Supplier<String> call) {
    try {
      return Optional.of(call(action, call));
    } catch (NotFound e) {
      return Optional.empty();
    }
  }

  private static AlternateIdentifier unique(String path, String value) {
    return AlternateIdentifier.builder().uniqueAttribute(UniqueAttribute.builder().attributePath(path)
        .attributeValue(Document.fromString(value)).build()).build();
  }

  /** A ResourceNotFound from the store; callers that expect one say what was missing, others report it as is. */
  static final class NotFound extends CommandFailedException {
    NotFound(RolecallException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
