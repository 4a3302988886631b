package io.rolecall.commands.identitycenter;

import static io.rolecall.commands.identitycenter.IdentityCenterArgs.CONTEXT;

import io.rolecall.CommandFailedException;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.Arguments;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Write;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;

/**
 * aws-iam-identitycenter-update-user: changes the attributes given, leaves the others as they are (UpdateUser's
 * attribute operations), and shows the user as read back after the update. A dry run shows the operations it would
 * send.
 */
public final class UserUpdate implements Command {
  /** Argument name, the attribute path UpdateUser takes for it. */
  private static final Map<String, String> PATHS = orderedPaths();

  private static final CommandSpec SPEC = UserOutputs.add(IdentityCenterArgs.command("aws-iam-identitycenter-update-user",
          "Update an IAM Identity Center user's attributes; those not given keep their value.")
      .arg(IdentityCenterArgs.userName("The user name of the user to update.").mandatory())
      .arg(IdentityCenterArgs.text("familyName", "New family name."))
      .arg(IdentityCenterArgs.text("givenName", "New given (first) name."))
      .arg(ArgSpec.email("userEmailAddress", "New email address (replaces the current one)."))
      .arg(ArgSpec.bool("userEmailAddressPrimary", "Whether the email address is the user's primary one."))
      .arg(IdentityCenterArgs.text("displayName", "New display name."))
      .arg(IdentityCenterArgs.text("profileUrl", "New profile URL."))
      .arg(IdentityCenterArgs.text("userType", "New user type."))
      .arg(IdentityCenterArgs.text("title", "New title."))
      .arg(IdentityCenterArgs.IDENTITY_STORE_ID)
      .changes(changeArgs()))
      .permissions("identitystore:GetUserId", "identitystore:DescribeUser", "identitystore:UpdateUser",
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
    var dir = Directory.open(ctx);
    String userId = dir.userId(userName);
    var before = Identities.user(dir.describeUser(userId));
    var operations = operations(a, before, userName);
    String resource = "identitystore/" + dir.storeId() + " user " + userName;

    if (ctx.dryRun()) {
      var planned = new ArrayList<Map<String, Object>>();
      for (var op : operations) {
        var m = new LinkedHashMap<String, Object>();
        m.put("AttributePath", op.attributePath());
        m.put("AttributeValue", op.attributeValue().unwrap());
        planned.add(m);
      }
      var table = IdentityTables.users("AWS IAM Identity Center user (dry run, current)", List.of(before))
          .withNote("Dry run: would update " + String.join(", ", planned.stream()
              .map(m -> String.valueOf(m.get("AttributePath"))).toList()) + " of user '" + userName + "'; nothing was"
              + " written.");
      var contents = new LinkedHashMap<String, Object>();
      contents.put("User", before);
      contents.put("Operations", planned);
      return CommandResult.of(contents, Map.of(), table);
    }

    var done = Write.of(ctx, resource, before, requested(before, operations)).ignoring(UserCreate.ASSIGNED)
        .run(() -> dir.call("UpdateUser", () -> dir.client().updateUser(r -> r.identityStoreId(dir.storeId())
            .userId(userId).operations(operations))), () -> dir.userOrNull(userId));
    Map<String, Object> after = done.readBack() ? done.afterMap() : before;
    return CommandResult.of(after, Map.of(CONTEXT + ".User", after),
            IdentityTables.users("AWS IAM Identity Center user updated", List.of(after)))
        .withWarnings(done.warnings());
  }

  /** The user as it should be after the operations: the current entry with each attribute given laid over it. */
  private static Map<String, Object> requested(Map<String, Object> current, List<AttributeOperation> ops) {
    var user = new LinkedHashMap<String, Object>(current);
    for (var op : ops) {
      String path = op.attributePath();
      switch (path) {
        case "name.familyName", "name.givenName" -> {
          @SuppressWarnings("unchecked")
          var name = new LinkedHashMap<String, Object>((Map<String, Object>) user.getOrDefault("Name", Map.of()));
          name.put(path.equals("name.familyName") ? "FamilyName" : "GivenName", op.attributeValue().asString());
          user.put("Name", name);
        }
        case "emails" -> {
          var email = op.attributeValue().asList().getFirst().asMap();
          var entry = new LinkedHashMap<String, Object>();
          entry.put("Value", email.get("value").asString());
          entry.put("Primary", email.get("primary").asBoolean());
          user.put("Emails", List.of(entry));
        }
        default -> user.put(Character.toUpperCase(path.charAt(0)) + path.substring(1), op.attributeValue().asString());
      }
    }
    return user;
  }

  private static String[] changeArgs() {
    var names = new ArrayList<>(PATHS.keySet());
    names.add("userEmailAddress");
    names.add("userEmailAddressPrimary");
    return names.toArray(String[]::new);
  }

  private static List<AttributeOperation> operations(Arguments a, Map<String, Object> current, String userName) {
    var ops = new ArrayList<AttributeOperation>();
    PATHS.forEach((arg, path) -> {
      if (a.has(arg)) {
        ops.add(AttributeOperation.builder().attributePath(path).attributeValue(Document.fromString(a.string(arg)))
            .build());
      }
    });
    if (a.has("userEmailAddress") || a.has("userEmailAddressPrimary")) {
      var currentEmails = Identities.emails(current);
      String email = a.has("userEmailAddress") ? a.string("userEmailAddress")
          : currentEmails.isEmpty() ? null : currentEmails.getFirst();
      if (email == null) {
        throw new CommandFailedException("User '" + userName + "' has no email address to mark primary or not;"
            + " give userEmailAddress too");
      }
      boolean primary = a.has("userEmailAddressPrimary") ? a.bool("userEmailAddressPrimary") : true;
      ops.add(AttributeOperation.builder().attributePath("emails").attributeValue(Document.listBuilder()
          .addDocument(Document.mapBuilder().putString("value", email).putBoolean("primary", primary).build())
          .build()).build());
    }
    return ops;
  }

  private static Map<String, String> orderedPaths() {
    var m = new LinkedHashMap<String, String>();
    m.put("familyName", "name.familyName");
    m.put("givenName", "name.givenName");
    m.put("displayName", "displayName");
    m.put("profileUrl", "profileUrl");
    m.put("userType", "userType");
    m.put("title", "title");
    return m;
  }
}
