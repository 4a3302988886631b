package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.CommandFailedException;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Write;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.identitystore.model.CreateUserRequest;
import software.amazon.awssdk.services.identitystore.model.Email;

/**
 * aws-iam-identitycenter-create-user. Identity Center requires a user name, given and family names and a display
 * name, so all four are required here: refused before any call rather than by the service. The email address is
 * optional (as upstream); when given it must be unique.
 * A dry run checks that the user name and email address are free and shows the user it would create. After the
 * create the user is read back: that is what is shown and journaled. If the create's response was lost and its
 * retry met "Duplicate UserName", the user read back decides whether this run created it.
 */
public final class UserCreate implements Command {
  private static final CommandSpec SPEC = UserOutputs.add(IdentityCenterArgs.command(
          "aws-iam-identitycenter-create-user",
          "Create an IAM Identity Center user. User names and email addresses are unique in the identity store.")
      .arg(IdentityCenterArgs.userName("The user name of the user to create.").mandatory())
      .arg(IdentityCenterArgs.text("familyName", "The user's family name.").mandatory())
      .arg(IdentityCenterArgs.text("givenName", "The user's given (first) name.").mandatory())
      .arg(ArgSpec.email("userEmailAddress", "The user's email address (optional, as upstream; unique when given)."))
      .arg(IdentityCenterArgs.text("displayName", "The name shown for the user, e.g. Ann Lee.").mandatory())
      .arg(ArgSpec.bool("userEmailAddressPrimary", "Whether the email address is the user's primary one.")
          .withDefault("true"))
      .arg(IdentityCenterArgs.text("profileUrl", "URL of the user's profile."))
      .arg(IdentityCenterArgs.text("userType", "Type of user, as your organization uses it."))
      .arg(IdentityCenterArgs.text("title", "The user's title."))
      .arg(IdentityCenterArgs.IDENTITY_STORE_ID)
      .mutating())
      .permissions("identitystore:CreateUser", "identitystore:GetUserId", "identitystore:DescribeUser",
          "sso:ListInstances")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var a = ctx.args();
    String userName = a.string("userName");
    String email = a.string("userEmailAddress");
    var dir = Directory.open(ctx);
    var user = new LinkedHashMap<String, Object>();
    user.put("UserName", userName);
    user.put("DisplayName", a.string("displayName"));
    var name = new LinkedHashMap<String, Object>();
    name.put("FamilyName", a.string("familyName"));
    name.put("GivenName", a.string("givenName"));
    user.put("Name", name);
    if (email != null) {
      var address = new LinkedHashMap<String, Object>();
      address.put("Value", email);
      address.put("Primary", a.bool("userEmailAddressPrimary"));
      user.put("Emails", List.of(address));
    }
    putIfGiven(user, "ProfileUrl", a.string("profileUrl"));
    putIfGiven(user, "UserType", a.string("userType"));
    putIfGiven(user, "Title", a.string("title"));
    String resource = "identitystore/" + dir.storeId() + " user " + userName;

    if (ctx.dryRun()) {
      dir.findUserId(userName).ifPresent(id -> {
        throw new CommandFailedException("User '" + userName + "' already exists in identity store " + dir.storeId()
            + " (user id " + id + ")");
      });
      (email == null ? java.util.Optional.<String>empty() : dir.findUserIdByEmail(email)).ifPresent(id -> {
        throw new CommandFailedException("Email address '" + email + "' is already used by user " + id
            + " in identity store " + dir.storeId());
      });
      var table = IdentityTables.users("AWS IAM Identity Center user (dry run)", List.of(user))
          .withNote("Dry run: would create user '" + userName + "' in identity store " + dir.storeId()
              + "; nothing was written.");
      return CommandResult.of(user, Map.of(), table);
    }

    String[] userId = {null};
    var done = Write.of(ctx, resource, null, user).ignoring(ASSIGNED).settlingRetried(Directory::isConflict)
        .run(() -> userId[0] = dir.call("CreateUser", () -> dir.client().createUser(request(ctx, dir.storeId()))
            .userId()), () -> dir.findUserId(userName).map(dir::userOrNull).orElse(null));
    Map<String, Object> created = done.readBack() ? done.afterMap() : asked(userId[0], user, dir.storeId());
    var table = IdentityTables.users("AWS IAM Identity Center user created", List.of(created));
    return CommandResult.of(created, Map.of(CONTEXT + ".User", created), table).withWarnings(done.warnings());
  }

  /** What the service assigns, absent from what was asked: not compared when a user is read back. */
  static final String[] ASSIGNED = {"UserId", "IdentityStoreId"};

  /** The user as asked for, with the id CreateUser gave: shown when it could not be read back. */
  private static Map<String, Object> asked(String userId, Map<String, Object> user, String storeId) {
    var m = new LinkedHashMap<String, Object>();
    m.put("UserId", userId);
    m.putAll(user);
    m.put("IdentityStoreId", storeId);
    return m;
  }

  private static CreateUserRequest request(CommandContext ctx, String storeId) {
    var a = ctx.args();
    var emails = a.string("userEmailAddress") == null ? List.<Email>of()
        : List.of(Email.builder().value(a.string("userEmailAddress")).primary(a.bool("userEmailAddressPrimary")).build());
    return CreateUserRequest.builder().identityStoreId(storeId)
        .userName(a.string("userName"))
        .displayName(a.string("displayName"))
        .name(n -> n.givenName(a.string("givenName")).familyName(a.string("familyName")))
        .emails(emails.isEmpty() ? null : emails)
        .profileUrl(a.string("profileUrl"))
        .userType(a.string("userType"))
        .title(a.string("title"))
        .build();
  }

  private static void putIfGiven(Map<String, Object> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
