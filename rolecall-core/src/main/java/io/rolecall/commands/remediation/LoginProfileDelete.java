package io.rolecall.commands.remediation;

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
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * aws-iam-login-profile-delete: removes an IAM user's console password (the user keeps its access keys), after
 * reading that it has one, and reads back that it is gone (GetLoginProfile answering NoSuchEntity).
 */
public final class LoginProfileDelete implements Command {
  static final String CONTEXT = "AWS.IAM.Users";

  private static final CommandSpec SPEC = CommandSpec.builder("aws-iam-login-profile-delete")
      .description("Delete an IAM user's console password (login profile), ending its console sign-in; its access"
          + " keys stay. A user without one is reported as such, not an error.")
      .arg(ArgSpec.matching("user_name", "[\\w+=,.@-]{1,64}", "an IAM user name (1 to 64 of letters, digits and"
          + " +=,.@_-)", "The user.").mandatory())
      .mutating()
      .output(CONTEXT + ".UserName", "string", "The user.")
      .output(CONTEXT + ".AccountId", "string", "The account of the user.")
      .output(CONTEXT + ".LoginProfile", "boolean", "Whether the user still has a console password (false once"
          + " deleted).")
      .permissions("iam:GetLoginProfile", "iam:DeleteLoginProfile")
      .build();

  @Override
  public CommandSpec spec() {
    return SPEC;
  }

  @Override
  public CommandResult run(CommandContext ctx) {
    String user = ctx.args().string("user_name");
    String where = " in account " + ctx.accountId();
    IamClient iam = ctx.session().iam();
    boolean had = exists(iam, user, where);
    boolean now = had;
    List<String> warnings = List.of();
    if (had && !ctx.dryRun()) {
      var done = Write.of(ctx, "arn:aws:iam::" + ctx.accountId() + ":user/" + user + " login profile",
              Map.of("LoginProfile", true), null)
          .settlingRetried(e -> e.getCause() instanceof NoSuchEntityException || e instanceof NoSuchEntityException)
          .run(() -> delete(iam, user, where), () -> exists(iam, user, where) ? Map.of("LoginProfile", true) : null);
      now = done.readBack() ? done.after() != null : false;
      warnings = done.warnings();
    }
    var contents = Changes.contents(ctx.accountId(), null, ctx.dryRun(), had);
    contents.remove("Region");
    contents.put("UserName", user);
    contents.put("Before", Map.of("LoginProfile", had));
    contents.put("After", Map.of("LoginProfile", ctx.dryRun() ? false : now));
    var entry = new LinkedHashMap<String, Object>();
    entry.put("UserName", user);
    entry.put("AccountId", ctx.accountId());
    entry.put("LoginProfile", now);
    var table = new Table(Changes.title("AWS IAM login profile", ctx.dryRun()), List.of("AccountId", "UserName",
        "ConsolePassword", "Result"), List.of(), null).row(ctx.accountId(), user,
        Changes.cell(had ? "yes" : "none", had ? (ctx.dryRun() || !now ? "none" : "yes") : "none"),
        had ? (ctx.dryRun() ? "would delete" : now ? "still there" : "deleted") : "no change needed");
    return CommandResult.of(contents, ctx.dryRun() ? Map.of() : Map.of(CONTEXT, entry), table).withWarnings(warnings);
  }

  private static boolean exists(IamClient iam, String user, String where) {
    try {
      iam.getLoginProfile(r -> r.userName(user));
      return true;
    } catch (NoSuchEntityException e) {
      if (e.getMessage() != null && e.getMessage().contains("user with name")) {
        throw AwsErrors.callFailed("iam:GetLoginProfile for " + user + where, e);
      }
      return false;
    } catch (SdkException e) {
      throw AwsErrors.callFailed("iam:GetLoginProfile for " + user + where, e);
    }
  }

  private static void delete(IamClient iam, String user, String where) {
    try {
      iam.deleteLoginProfile(r -> r.userName(user));
    } catch (SdkException e) {
      throw AwsErrors.callFailed("iam:DeleteLoginProfile for " + user + where, e);
    }
  }
}
