package io.rolecall.commands.remediation;

import io.rolecall.UsageException;
import io.rolecall.aws.AwsErrors;
import io.rolecall.command.Arguments;
import io.rolecall.command.CommandContext;
import io.rolecall.command.CommandResult;
import io.rolecall.command.Table;
import io.rolecall.command.Write;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The shape the S3, RDS, CloudTrail and KMS remediations share: the state before (read), the state asked for, the
 * write (journaled, read back) unless it is a dry run or nothing would change, and the result as contents, a
 * context entry (only when applied) and a one-row table of "before → after" cells.
 */
final class AssetChange {
  /** What came of it: the state after (read back; as asked in a dry run), whether it differed, the warnings. */
  record Outcome(Map<String, Object> before, Map<String, Object> after, boolean changed, List<String> warnings) {}

  private AssetChange() {}

  /**
   * Makes the change from {@code before} to {@code requested} (a null map: the thing is gone or absent) of
   * {@code resource}, unless it is a dry run or they are equal.
   */
  static Outcome apply(CommandContext ctx, String resource, Map<String, Object> before, Map<String, Object> requested,
                       Runnable write, Supplier<Map<String, Object>> readBack) {
    boolean changed = !java.util.Objects.equals(before, requested);
    if (!changed || ctx.dryRun()) {
      return new Outcome(before, requested, changed, List.of());
    }
    var done = Write.of(ctx, resource, before, requested).run(write, readBack::get);
    @SuppressWarnings("unchecked")
    var after = done.readBack() ? (Map<String, Object>) done.after() : requested;
    return new Outcome(before, after, true, done.warnings());
  }

  /** Runs an SDK call, naming it, the resource and the account in the one-line error a failure becomes. */
  static <T> T call(String what, CommandContext ctx, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw AwsErrors.callFailed(what + " in account " + ctx.accountId(), e);
    }
  }

  /**
   * The result: {@code contents} (-o json) are the common fields, {@code Before} and {@code After}; the context
   * entry (under {@code contextKey}) is {@code entry} plus the state after, set only when applied.
   */
  static CommandResult result(CommandContext ctx, String title, String contextKey, Map<String, Object> ids,
                              Outcome o, List<String> fields) {
    var contents = Changes.contents(ctx.accountId(), ctx.region(), ctx.dryRun(), o.changed());
    contents.putAll(ids);
    contents.put("Before", o.before());
    contents.put("After", o.after());
    var entry = new LinkedHashMap<String, Object>(ids);
    entry.put("AccountId", ctx.accountId());
    entry.put("Region", ctx.region());
    if (o.after() != null) {
      entry.putAll(o.after());
    }
    entry.put("Before", o.before());
    var columns = new ArrayList<String>(List.of("AccountId"));
    columns.addAll(ids.keySet());
    columns.addAll(fields);
    columns.add("Result");
    var row = new ArrayList<Object>(List.of(ctx.accountId()));
    row.addAll(ids.values());
    Map<String, Object> after = o.after() == null ? Map.of() : o.after();
    for (String f : fields) {
      row.add(Changes.cell(o.before() == null ? null : o.before().get(f), after.get(f)));
    }
    row.add(Changes.result(ctx.dryRun(), o.changed()));
    var table = new Table(Changes.title(title, ctx.dryRun()), columns, List.of(), null).row(row.toArray());
    boolean applied = o.changed() && !ctx.dryRun();
    return CommandResult.of(contents, applied ? Map.of(contextKey, entry) : Map.of(), table).withWarnings(o.warnings());
  }

  /** Refuses, before any call, a change that needs {@code confirm=true}, saying why. */
  static void requireConfirm(Arguments args, String reason) {
    if (!Boolean.TRUE.equals(args.has("confirm") ? args.bool("confirm") : null)) {
      throw new UsageException(args.spec().name() + ": " + reason + "; give confirm=true to do it anyway");
    }
  }

  /** A comma list of values, trimmed, empty entries dropped. */
  static List<String> csv(String text) {
    var out = new ArrayList<String>();
    for (String v : text.split(",")) {
      if (!v.isBlank()) {
        out.add(v.trim());
      }
    }
    return out;
  }
}
