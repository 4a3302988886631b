package io.rolecall.inventory;

import io.rolecall.RolecallException;
import io.rolecall.UsageException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.command.CommandExecutor;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.Execution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code inventory findings fix}: the open findings chosen (one by id, or every open one of some rules, in some
 * accounts), each fix run as its command through the normal command path (the executor: validation, the audit
 * journal, the read-back, per-account failures), with {@code dry_run=true} added for a dry run. A finding without
 * an automatic fix is listed with the reason and skipped; one fix failing (AWS said no, or a refusal such as a
 * lock-out needing confirm=true) never stops the others. The CLI prints; the engine could run the same.
 */
public final class FindingFixes {
  private FindingFixes() {}

  /** What became of one finding's fix: its execution, or why it did not run (no automatic fix, or refused). */
  public record Outcome(Finding finding, Fix fix, Execution execution, String refused) {
    public boolean skipped() {
      return !fix.automatic();
    }

    public boolean failed() {
      return refused != null || execution != null && execution.exitCode() != 0;
    }

    public String result(boolean dryRun) {
      if (skipped()) {
        return "skipped: no automatic fix";
      }
      if (refused != null) {
        return "refused";
      }
      return execution.exitCode() != 0 ? "failed" : dryRun ? "would fix" : "fixed";
    }

    public Map<String, Object> json(boolean dryRun) {
      var m = new LinkedHashMap<String, Object>();
      m.put("finding", finding.id());
      m.put("rule", finding.rule().id());
      m.put("accountId", finding.accountId());
      m.put("principal", finding.principal());
      m.put("fix", fix.json());
      m.put("result", result(dryRun));
      if (refused != null) {
        m.put("error", refused);
      }
      if (execution != null) {
        m.put("contents", execution.contents());
        if (!execution.failures().isEmpty()) {
          m.put("errors", execution.failures().stream().map(f -> f.error()).toList());
        }
        if (!execution.warnings().isEmpty()) {
          m.put("warnings", execution.warnings());
        }
      }
      return m;
    }
  }

  /**
   * The open findings (not suppressed, not resolved) of the current state: the one with {@code id}, or those of
   * {@code rules} (ids), limited to {@code accounts} when given. An id or rule the store does not know is a usage
   * error naming it.
   */
  public static List<Finding> choose(InventoryStore store, String id, String rules, String accounts,
      List<Suppression> suppressions, Instant now) {
    if ((id == null) == (rules == null)) {
      throw new UsageException("inventory findings fix: give a finding id or --rule RULE[,RULE...], not "
          + (id == null ? "neither" : "both"));
    }
    if (id != null && !id.matches("f-[0-9a-f]{16}")) {
      throw new UsageException("inventory findings fix: expected a finding id such as f-0123456789abcdef, got "
          + io.rolecall.Shown.quoted(id));
    }
    var query = ReadOptions.findings(store, null, null, rules, accounts, TrackedFindings.Tracked.OPEN, null, null, now,
        suppressions, "--");
    var open = FindingsReport.of(store, query).findings().stream().filter(e -> e.status().equals(
        TrackedFindings.Tracked.OPEN)).map(FindingsReport.Entry::finding).toList();
    if (id == null) {
      return open;
    }
    var one = open.stream().filter(f -> f.id().equals(id)).toList();
    if (one.isEmpty()) {
      throw new io.rolecall.CommandFailedException("inventory findings fix: no open finding " + id
          + " in the current state (see 'rolecall inventory findings --status all')");
    }
    return one;
  }

  /** Runs each finding's fix (a dry run when {@code dryRun}); never throws for one finding's failure. */
  public static List<Outcome> run(CommandExecutor executor, AuthSettings settings, List<Finding> findings,
      boolean dryRun) {
    var out = new ArrayList<Outcome>();
    for (Finding f : findings) {
      Fix fix = f.fix();
      if (!fix.automatic()) {
        out.add(new Outcome(f, fix, null, null));
        continue;
      }
      var args = new LinkedHashMap<>(fix.arguments());
      if (dryRun) {
        args.put(CommandSpec.DRY_RUN, "true");
      }
      try {
        out.add(new Outcome(f, fix, executor.execute(settings, fix.command(), args), null));
      } catch (RolecallException e) {
        out.add(new Outcome(f, fix, null, e.getMessage()));
      }
    }
    return out;
  }

  /** Exit code of the whole: 1 when any fix failed or was refused, else 0 (skipped findings are not failures). */
  public static int exitCode(List<Outcome> outcomes) {
    return outcomes.stream().anyMatch(Outcome::failed) ? 1 : 0;
  }
}
