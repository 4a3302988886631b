package io.rolecall.commands.remediation;

import io.rolecall.CommandFailedException;
import io.rolecall.aws.AwsErrors;
import io.rolecall.command.ArgSpec;
import io.rolecall.command.Command;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Table;
import io.rolecall.command.Write;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * aws-iam-access-key-update: sets an access key Active or Inactive (deactivating a key that should not be used is
 * reversible, unlike deleting it), reading its status before and after with ListAccessKeys. Only the key id is ever
 * shown; IAM never returns the secret here.
 */
public final class AccessKeyUpdate implements Command {
  static final String CONTEXT = "AWS.IAM.AccessKeys";

  private static final CommandSpec SPEC = CommandSpec.builder("aws-iam-access-key-update")
      .description("Set an IAM user's access key Active or Inactive (status=Inactive stops it signing requests,"
          + " reversibly). The status before and after is read back with ListAccessKeys. Without user_name, the key"
          + " must belong to the user whose credentials rolecall uses.")
      .arg(ArgSpec.matching("access_key_id", "(AKIA|ASIA)[A-Z0-9]{16}",
          "an access key id: AKIA or ASIA and 16 uppercase letters or digits", "The access key.").mandatory())
      .arg(ArgSpec.choice("status", List.of("Active", "Inactive"), "The status to give the key.").mandatory())
      .arg(ArgSpec.matching("user_name", "[\\w+=,.@-]{1,64}", "an IAM user name (1 to 64 of letters, digits and"
          + " +=,.@_-)", "The user the key belongs to."))
      .changes("status")
      .output(CONTEXT + ".AccessKeyId", "string", "The access key.")
      .output(CONTEXT + ".UserName", "string", "Its user.")
      .output(CONTEXT + ".Status", "string", "Active or Inactive, after the change.")
      .output(CONTEXT + ".AccountId", "string", "The account of the user.")
      .permissions("iam:ListAccessKeys", "iam:UpdateAccessKey")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    var args = ctx.args();
    String keyId = args.string("access_key_id");
    String user = args.has("user_name") ? args.string("user_name") : null;
    String where = " in account " + ctx.accountId();
    IamClient iam = ctx.session().iam();
    var key = read(iam, keyId, user, where);
    String owner = key.get("UserName");
    var before = Map.<String, Object>of("Status", key.get("Status"));
    var requested = Map.<String, Object>of("Status", args.string("status"));
    boolean changed = !requested.equals(before);
    Map<String, Object> after = requested;
    List<String> warnings = List.of();
    if (changed && !ctx.dryRun()) {
      String arn = "arn:aws:iam::" + ctx.accountId() + ":user/" + owner;
      var done = Write.of(ctx, arn + " access key " + keyId, before, requested).run(() -> update(iam, keyId, owner,
          args.string("status"), where), () -> Map.of("Status", read(iam, keyId, owner, where).get("Status")));
      after = done.readBack() ? done.afterMap() : requested;
      warnings = done.warnings();
    }
    var contents = Changes.contents(ctx.accountId(), null, ctx.dryRun(), changed);
    contents.remove("Region");
    contents.put("AccessKeyId", keyId);
    contents.put("UserName", owner);
    contents.put("Before", before);
    contents.put("After", after);
    var entry = new LinkedHashMap<String, Object>();
    entry.put("AccessKeyId", keyId);
    entry.put("UserName", owner);
    entry.put("Status", after.get("Status"));
    entry.put("AccountId", ctx.accountId());
    var table = new Table(Changes.title("AWS IAM access key", ctx.dryRun()), List.of("AccountId", "UserName",
        "AccessKeyId", "Status", "Result"), List.of(), null).row(ctx.accountId(), owner, keyId,
        Changes.cell(before.get("Status"), after.get("Status")), Changes.result(ctx.dryRun(), changed));
    return CommandResult.of(contents, ctx.dryRun() ? Map.of() : Map.of(CONTEXT, entry), table).withWarnings(warnings);
  }

  /** The key's user and status, from ListAccessKeys (of {@code user}, or of the caller when null). */
  private static Map<String, String> read(IamClient iam, String keyId, String user, String where) {
    try {
      for (var page : iam.listAccessKeysPaginator(r -> r.userName(user))) {
        for (var k : page.accessKeyMetadata()) {
          if (keyId.equals(k.accessKeyId())) {
            return Map.of("UserName", k.userName(), "Status", k.statusAsString());
          }
        }
      }
    } catch (SdkException e) {
      throw AwsErrors.callFailed("iam:ListAccessKeys" + (user == null ? "" : " for " + user) + where, e);
    }
    throw new CommandFailedException("access key " + keyId + " not found" + (user == null ? "" : " for user " + user)
        + where);
  }

  private static void update(IamClient iam, String keyId, String user, String status, String where) {
    try {
      iam.updateAccessKey(r -> r.accessKeyId(keyId).userName(user).status(status));
    } catch (SdkException e) {
      throw AwsErrors.callFailed("iam:UpdateAccessKey for " + keyId + where, e);
    }
  }
}
