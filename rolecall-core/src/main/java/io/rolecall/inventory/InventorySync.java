package io.rolecall.inventory;

import io.rolecall.CommandFailedException;
import io.rolecall.RolecallException;
import io.rolecall.UsageException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Redactor;
import io.rolecall.auth.RoleRequest;
import io.rolecall.aws.AwsErrors;
import io.rolecall.aws.CallMeter;
import io.rolecall.aws.OrganizationAccounts;
import io.rolecall.aws.Session;
import io.rolecall.aws.Sessions;
import io.rolecall.command.AccountSelection;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;

/**
 * `inventory sync` (SPEC §2.3): a roll call of many accounts into the store. Accounts are worked on concurrently, at
 * most {@code parallelism} at once; within an account IAM and each region's EC2 and CloudTrail are separate parts,
 * run side by side, each with its own outcome: a part that fails (a denied call, a region that does not answer) is
 * recorded with its one-line reason and leaves that part's previous state current, while the other parts' data is
 * kept. An account whose role cannot be assumed fails as a whole; the others complete. Every HTTP attempt is paced by
 * {@link RateLimits} and counted per account. Pages go to the store as they arrive and each account's clients are
 * released when it is done, so memory stays flat as the number of accounts grows. When the run is recorded, the
 * tracked findings of every account whose IAM was collected are brought up to date.
 */
public final class InventorySync {
  /**
   * @param regions regions for EC2 and CloudTrail; empty means the instance's region
   * @param firstEventsSince how far back the first sync of an account and region reads CloudTrail
   * @param identityCenterAccount where the Identity Center instance lives when the base identity's account does not
   *     hold it (a delegated administrator): assumed with the instance's role name and ExternalId; null otherwise
   */
  public record Request(AccountSelection accounts, List<String> regions, Set<Part> parts, int parallelism,
                        Duration firstEventsSince, String identityCenterAccount) {
    public Request {
      regions = List.copyOf(regions);
      parts = parts.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(parts);
    }

    public Request(AccountSelection accounts, List<String> regions, Set<Part> parts, int parallelism,
        Duration firstEventsSince) {
      this(accounts, regions, parts, parallelism, firstEventsSince, null);
    }

    /** Whether any part is collected once per organization, by the run's organization step. */
    public boolean organizational() {
      return parts.stream().anyMatch(Part::organizational);
    }

    /** Whether any part is collected account by account (else the run is its organization step alone). */
    public boolean perAccount() {
      return parts.stream().anyMatch(p -> !p.organizational());
    }
  }

  /** What the caller hears while a sync runs (progress bar or log lines); called from many threads. */
  public interface Listener {
    void started(String runId, List<String> accounts, List<String> regions);

    void call();

    void accountDone(InventoryStore.AccountStatus outcome);

    Listener NONE = new Listener() {
      @Override public void started(String runId, List<String> accounts, List<String> regions) { }
      @Override public void call() { }
      @Override public void accountDone(InventoryStore.AccountStatus outcome) { }
    };
  }

  public record Result(String runId, List<InventoryStore.AccountStatus> accounts) {
    /** Accounts with any part failed (partial or error). */
    public long failed() {
      return accounts.stream().filter(a -> !a.ok()).count();
    }

    /** Accounts of which nothing was collected. */
    public long errors() {
      return accounts.stream().filter(a -> a.status().equals(InventoryStore.AccountStatus.ERROR)).count();
    }
  }

  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Sessions sessions;
  private final InventoryStore store;
  private final RateLimits limits;
  private final CredentialReports reports;
  private final Clock clock;

  public InventorySync(Sessions sessions, InventoryStore store, RateLimits limits, Clock clock) {
    this(sessions, store, limits, new CredentialReports(CredentialReports.DEFAULT_PATIENCE), clock);
  }

  InventorySync(Sessions sessions, InventoryStore store, RateLimits limits, CredentialReports reports, Clock clock) {
    this.sessions = sessions;
    this.store = store;
    this.limits = limits;
    this.reports = reports;
    this.clock = clock;
  }

  /**
   * A run begun: its id and start, the accounts and regions it covers. {@link #run} does all of it in this process;
   * an engine may instead {@link #begin} a run, sync its accounts as separate tasks (on any engine) with
   * {@link #syncAccount(Plan, String, Listener)}, and {@link #finish} it when every account is done.
   */
  /** @param notices what the planning decided otherwise than asked (all without an organization), one line each */
  public record Plan(String runId, Instant started, List<String> accounts, List<String> regions, Request request,
                     AuthSettings settings, String baseAccountId, String baseRegion, List<String> notices) {
    public Plan {
      accounts = List.copyOf(accounts);
      regions = List.copyOf(regions);
      notices = List.copyOf(notices);
    }

    public Plan(String runId, Instant started, List<String> accounts, List<String> regions, Request request,
        AuthSettings settings, String baseAccountId, String baseRegion) {
      this(runId, started, accounts, regions, request, settings, baseAccountId, baseRegion, List.of());
    }
  }

  public Result run(AuthSettings settings, Request request, Listener listener) {
    var plan = begin(settings, request);
    listener.started(plan.runId(), plan.accounts(), plan.regions());
    var outcomes = new ArrayList<Outcome>();
    Outcome orgOutcome = null;
    // One writer for the whole run: pages of many accounts share its transactions.
    try (var writer = new StoreWriter(store.store(), plan.runId())) {
      var permits = new Semaphore(request.parallelism());
      try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
        var futures = new ArrayList<Future<Outcome>>();
        Future<Outcome> organization = request.organizational()
            ? pool.submit(() -> syncOrganization(plan, writer, listener)) : null;
        for (String account : request.perAccount() ? plan.accounts() : List.<String>of()) {
          futures.add(pool.submit(() -> {
            permits.acquire();
            try {
              var outcome = syncAccount(plan, account, writer, listener);
              listener.accountDone(outcome.status());
              return outcome;
            } finally {
              permits.release();
            }
          }));
        }
        for (var f : futures) {
          outcomes.add(f.get());
        }
        if (organization != null) {
          orgOutcome = organization.get();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("inventory sync: interrupted");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
    // The writer is closed: every page is stored and every event counted.
    var statuses = outcomes.stream().map(Outcome::status).toList();
    store.recordAccounts(plan.runId(), statuses);
    if (orgOutcome != null) {
      store.recordOrganization(plan.runId(), orgOutcome.meter().calls(), orgOutcome.meter().throttled());
    }
    finish(plan);
    return new Result(plan.runId(), statuses);
  }

  /**
   * Checks the request, resolves the accounts ({@code all}: the organization's ACTIVE ones) and records the run as
   * started. No base credentials, or no role to assume, is a configuration problem (exit 2) for the whole run.
   */
  public Plan begin(AuthSettings settings, Request request) {
    if (settings.roleName() == null) {
      throw new UsageException("inventory sync: needs --role-name, the role to assume in every account (with"
          + " --external-id if the role requires one)");
    }
    Session base = sessions.open(settings.toBuilder().roleArn(null).roleName(null).build(), null).authenticate();
    List<String> regions = request.regions().isEmpty() ? List.of(base.region()) : request.regions();
    var notices = new ArrayList<String>();
    List<String> accounts = request.accounts().all() ? allAccounts(base, notices) : request.accounts().accountIds();
    if (accounts.isEmpty()) {
      throw new CommandFailedException("inventory sync: --accounts all found no ACTIVE account in the organization");
    }
    RoleRequest.forTarget(settings, accounts.getFirst());
    // Milliseconds, as the store keeps times and as CloudTrail's window end goes on the wire.
    Instant started = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String runId = "r" + RUN_TIME.format(started) + "-" + HexFormat.of().formatHex(randomBytes());
    store.startRun(new InventoryStore.Run(runId, started, null, settings.instanceName(), regions,
        request.parts().stream().map(Part::id).toList(), accounts.size(), 0, 0));
    return new Plan(runId, started, accounts, regions, request, settings, base.accountId(), base.region(), notices);
  }

  /**
   * The organization's ACTIVE accounts; with no organization to list (the identity's account is in none, or may not
   * list it), the identity's own account, saying why in one line of {@code notices} instead of failing.
   */
  static List<String> allAccounts(Session base, List<String> notices) {
    try {
      return OrganizationAccounts.active(base);
    } catch (RolecallException e) {
      String why = noOrganization(e.getCause());
      if (why == null) {
        throw e;
      }
      notices.add("organization: " + why + "; synced the identity's own account " + base.accountId()
          + " only (name accounts to sync others)");
      return List.of(base.accountId());
    }
  }

  /** Why an Organizations failure means "no organization to list", or null when it means something else. */
  static String noOrganization(Throwable cause) {
    if (cause instanceof AwsOrganizationsNotInUseException) {
      return "the account is not in an organization (AWSOrganizationsNotInUseException)";
    }
    if (cause instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      if (s instanceof AccessDeniedException
          || "AccessDeniedException".equals(code) || "AccessDenied".equals(code)) {
        return "organizations:ListAccounts was denied (" + code + ")";
      }
    }
    return null;
  }

  /**
   * One account of a begun run, as a task of its own: its pages go through a writer of its own, and its outcome is
   * recorded when they are all stored. Never throws for what AWS says, only records it.
   */
  public InventoryStore.AccountStatus syncAccount(Plan plan, String accountId, Listener listener) {
    Outcome outcome;
    try (var writer = new StoreWriter(store.store(), plan.runId())) {
      outcome = syncAccount(plan, accountId, writer, listener);
    }
    var status = outcome.status();
    store.recordAccounts(plan.runId(), List.of(status));
    listener.accountDone(status);
    return status;
  }

  /**
   * The run's organization step, as a task of its own (besides the per-account ones): Identity Center and the
   * service control policies, with the base identity (Identity Center also from the request's
   * identityCenterAccount). Its parts are recorded under the accounts that own the data; its calls on the run.
   * Returns the step's outcome (ok, partial, error over its parts), under the base identity's account.
   */
  public InventoryStore.AccountStatus syncOrganization(Plan plan, Listener listener) {
    Outcome outcome;
    try (var writer = new StoreWriter(store.store(), plan.runId())) {
      outcome = syncOrganization(plan, writer, listener);
    }
    store.recordOrganization(plan.runId(), outcome.meter().calls(), outcome.meter().throttled());
    return outcome.status();
  }

  private Outcome syncOrganization(Plan plan, StoreWriter writer, Listener listener) {
    var meter = new AccountMeter(plan.baseAccountId(), limits, listener::call);
    var parts = new ArrayList<InventoryStore.PartOutcome>();
    var request = plan.request();
    Session base = sessions.open(plan.settings().toBuilder().roleArn(null).roleName(null).build(), null);
    try {
      CallMeter.within(meter, () -> {
        base.authenticate();
        var tasks = new ArrayList<Runnable>();
        if (request.parts().contains(Part.IDENTITYCENTER)) {
          tasks.add(() -> identityCenter(plan, base, writer, parts, meter));
        }
        if (request.parts().contains(Part.ORGANIZATIONS)) {
          tasks.add(part(writer, plan.runId(), plan.baseAccountId(), Part.ORGANIZATIONS, Item.GLOBAL, parts,
              () -> organizations(base, plan.baseAccountId(), writer)));
        }
        Parallel.run(meter, tasks.size(), tasks);
        return null;
      });
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted() || e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new CommandFailedException("inventory sync: interrupted");
      }
      throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
    } finally {
      sessions.release(base);
    }
    return new Outcome(plan.baseAccountId(), List.copyOf(parts), meter, new LongAdder());
  }

  /** Not in an organization: no SCP applies, which is an answer, not a failure. */
  private void organizations(Session base, String accountId, StoreWriter writer) {
    try {
      new OrganizationsCollector(base.organizations(), accountId, writer).collect();
    } catch (RolecallException e) {
      if (!(e.getCause() instanceof software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException)) {
        throw e;
      }
      writer.items(List.of(new Item(Kind.ORGANIZATION, accountId, Item.GLOBAL, accountId, null, Nodes.of(
          "managementAccountId", null, "inOrganization", false, "roots", List.of(), "paths", java.util.Map.of()))));
    }
  }

  /**
   * Finds the Identity Center instance: with the base identity in its region and the run's regions, else in the
   * request's identityCenterAccount (assumed). No instance anywhere is no data, not a failure, unless an account
   * was named for it.
   */
  private void identityCenter(Plan plan, Session base, StoreWriter writer, List<InventoryStore.PartOutcome> parts,
      AccountMeter meter) {
    var regions = new java.util.LinkedHashSet<String>();
    regions.add(plan.baseRegion());
    regions.addAll(plan.regions());
    String named = plan.request().identityCenterAccount();
    String where = plan.baseAccountId();
    Session session = base;
    try {
      var found = findInstance(session, regions);
      if (found == null && named != null && !named.equals(plan.baseAccountId())) {
        where = named;
        session = sessions.open(plan.settings(), named).authenticate();
        found = findInstance(session, regions);
      }
      if (found == null) {
        if (named != null) {
          throw new CommandFailedException("no IAM Identity Center instance in account " + named + " (regions "
              + String.join(", ", regions) + ")");
        }
        return;
      }
      var s = session.inRegion(found.region());
      var instance = found.instance();
      String owner = where;
      String region = found.region();
      part(writer, plan.runId(), owner, Part.IDENTITYCENTER, region, parts, () -> new IdentityCenterCollector(
          s.ssoAdmin(), s.identityStore(), instance, owner, region, writer, meter).collect()).run();
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e;
      }
      var failed = new InventoryStore.PartOutcome(plan.runId(), where, Part.IDENTITYCENTER, plan.baseRegion(),
          reason(where, e), clock.instant(), false);
      writer.partDone(failed);
      synchronized (parts) {
        parts.add(failed);
      }
    } finally {
      if (session != base) {
        sessions.release(session);
      }
    }
  }

  private record Found(software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata instance, String region) {}

  private static Found findInstance(Session session, java.util.Collection<String> regions) {
    for (String region : regions) {
      var instances = IamCollector.call("sso:ListInstances in " + region, () -> session.inRegion(region).ssoAdmin()
          .listInstancesPaginator(r -> r.maxResults(IdentityCenterCollector.PAGE)).instances().stream().toList());
      if (!instances.isEmpty()) {
        return new Found(instances.getFirst(), region);
      }
    }
    return null;
  }

  /** Marks the run finished and brings the tracked findings up to date with what it collected. */
  public void finish(Plan plan) {
    store.finishRun(plan.runId(), clock.instant());
    TrackedFindings.refresh(store);
  }

  /** One account's work, in its own call scope; never throws for what AWS says, only records it. */
  private Outcome syncAccount(Plan plan, String accountId, StoreWriter writer, Listener listener) {
    var settings = plan.settings();
    var regions = plan.regions();
    var request = plan.request();
    var started = plan.started();
    var runId = plan.runId();
    var meter = new AccountMeter(accountId, limits, listener::call);
    var events = new LongAdder();
    var parts = new ArrayList<InventoryStore.PartOutcome>();
    Session session = null;
    try {
      session = sessions.open(settings, accountId);
      var s = session;
      CallMeter.within(meter, () -> {
        s.authenticate();
        var tasks = new ArrayList<Runnable>();
        if (request.parts().contains(Part.IAM)) {
          tasks.add(part(writer, runId, accountId, Part.IAM, Item.GLOBAL, parts,
              () -> new IamCollector(s.iam(), accountId, writer, reports, meter).collect()));
        }
        if (request.parts().contains(Part.S3)) {
          tasks.add(part(writer, runId, accountId, Part.S3, Item.GLOBAL, parts,
              () -> AssetCollectors.s3(s, accountId, writer)));
        }
        for (String region : regions) {
          var regional = s.inRegion(region);
          for (Part asset : List.of(Part.RDS, Part.TRAILS, Part.KMS)) {
            if (request.parts().contains(asset)) {
              tasks.add(part(writer, runId, accountId, asset, region, parts, () -> {
                switch (asset) {
                  case RDS -> AssetCollectors.rds(regional, accountId, region, writer);
                  case TRAILS -> AssetCollectors.trails(regional, accountId, region, writer);
                  default -> AssetCollectors.kms(regional, accountId, region, writer);
                }
              }));
            }
          }
          if (request.parts().contains(Part.EC2)) {
            tasks.add(part(writer, runId, accountId, Part.EC2, region, parts,
                () -> new Ec2Collector(regional.ec2(), accountId, region, writer).collect()));
          }
          if (request.parts().contains(Part.SNAPSHOTS)) {
            tasks.add(part(writer, runId, accountId, Part.SNAPSHOTS, region, parts,
                () -> new SnapshotCollector(regional.ec2(), accountId, region, writer).collect()));
          }
          if (request.parts().contains(Part.CLOUDTRAIL)) {
            tasks.add(part(writer, runId, accountId, Part.CLOUDTRAIL, region, parts,
                () -> new TrailCollector(regional.cloudTrail(), accountId, region, writer).collect(
                    store.checkpoint(accountId, region).orElse(null), request.firstEventsSince(), started, events)));
          }
        }
        Parallel.run(meter, tasks.size(), tasks);
        return null;
      });
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted() || e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new CommandFailedException("inventory sync: interrupted");
      }
      // The session could not be had (or the account's work broke off): every part asked for and not yet
      // recorded failed for this reason.
      String error = reason(accountId, e);
      Instant now = clock.instant();
      synchronized (parts) {
        for (Part p : request.parts()) {
          if (p.organizational()) {
            continue; // the run's organization step's, not an account's
          }
          for (String region : p.regional() ? regions : List.of(Item.GLOBAL)) {
            if (parts.stream().noneMatch(o -> o.part() == p && o.region().equals(region))) {
              var failed = new InventoryStore.PartOutcome(runId, accountId, p, region, error, now, false);
              writer.partDone(failed);
              parts.add(failed);
            }
          }
        }
      }
    } finally {
      if (session != null) {
        sessions.release(session);
      }
    }
    return new Outcome(accountId, List.copyOf(parts), meter, events);
  }

  /** A part's collection: whatever it throws becomes the part's recorded failure, never the account's. */
  private Runnable part(StoreWriter writer, String runId, String accountId, Part part, String region,
      List<InventoryStore.PartOutcome> parts, Runnable collect) {
    return () -> {
      String error = null;
      try {
        collect.run();
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        error = reason(accountId, e);
      }
      var outcome = new InventoryStore.PartOutcome(runId, accountId, part, region, error, clock.instant(), false);
      writer.partDone(outcome);
      synchronized (parts) {
        parts.add(outcome);
      }
    };
  }

  private static String reason(String accountId, Exception e) {
    return switch (e) {
      case RolecallException r -> r.getMessage();
      case SdkException sdk -> AwsErrors.callFailed("account " + accountId, sdk).getMessage();
      default -> "internal error: " + e.getClass().getSimpleName() + ": "
          + Redactor.global().redact(String.valueOf(e.getMessage()));
    };
  }

  private record Outcome(String accountId, List<InventoryStore.PartOutcome> parts, AccountMeter meter, LongAdder events) {
    InventoryStore.AccountStatus status() {
      var failed = parts.stream().filter(p -> !p.ok()).toList();
      String status = failed.isEmpty() ? InventoryStore.AccountStatus.OK
          : failed.size() == parts.size() ? InventoryStore.AccountStatus.ERROR : InventoryStore.AccountStatus.PARTIAL;
      return new InventoryStore.AccountStatus(accountId, status, Summary.failures(failed, parts.size()), meter.calls(),
          meter.throttled(), events.sum());
    }
  }

  private static byte[] randomBytes() {
    var bytes = new byte[3];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
