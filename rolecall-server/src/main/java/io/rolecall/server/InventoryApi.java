package io.rolecall.server;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.inventory.Diff;
import io.rolecall.inventory.FindingsReport;
import io.rolecall.inventory.History;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.ReadOptions;
import io.rolecall.inventory.Summary;
import io.rolecall.inventory.Suppression;
import io.rolecall.inventory.View;
import java.time.Clock;
import io.rolecall.render.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The roll call over HTTP: sync jobs (queued, run by any engine on the store); the current state (or {@code ?run=}
 * one past run) as summary, lists and findings with their coverage; history and diff.
 */
final class InventoryApi {
  private static final int MAX_LIST = 10_000;

  private final InventoryStore inventory;
  private final JobQueue queue;
  private final JobWorkers workers;
  private final Instances instances;
  private final List<Suppression> suppressions;
  private final Clock clock;

  InventoryApi(InventoryStore inventory, JobQueue queue, JobWorkers workers, Instances instances,
      List<Suppression> suppressions, Clock clock) {
    this.inventory = inventory;
    this.queue = queue;
    this.workers = workers;
    this.instances = instances;
    this.suppressions = List.copyOf(suppressions);
    this.clock = clock;
  }

  Response startJob(Request r) {
    var body = r.json();
    var options = SyncJobs.options(body);
    String instance = SyncJobs.instance(body);
    var settings = instances.settings(instance);
    if (settings.roleName() == null) {
      throw new UsageException("instance: an inventory sync needs a role name to assume in every account (roleName in"
          + " the instance, or serve --role-name)");
    }
    var job = queue.enqueue(SyncJobs.KIND, instance, Json.write(options));
    workers.wake();
    return Response.json(202, job.json());
  }

  Response job(Request r) {
    return Response.ok(find(r.param("id")).json());
  }

  Response jobs(Request r) {
    int limit = limit(r, 20, 200);
    return Response.ok(Map.of("jobs", queue.recent(limit).stream().map(JobQueue.Job::json).toList()));
  }

  Response cancel(Request r) {
    find(r.param("id"));
    var job = queue.cancel(r.param("id")).orElseThrow();
    workers.interrupt(job.id());
    return Response.ok(job.json());
  }

  private JobQueue.Job find(String id) {
    return queue.get(id).orElseThrow(() -> new ApiException(404, "job: no job " + Shown.quoted(id)));
  }

  Response summary(Request r) {
    var accounts = accounts(r);
    String run = run(r);
    if (run != null) {
      return Response.ok(Summary.ofRun(inventory, run));
    }
    return Response.ok(Summary.current(inventory, accounts).orElseThrow(InventoryApi::noSync));
  }

  Response list(Request r) {
    String kind = r.param("kind");
    var accounts = accounts(r);
    int limit = limit(r, 1000, MAX_LIST);
    var out = new ArrayList<Object>();
    if (kind.equals("events")) {
      inventory.events(accounts, e -> {
        if (out.size() < limit) {
          out.add(e.json());
        }
      });
    } else {
      List<Kind> kinds = Kind.forListName(kind);
      String run = run(r);
      if (run == null) {
        inventory.latestRun().orElseThrow(InventoryApi::noSync);
      }
      inventory.items(run == null ? View.current() : View.run(run), kinds, accounts, i -> {
        if (out.size() < limit) {
          out.add(i.json());
        }
      });
    }
    return Response.ok(Map.of("kind", kind, "view", r.query().getOrDefault("run", "current"), "items", out));
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
    return Response.ok(body);
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
