package io.rolecall.command;

import io.rolecall.RolecallException;
import io.rolecall.UsageException;
import io.rolecall.audit.AuditEntry;
import io.rolecall.audit.AuditJournal;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Redactor;
import io.rolecall.auth.Timeouts;
import io.rolecall.aws.AwsErrors;
import io.rolecall.aws.OrganizationAccounts;
import io.rolecall.aws.Session;
import io.rolecall.aws.Sessions;
import io.rolecall.render.Json;
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
 * Runs a command: validates the arguments, applies command-level overrides to the instance,
 * resolves the target accounts, runs the command in each (concurrently, bounded), journals applied
 * changes, and returns every outcome. A failure in one account never stops the others.
 */
public final class CommandExecutor {
  public static final int DEFAULT_PARALLELISM = 16;

  private final CommandRegistry registry;
  private final Sessions sessions;
  private final Supplier<AuditJournal> journal;
  private final String actor;
  private final int parallelism;
  private final Clock clock;

  /**
   * @param journal where applied changes go, asked for only when a change is applied (so read-only
   *     commands never open the store)
   * @param actor who is running rolecall, recorded with each change
   */
  public CommandExecutor(CommandRegistry registry, Sessions sessions, Supplier<AuditJournal> journal, String actor,
      int parallelism, Clock clock) {
    this.registry = registry;
    this.sessions = sessions;
    this.journal = journal;
    this.actor = actor;
    this.parallelism = parallelism;
    this.clock = clock;
  }

  public CommandRegistry registry() {
    return registry;
  }

  public Execution execute(AuthSettings instance, String commandName, Map<String, String> rawArgs) {
    Command command = registry.require(commandName);
    CommandSpec spec = command.spec();
    Arguments args = Arguments.parse(spec, rawArgs);
    command.validate(args);
    AuthSettings settings = withOverrides(instance, args);
    List<String> accounts = targets(spec, args, settings);
    if (accounts.size() == 1) {
      return new Execution(spec, List.of(runIn(command, args, settings, accounts.getFirst())));
    }
    return new Execution(spec, runEverywhere(command, args, settings, accounts));
  }

  /** The accounts to run in; a single null element means "the instance's own identity". */
  private List<String> targets(CommandSpec spec, Arguments args, AuthSettings settings) {
    if (spec.targeting() != Targeting.ACCOUNTS || !args.has(CommandSpec.ACCOUNT_ID)) {
      return Collections.singletonList(null);
    }
    AccountSelection selection = args.accounts();
    List<String> accounts = selection.all()
        ? OrganizationAccounts.active(sessions.open(settings, null).authenticate())
        : selection.accountIds();
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

  private List<AccountOutcome> runEverywhere(Command command, Arguments args, AuthSettings settings,
      List<String> accounts) {
    var permits = new Semaphore(parallelism);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var futures = new ArrayList<Future<AccountOutcome>>();
      for (String account : accounts) {
        futures.add(pool.submit(() -> {
          permits.acquire();
          try {
            return runIn(command, args, settings, account);
          } finally {
            permits.release();
          }
        }));
      }
      var outcomes = new ArrayList<AccountOutcome>();
      for (var f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.rolecall.CommandFailedException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private AccountOutcome runIn(Command command, Arguments args, AuthSettings settings, String account) {
    Session session = null;
    try {
      session = sessions.open(settings, account).authenticate();
      CommandResult result = command.run(new CommandContext(args, session));
      if (result.change() != null && result.change().applied()) {
        journal(command.spec(), args, settings, session, result.change());
      }
      return AccountOutcome.ok(account != null ? account : session.knownAccountId(), result);
    } catch (UsageException e) {
      throw e;
    } catch (PartialChangeException e) {
      String message = e.getMessage();
      try {
        journal(command.spec(), args, settings, session, e.change());
      } catch (RolecallException journalFailure) {
        message = message + "; " + journalFailure.getMessage();
      }
      return AccountOutcome.failed(accountOf(account, session), message);
    } catch (RolecallException e) {
      return AccountOutcome.failed(accountOf(account, session), e.getMessage());
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      return AccountOutcome.failed(accountOf(account, session),
          AwsErrors.callFailed(command.spec().name(), e).getMessage());
    }
  }

  private static String accountOf(String account, Session session) {
    return account != null ? account : session != null ? session.knownAccountId() : null;
  }

  private void journal(CommandSpec spec, Arguments args, AuthSettings settings, Session session, Change change) {
    String principal = session.role() != null ? session.role().roleArn() + " (session " + session.role().sessionName() + ")"
        : settings.accessKey() != null ? "access key " + settings.accessKey()
        : settings.profile() != null ? "profile " + settings.profile() : "default credential chain";
    // Arguments carry no credential, but a pasted secret must not outlive the run in the journal either.
    var arguments = new java.util.LinkedHashMap<String, String>();
    args.given().forEach((k, v) -> arguments.put(k, Redactor.global().redact(v)));
    var entry = new AuditEntry(0, clock.instant(), actor, settings.instanceName(), session.accountId(),
        session.region(), spec.name(), arguments, principal, change.resource(),
        Redactor.global().redact(Json.write(change.before())), Redactor.global().redact(Json.write(change.after())));
    try {
      journal.get().append(entry);
    } catch (RuntimeException e) {
      throw new io.rolecall.CommandFailedException("the change to " + change.resource() + " was applied but could not"
          + " be written to the audit journal: " + Redactor.global().redact(String.valueOf(e.getMessage())));
    }
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
      b.retries(Math.toIntExact(a.integer("retries")));
    }
    return b.build();
  }
}
