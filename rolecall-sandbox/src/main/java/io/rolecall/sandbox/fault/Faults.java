package io.rolecall.sandbox.fault;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection. A fixed latency applies to every request; armed faults hit the next N requests that match a
 * service (its call-log name, or "*"), optionally an action and the caller's account:
 * <pre>{@code
 * sb.faults().latency(Duration.ofMillis(30));
 * sb.faults().on("sts").action("AssumeRole").throttle(2);      // next 2 AssumeRole calls are throttled
 * sb.faults().on("iam").account("222222222222").serverError(1);
 * sb.faults().on("*").dropConnection(1);                        // next request of any kind: socket closed
 * sb.faults().on("identitystore").action("DeleteGroupMembership").after(3).serverError(1); // the 4th one fails
 * sb.faults().on("identitystore").action("CreateUser").dropResponse(1); // user created, client never told
 * sb.faults().on("iam").action("UpdateAccountPasswordPolicy").thenAlter(() -> iam.setPasswordPolicy(p));
 * sb.faults().clear();
 * }</pre>
 * Faults are checked after authentication, so only requests that reach a handler are hit (and logged as such).
 * {@code dropResponse} and {@code thenAlter} act after the request was handled, and only if it succeeded.
 */
public final class Faults {
  private volatile Duration latency = Duration.ZERO;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<AfterRule> afterRules = new CopyOnWriteArrayList<>();

  /** A rule applied once a request was handled: drop its response (alteration null), or alter the state first. */
  private record AfterRule(Rule match, Runnable alteration) {}

  private record Rule(String service, String action, String account, FaultKind kind, AtomicInteger skip,
                      AtomicInteger remaining) {
    boolean matches(String s, String a, String acct) {
      return (service.equals("*") || service.equals(s)) && (action == null || action.equals(a))
          && (account == null || account.equals(acct));
    }

    /** Takes one of the remaining hits, atomically, so concurrent requests never over-consume; skipped ones pass. */
    boolean take() {
      if (skip.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) return false;
      return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
  }

  /** Every request waits this long before being handled (virtual threads make that cheap). */
  public Faults latency(Duration latency) {
    this.latency = Objects.requireNonNull(latency);
    return this;
  }

  public Duration latency() {
    return latency;
  }

  /** Starts a fault rule for a service ("sts", "iam", "imds", ... or "*" for any). */
  public Target on(String service) {
    return new Target(Objects.requireNonNull(service), null, null, 0);
  }

  /** Removes the latency and every armed fault. */
  public void clear() {
    latency = Duration.ZERO;
    rules.clear();
    afterRules.clear();
  }

  /** Armed hits not yet consumed. */
  public int pending() {
    return rules.stream().mapToInt(r -> r.remaining().get()).sum()
        + afterRules.stream().mapToInt(r -> r.match().remaining().get()).sum();
  }

  /**
   * For the server, once a request was handled successfully: runs the alteration armed for it, if any, and says
   * whether its response must be dropped. Consumes one hit of each matching rule.
   */
  public boolean afterHandling(String service, String action, String account) {
    boolean drop = false;
    for (AfterRule rule : afterRules) {
      if (rule.match().matches(service, action, account) && rule.match().take()) {
        if (rule.match().remaining().get() == 0) afterRules.remove(rule);
        if (rule.alteration() == null) {
          drop = true;
        } else {
          rule.alteration().run();
        }
      }
    }
    return drop;
  }

  /** For the server: the fault to apply to this request, if any, consuming one hit of the first matching rule. */
  public FaultKind next(String service, String action, String account) {
    for (Rule rule : rules) {
      if (rule.matches(service, action, account) && rule.take()) {
        if (rule.remaining().get() == 0) rules.remove(rule);
        return rule.kind();
      }
    }
    return null;
  }

  /** What a rule matches; a terminal method arms it. */
  public final class Target {
    private final String service;
    private final String action;
    private final String account;
    private final int skip;

    private Target(String service, String action, String account, int skip) {
      this.service = service;
      this.action = action;
      this.account = account;
      this.skip = skip;
    }

    /** Only this operation (e.g. "AssumeRole"; for IMDS: GetToken, GetCredentials, GetMetadata). */
    public Target action(String action) {
      return new Target(service, action, account, skip);
    }

    /** Only requests whose caller is in this account. */
    public Target account(String accountId) {
      return new Target(service, action, accountId, skip);
    }

    /** Lets the first {@code requests} matching requests through before the fault hits (a failure mid-way). */
    public Target after(int requests) {
      if (requests < 0) throw new IllegalArgumentException("requests must not be negative: " + requests);
      return new Target(service, action, account, requests);
    }

    /** The service's throttling error (Throttling, RequestLimitExceeded, ThrottlingException, SlowDown). */
    public Faults throttle(int times) {
      return arm(FaultKind.THROTTLE, times);
    }

    /** HTTP 500 InternalFailure (InternalError for EC2/S3). */
    public Faults serverError(int times) {
      return arm(FaultKind.SERVER_ERROR, times);
    }

    /** HTTP 503 ServiceUnavailable. */
    public Faults unavailable(int times) {
      return arm(FaultKind.UNAVAILABLE, times);
    }

    /** Closes the connection without a response; clients see an I/O error. */
    public Faults dropConnection(int times) {
      return arm(FaultKind.DROP_CONNECTION, times);
    }

    /**
     * Handles the request (its change is made), then closes the connection without the response: the client sees
     * an I/O error and, if it retries, meets the change its first attempt made.
     */
    public Faults dropResponse(int times) {
      return armAfter(null, times);
    }

    /**
     * Handles the request, then runs {@code alteration} before the response goes out: AWS keeping something other
     * than it was sent (a value it normalises, a policy that overrides it, another writer), so a read right after
     * sees the altered state. Once.
     */
    public Faults thenAlter(Runnable alteration) {
      return armAfter(Objects.requireNonNull(alteration), 1);
    }

    private Faults armAfter(Runnable alteration, int times) {
      if (times < 1) throw new IllegalArgumentException("times must be at least 1: " + times);
      afterRules.add(new AfterRule(new Rule(service, action, account, null, new AtomicInteger(skip),
          new AtomicInteger(times)), alteration));
      return Faults.this;
    }

    private Faults arm(FaultKind kind, int times) {
      if (times < 1) throw new IllegalArgumentException("times must be at least 1: " + times);
      rules.add(new Rule(service, action, account, kind, new AtomicInteger(skip), new AtomicInteger(times)));
      return Faults.this;
    }
  }
}
