package io.rolecall.commands.identitycenter;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.ArgType;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Targeting;
import java.util.regex.Pattern;

/**
 * The arguments Identity Center commands share, declared once with the forms the Identity Store accepts (so bad
 * input is refused before any call), and the spec builder every one of these commands starts from.
 */
final class IdentityCenterArgs {
  private IdentityCenterArgs() {}

  static final String INTEGRATION = "AWS - IAM Identity Center";
  static final String CONTEXT = "AWS.IAMIdentityCenter";

  static final String STORE_ID = "IdentityStoreId";
  /**
   * An identity store id: 1 to 36 letters, digits and dashes (AWS's are d- and 10 hex digits, or a UUID; an emulator
   * may make others, so the service judges the rest), alone or in the ARN form AWS also accepts.
   */
  static final String STORE_ID_REGEX = "(arn:aws[a-z-]*:identitystore::\\d{12}:identitystore/)?[A-Za-z0-9-]{1,36}";
  static final String STORE_ID_FORM = "an identity store id (1 to 36 letters, digits and dashes, e.g. d-1234567890) or"
      + " its ARN (arn:aws:identitystore::123456789012:identitystore/d-1234567890)";
  /** The Identity Store's ResourceId: a UUID, optionally prefixed by the store's 10 digits and a dash. */
  static final String RESOURCE_ID_REGEX =
      "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}";

  /** User names: no white space, 1 to 128 characters (the Identity Store's UserName pattern). */
  private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");
  /** Display names, given and family names, descriptions: printable text with spaces, up to 1024 characters. */
  private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \\u00a0\\u3000]+");
  static final String USER_NAME_FORM = "a user name: 1 to 128 letters, digits, symbols or punctuation, without spaces";
  static final String TEXT_FORM = "1 to 1024 characters of text, not only spaces";

  static final ArgSpec IDENTITY_STORE_ID = ArgSpec.matching(STORE_ID, STORE_ID_REGEX, STORE_ID_FORM,
      "Identity store to act on; default: --identity-store-id, else the one sso-admin ListInstances finds.");
  static final ArgSpec LIMIT = ArgSpec.integer("limit", 1, 100,
      "Page size (" + Paging.MAX_PAGE + " with all=true unless given).").withDefault(String.valueOf(Paging.DEFAULT_PAGE));
  static final ArgSpec NEXT_TOKEN = ArgSpec.matching("nextToken", "[-a-zA-Z0-9+=/:_]{1,65535}",
      "a token from a previous page's *NextToken output", "Continue a listing from this token.");
  static final ArgSpec ALL = ArgSpec.bool("all", "Follow every page instead of returning one.").withDefault("false");

  static ArgSpec userName(String description) {
    return new ArgSpec("userName", new ArgType.Text(USER_NAME, USER_NAME_FORM, 1, 128), false, null, description);
  }

  static ArgSpec text(String name, String description) {
    return new ArgSpec(name, new ArgType.Text(TEXT, TEXT_FORM, 1, 1024), false, null, description);
  }

  /** The group's display name, as upstream spells it in each command: groupName and displayName are the same. */
  static CommandSpec.Builder groupNameArgs(CommandSpec.Builder b, String what) {
    return b.arg(text("groupName", "The display name of the group " + what + "."))
        .arg(text("displayName", "The display name of the group " + what + " (the same as groupName; give one)."));
  }

  /** A command of this integration: runs as the instance's identity, takes IdentityStoreId. */
  static CommandSpec.Builder command(String name, String description) {
    return CommandSpec.builder(name).integration(INTEGRATION).targeting(Targeting.INSTANCE).description(description);
  }

  /** The arguments every list command ends with: IdentityStoreId, limit, nextToken, all. */
  static CommandSpec.Builder listArgs(CommandSpec.Builder b) {
    return b.arg(IDENTITY_STORE_ID).arg(LIMIT).arg(NEXT_TOKEN).arg(ALL);
  }
}
