package io.rolecall.command;

import io.rolecall.RolecallException;
import io.rolecall.UsageException;
import io.rolecall.audit.AuditJournal;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Redactor;
import io.rolecall.auth.Timeouts;
import io.rolecall.aws.AwsErrors;
import io.rolecall.aws.OrganizationAccounts;
import io.rolecall.aws.Session;
import io.rolecall.aws.Sessions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Runs a command: validates the arguments, applies command-level overrides to the instance, proves the audit
 * journal writable if the command is to change anything, resolves the target accounts, runs the command in each
 * (concurrently, bounded) and returns every outcome. A failure in one account, whatever it is, never stops the
 * others nor hides their results.
 */
public final class CommandExecutor {
  public static final int DEFAULT_PARALLELISM = 16;

  private final CommandRegistry registry;
  private final Sessions sessions;
  private final Supplier<AuditJournal> journal;
  private final String actor;
  private final int parallelism;
  private final Clock clock;
  private final java.util.function.Function<String, io.rolecall.aws.CallScope> pacing;

  /**
   * @param journal where changes go, asked for only by a command that is to change something (so read-only
   *     commands and dry runs never open the store)
   * @param actor who is running rolecall, recorded with each change
   */
  public CommandExecutor(CommandRegistry registry, Sessions sessions, Supplier<AuditJournal> journal, String actor,
      int parallelism, Clock clock) {
    this(registry, sessions, journal, actor, parallelism, clock, null);
  }

  /**
   * @param pacing the scope that paces each account's SDK attempts (the engine's shared rate limits, so its
   *     commands and jobs spend one pace per account), or null for none (a one-shot CLI command)
   */
  public CommandExecutor(CommandRegistry registry, Sessions sessions, Supplier<AuditJournal> journal, String actor,
      int parallelism, Clock clock, java.util.function.Function<String, io.rolecall.aws.CallScope> pacing) {
    this.registry = registry;
    this.sessions = sessions;
    this.journal = journal;
    this.actor = actor;
    this.parallelism = parallelism;
    this.clock = clock;
    this.pacing = pacing;
  }

  public CommandRegistry registry() {
    return registry;
  }

  public Execution execute(AuthSettings instance, String commandName, Map<String, String> rawArgs) {
    return execute(instance, commandName, rawArgs, actor);
  }

  /** As {@link #execute(AuthSettings, String, Map)}, journaling its changes as {@code who} (an engine token's name). */
  public Execution execute(AuthSettings instance, String commandName, Map<String, String> rawArgs, String who) {
    Command command = registry.require(commandName);
    CommandSpec spec = command.spec();
    Arguments args = Arguments.parse(spec, rawArgs);
    command.validate(args);
    AuthSettings settings = withOverrides(instance, args);
    AuditJournal changes = spec.mutating() && !args.dryRun() ? writableJournal(spec) : null;
    List<String> accounts = targets(spec, args, settings);
    List<AccountOutcome> outcomes = accounts.size() == 1
        ? List.of(runIn(command, args, settings, accounts.getFirst(), changes, who))
        : runEverywhere(command, args, settings, accounts, changes, who);
    return new Execution(spec, withWarnings(outcomes, runWarnings(args)));
  }

  /** Warnings about the run itself (an argument taken otherwise than given), for every successful account. */
  private static List<String> runWarnings(Arguments args) {
    if (args.has("retries") && args.integer("retries") > CommandSpec.MAX_RETRIES) {
      return List.of("retries=" + args.integer("retries") + " is above the limit of " + CommandSpec.MAX_RETRIES
          + "; " + CommandSpec.MAX_RETRIES + " retries were used");
    }
    return List.of();
  }

  private static List<AccountOutcome> withWarnings(List<AccountOutcome> outcomes, List<String> warnings) {
    if (warnings.isEmpty()) {
      return outcomes;
    }
    return outcomes.stream().map(o -> o.succeeded()
        ? AccountOutcome.ok(o.accountId(), o.result().withWarnings(warnings)) : o).toList();
  }

  /**
   * SPEC §5: the journal must be able to record a change before any is made. Opening the store (and migrating it)
   * and a rolled-back write prove it; if either fails, the command stops here, before any AWS call (exit 2).
   */
  private AuditJournal writableJournal(CommandSpec spec) {
    try {
      AuditJournal j = journal.get();
      j.checkWritable();
      return j;
    } catch (RuntimeException e) {
      throw new UsageException(spec.name() + ": nothing was changed: the audit journal cannot record changes ("
          + Redactor.global().redact(String.valueOf(e.getMessage())) + "); fix --db, or use dry_run=true");
    }
  }

  /** The accounts to run in; a single null element means "the instance's own identity". */
  private List<String> targets(CommandSpec spec, Arguments args, AuthSettings settings) {
    if (spec.targeting() != Targeting.ACCOUNTS || !args.has(CommandSpec.ACCOUNT_ID)) {
      return Collections.singletonList(null);
    }
    AccountSelection selection = args.accounts();
    List<String> accounts;
    if (selection.all()) {
      var org = sessions.open(settings, null);
      try {
        accounts = OrganizationAccounts.active(org.authenticate());
      } finally {
        sessions.done(org);
      }
    } else {
      accounts = selection.accountIds();
    }
    if (accounts.isEmpty()) {
      throw new io.rolecall.CommandFailedException(spec.name() + ": account_id=all found no ACTIVE account");
    }
    if (args.has("roleArn")) {
      String roleAccount = AuthSettings.accountOf(args.string("roleArn"));
      for (String a : accounts) {
        if (!a.equals(roleAccount)) {
          throw new UsageException(spec.name() + ": roleArn names account " + roleAccount + " but account_id names "
              + a + "; give one or the other");
        }
      }
    }
    // Fails fast, before any call, when account_id is given without a role name.
    io.rolecall.auth.RoleRequest.forTarget(settings, accounts.getFirst());
    return accounts;
  }

  /**
   * Every account at once (bounded). Whatever one account throws is that account's failure, reported beside the
   * others' results; only when every account fails on the same kind of usage problem is it the run's (exit 2).
   */
  private List<AccountOutcome> runEverywhere(Command command, Arguments args, AuthSettings settings,
      List<String> accounts, AuditJournal changes, String who) {
    var permits = new Semaphore(parallelism);
    var usage = new java.util.concurrent.ConcurrentLinkedQueue<UsageException>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<Future<AccountOutcome>>();
      for (String account : accounts) {
        futures.add(pool.submit(() -> {
          permits.acquire();
          try {
            return runIn(command, args, settings, account, changes, who);
          } catch (UsageException e) {
            usage.add(e);
            return AccountOutcome.failed(account, e.getMessage());
          } catch (RuntimeException e) {
            return AccountOutcome.failed(account, internalError(e));
          } finally {
            permits.release();
          }
        }));
      }
      var outcomes = new ArrayList<AccountOutcome>();
      for (var f : futures) {
        outcomes.add(f.get());
      }
      if (usage.size() == accounts.size()) {
        throw usage.peek();
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.rolecall.CommandFailedException("interrupted");
    } catch (ExecutionException e) {
      // runIn's task catches every RuntimeException; what is left is an Error, which is no account's failure.
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String internalError(RuntimeException e) {
    return "internal error: " + e.getClass().getName() + ": " + Redactor.global().redact(String.valueOf(e.getMessage()));
  }

  private AccountOutcome runIn(Command command, Arguments args, AuthSettings settings, String account,
      AuditJournal changes, String who) {
    Session session = null;
    try {
      session = sessions.open(settings, account);
      session.authenticate();
      ChangeJournal journal = changes == null ? ChangeJournal.NONE
          : new AccountJournal(changes, clock, who, command.spec(), args, settings, session);
      var context = new CommandContext(args, session, journal);
      String accountId = accountOf(account, session);
      CommandResult result = pacing == null || accountId == null ? command.run(context)
          : paced(accountId, () -> command.run(context));
      return AccountOutcome.ok(account != null ? account : session.knownAccountId(), result);
    } catch (UsageException e) {
      throw e;
    } catch (RolecallException e) {
      return AccountOutcome.failed(accountOf(account, session), e.getMessage());
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      return AccountOutcome.failed(accountOf(account, session),
          AwsErrors.callFailed(command.spec().name(), e).getMessage());
    } finally {
      // The role session stays cached for the next command; the engine may let it go once it is idle.
      sessions.done(session);
    }
  }

  private CommandResult paced(String accountId, java.util.concurrent.Callable<CommandResult> work) {
    try {
      return io.rolecall.aws.CallMeter.within(pacing.apply(accountId), work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e); // command.run declares no checked exception
    }
  }

  private static String accountOf(String account, Session session) {
    return account != null ? account : session != null ? session.knownAccountId() : null;
  }

  /** Command-level overrides (SPEC §1): region, roleArn, roleSessionName, roleSessionDuration, timeout, retries. */
  static AuthSettings withOverrides(AuthSettings s, Arguments a) {
    var b = s.toBuilder();
    if (a.has("region")) {
      b.region(a.string("region"));
    }
    if (a.has("roleArn")) {
      b.roleArn(a.string("roleArn"));
      if (!a.has("roleSessionName") && s.roleSessionName() == null) {
        throw new UsageException(a.spec().name() + ": argument 'roleSessionName' is required with roleArn"
            + " (2 to 64 of letters, digits and +=,.@-)");
      }
    }
    if (a.has("roleSessionName")) {
      b.roleSessionName(a.string("roleSessionName"));
    }
    if (a.has("roleSessionDuration")) {
      b.roleSessionDuration(Math.toIntExact(a.integer("roleSessionDuration")));
    }
    if (a.has("timeout")) {
      b.timeouts(Timeouts.parse(a.string("timeout"), "timeout"));
    }
    if (a.has("retries")) {
      b.retries((int) Math.min(a.integer("retries"), CommandSpec.MAX_RETRIES));
    }
    return b.build();
  }
}
