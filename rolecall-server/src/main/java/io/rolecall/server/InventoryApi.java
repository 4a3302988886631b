package io.rolecall.server;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.inventory.Diff;
import io.rolecall.inventory.FindingsReport;
import io.rolecall.inventory.History;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.ItemPages;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.ReadOptions;
import io.rolecall.inventory.Summary;
import io.rolecall.inventory.Suppression;
import io.rolecall.inventory.View;
import io.rolecall.server.jobs.JobStore;
import io.rolecall.server.jobs.Jobs;
import java.time.Clock;
import io.rolecall.render.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The roll call over HTTP: sync jobs (queued, their accounts run by any engine on the store) and recurring syncs; the
 * current state (or {@code ?run=} one past run) as summary, lists paged in SQL and findings with their coverage;
 * history and diff.
 */
final class InventoryApi {
  private static final int MAX_LIST = 1000;

  private final InventoryStore inventory;
  private final Jobs jobs;
  private final Instances instances;
  private final List<Suppression> suppressions;
  private final Clock clock;

  InventoryApi(InventoryStore inventory, Jobs jobs, Instances instances, List<Suppression> suppressions, Clock clock) {
    this.inventory = inventory;
    this.jobs = jobs;
    this.instances = instances;
    this.suppressions = List.copyOf(suppressions);
    this.clock = clock;
  }

  Response startJob(Request r) {
    var body = r.json();
    var options = SyncJobs.options(body);
    String instance = checkedInstance(SyncJobs.instance(body));
    return Response.json(202, jobs.enqueue(instance, Json.write(options)).json());
  }

  /** The instance a sync (now or recurring) runs as: it must exist and have a role to assume in every account. */
  private String checkedInstance(String instance) {
    var settings = instances.settings(instance);
    if (settings.roleName() == null) {
      throw new UsageException("instance: an inventory sync needs a role name to assume in every account (roleName in"
          + " the instance, or serve --role-name)");
    }
    return instance;
  }

  Response job(Request r) {
    var job = find(r.param("id"));
    var body = new java.util.LinkedHashMap<String, Object>(job.json());
    var steps = new ArrayList<Object>();
    for (var s : jobs.steps(job.id())) {
      var m = new java.util.LinkedHashMap<String, Object>();
      m.put("step", s.step());
      m.put("kind", s.kind());
      m.put("status", s.status());
      m.put("outcome", s.outcome());
      m.put("attempts", s.attempts());
      m.put("runner", s.runner());
      m.put("error", s.error());
      steps.add(m);
    }
    body.put("steps", steps);
    return Response.ok(body);
  }

  Response jobs(Request r) {
    int limit = limit(r, 20, 200);
    return Response.ok(Map.of("jobs", jobs.recent(limit).stream().map(JobStore.Job::json).toList()));
  }

  Response cancel(Request r) {
    find(r.param("id"));
    return Response.ok(jobs.cancel(r.param("id")).orElseThrow().json());
  }

  private JobStore.Job find(String id) {
    return jobs.get(id).orElseThrow(() -> new ApiException(404, "job: no job " + Shown.quoted(id)));
  }

  /** {@code POST /v1/inventory/schedules}: a recurring sync, the job body plus {@code "schedule"}. */
  Response createSchedule(Request r) {
    var body = r.json();
    var spec = SyncJobs.text(body.remove("schedule"), "schedule");
    if (spec == null) {
      throw new UsageException("schedule: required: 'every N' with a unit s, m, h or d (e.g. every 6h), or a"
          + " five-field cron expression in UTC (e.g. 0 */6 * * *)");
    }
    var options = SyncJobs.options(body);
    String instance = checkedInstance(SyncJobs.instance(body));
    var created = jobs.createSchedule(null, instance, spec, Json.write(options), "api");
    return Response.json(created.created() ? 201 : 200, created.schedule().json());
  }

  Response schedules(Request r) {
    return Response.ok(Map.of("schedules", jobs.schedules().stream().map(s -> s.json()).toList()));
  }

  Response schedule(Request r) {
    var s = jobs.schedule(r.param("id")).orElseThrow(() -> noSchedule(r.param("id")));
    var body = new java.util.LinkedHashMap<String, Object>(s.json());
    body.put("jobs", jobs.jobsOf(s.id()).stream().map(JobStore.Job::json).toList());
    return Response.ok(body);
  }

  Response deleteSchedule(Request r) {
    var s = jobs.schedule(r.param("id")).orElseThrow(() -> noSchedule(r.param("id")));
    jobs.deleteSchedule(s.id());
    return Response.ok(Map.of("deleted", s.json()));
  }

  private static ApiException noSchedule(String id) {
    return new ApiException(404, "schedule: no schedule " + Shown.quoted(id));
  }

  Response summary(Request r) {
    var accounts = accounts(r);
    String run = run(r);
    if (run != null) {
      return Response.ok(Summary.ofRun(inventory, run));
    }
    return Response.ok(Summary.current(inventory, accounts).orElseThrow(InventoryApi::noSync));
  }

  /**
   * A page of a kind's items (or events): at most {@code limit} (default 100, at most 1000), the next page after
   * {@code nextToken}, and the total of the listing, all read in SQL.
   */
  Response list(Request r) {
    String kind = r.param("kind");
    var accounts = accounts(r);
    int limit = limit(r, 100, MAX_LIST);
    String token = r.query().get("nextToken");
    String q = text(r, "q");
    ItemPages.Page page;
    if (kind.equals("events")) {
      page = ItemPages.events(inventory, accounts, q, limit, token);
    } else {
      List<Kind> kinds = Kind.forListName(kind);
      String run = run(r);
      if (run == null) {
        inventory.latestRun().orElseThrow(InventoryApi::noSync);
      }
      page = ItemPages.items(inventory, run == null ? View.current() : View.run(run), kinds, accounts, q, limit, token);
    }
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("kind", kind);
    body.put("view", r.query().getOrDefault("run", "current"));
    body.put("items", page.items());
    body.put("total", page.total());
    body.put("nextToken", page.nextToken());
    return Response.ok(body);
  }

  Response findings(Request r) {
    var q = r.query();
    var query = ReadOptions.findings(inventory, q.get("run"), q.get("severity"), q.get("rule"), q.get("account"),
        q.get("status"), q.get("newSince"), q.get("maxAge"), clock.instant(), suppressions, "");
    if (query.runId() == null && inventory.latestRun().isEmpty()) {
      throw noSync();
    }
    var report = FindingsReport.of(inventory, query);
    var body = new java.util.LinkedHashMap<String, Object>(report.json());
    body.put("warnings", report.warnings());
    var page = FindingsPage.of(report.findings(), text(r, "q"), q.get("sort"), q.containsKey("limit")
        ? limit(r, 100, MAX_LIST) : null, q.get("nextToken"));
    body.put("findings", page.findings());
    body.put("total", page.total());
    body.put("nextToken", page.nextToken());
    body.put("groups", page.groups());
    return Response.ok(body);
  }

  /**
   * {@code GET /v1/inventory/overview?since=24h}: each account's status, data age and open findings by severity, and
   * the findings by severity and by rule with those first seen and resolved since then.
   */
  Response overview(Request r) {
    String sinceText = r.query().get("since");
    var now = clock.instant();
    var since = now.minus(sinceText == null ? java.time.Duration.ofHours(24)
        : io.rolecall.inventory.Durations.parse(sinceText, "since", java.time.Duration.ofMinutes(1),
            java.time.Duration.ofDays(3650)));
    @SuppressWarnings("unchecked")
    var summary = Summary.current(inventory, List.of()).orElseThrow(InventoryApi::noSync);
    var all = new FindingsReport.Query(null, java.util.Set.of(), java.util.Set.of(), List.of(),
        java.util.Set.of("open", FindingsReport.SUPPRESSED, "resolved"), null, FindingsReport.DEFAULT_MAX_AGE, now,
        suppressions);
    var report = FindingsReport.of(inventory, all);
    var notAssessed = new java.util.HashMap<String, String>();
    report.coverage().forEach(g -> notAssessed.put(g.accountId(), g.reason()));
    var perAccount = new java.util.HashMap<String, java.util.Map<String, Long>>();
    var bySeverity = severityCounts();
    var byRule = new java.util.LinkedHashMap<String, long[]>();
    long fresh = 0;
    long resolved = 0;
    for (var e : report.findings()) {
      var f = e.finding();
      if ("open".equals(e.status())) {
        String sev = f.rule().severity().id();
        bySeverity.merge(sev, 1L, Long::sum);
        perAccount.computeIfAbsent(f.accountId(), a -> severityCounts()).merge(sev, 1L, Long::sum);
        byRule.computeIfAbsent(f.rule().id(), k -> new long[1])[0]++;
        if (e.firstSeen() != null && !e.firstSeen().isBefore(since)) {
          fresh++;
        }
      } else if ("resolved".equals(e.status()) && e.resolvedAt() != null && !e.resolvedAt().isBefore(since)) {
        resolved++;
      }
    }
    var accounts = new ArrayList<Object>();
    for (var a : (List<java.util.Map<String, Object>>) summary.get("accounts")) {
      String id = (String) a.get("accountId");
      String status = (String) a.get("status");
      String collectedAt = (String) a.get("collectedAt");
      var m = new java.util.LinkedHashMap<String, Object>();
      m.put("account", id);
      m.put("name", null);
      m.put("status", "never-synced".equals(status) || collectedAt == null ? "not-assessed" : status);
      m.put("error", a.get("error"));
      m.put("notAssessed", notAssessed.get(id));
      m.put("collectedAt", collectedAt);
      m.put("ageSeconds", collectedAt == null ? null
          : java.time.Duration.between(java.time.Instant.parse(collectedAt), now).toSeconds());
      m.put("findings", perAccount.getOrDefault(id, severityCounts()));
      accounts.add(m);
    }
    var rules = new ArrayList<Object>();
    byRule.entrySet().stream().sorted(java.util.Map.Entry.<String, long[]>comparingByValue(
        java.util.Comparator.comparingLong(v -> -v[0])).thenComparing(java.util.Map.Entry.comparingByKey()))
        .forEach(e -> rules.add(java.util.Map.of("rule", e.getKey(), "severity",
            io.rolecall.inventory.Finding.Rule.ofId(e.getKey()).orElseThrow().severity().id(), "count", e.getValue()[0])));
    var findings = new java.util.LinkedHashMap<String, Object>();
    findings.put("bySeverity", bySeverity);
    findings.put("byRule", rules);
    findings.put("new", fresh);
    findings.put("resolved", resolved);
    findings.put("since", since.toString());
    var body = new java.util.LinkedHashMap<String, Object>();
    body.put("accounts", accounts);
    body.put("findings", findings);
    return Response.ok(body);
  }

  /** Every severity, most serious first, at zero. */
  private static java.util.Map<String, Long> severityCounts() {
    var m = new java.util.LinkedHashMap<String, Long>();
    for (var s : io.rolecall.inventory.Finding.Severity.values()) {
      m.put(s.id(), 0L);
    }
    return m;
  }

  /** A query parameter's text, null when absent or blank. */
  static String text(Request r, String name) {
    String v = r.query().get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  Response history(Request r) {
    var accounts = accounts(r);
    if (accounts.size() > 1) {
      throw new UsageException("account: expected one 12-digit account id here");
    }
    return Response.ok(History.of(inventory, limit(r, History.DEFAULT_LIMIT, 10_000),
        accounts.isEmpty() ? null : accounts.getFirst()));
  }

  Response diff(Request r) {
    var q = r.query();
    var states = ReadOptions.diff(inventory, q.get("since"), q.get("from"), q.get("to"), clock.instant(), "");
    return Response.ok(Diff.between(inventory, states.from(), states.to(), accounts(r), ReadOptions.kinds(q.get("kind")),
        "true".equals(q.get("allFields"))).json());
  }

  private String run(Request r) {
    String run = r.query().get("run");
    if (run != null) {
      ReadOptions.run(inventory, run, "run");
    }
    return run;
  }

  private static ApiException noSync() {
    return new ApiException(404, "inventory: no finished sync in the store; start one with POST /v1/inventory/jobs");
  }

  private static List<String> accounts(Request r) {
    return ReadOptions.accounts(r.query().get("account"), "account");
  }

  static int limit(Request r, int fallback, int max) {
    String text = r.query().get("limit");
    if (text == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new UsageException("limit: expected a whole number from 1 to " + max + ", got " + Shown.quoted(text));
  }
}
