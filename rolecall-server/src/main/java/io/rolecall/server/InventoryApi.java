package io.rolecall.server;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.inventory.Findings;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.Kind;
import io.rolecall.inventory.Summary;
import io.rolecall.render.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The roll call over HTTP: sync jobs (queued, run by any engine on the store), summary, lists and findings. */
final class InventoryApi {
  private static final int MAX_LIST = 10_000;

  private final InventoryStore inventory;
  private final JobQueue queue;
  private final JobWorkers workers;
  private final Instances instances;

  InventoryApi(InventoryStore inventory, JobQueue queue, JobWorkers workers, Instances instances) {
    this.inventory = inventory;
    this.queue = queue;
    this.workers = workers;
    this.instances = instances;
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
    return Response.ok(Summary.latest(inventory).orElseThrow(InventoryApi::noSync));
  }

  Response list(Request r) {
    String kind = r.param("kind");
    String account = account(r);
    int limit = limit(r, 1000, MAX_LIST);
    var out = new ArrayList<Object>();
    if (kind.equals("events")) {
      inventory.events(account, e -> {
        if (out.size() < limit) {
          out.add(e.json());
        }
      });
    } else {
      List<Kind> kinds = Kind.forListName(kind);
      var run = inventory.latestRun().orElseThrow(InventoryApi::noSync);
      inventory.items(run.runId(), kinds, account, i -> {
        if (out.size() < limit) {
          out.add(i.json());
        }
      });
    }
    return Response.ok(Map.of("kind", kind, "items", out));
  }

  Response findings(Request r) {
    String account = account(r);
    if (inventory.latestRun().isEmpty()) {
      throw noSync();
    }
    return Response.ok(Map.of("findings", Findings.latest(inventory, account).stream().map(f -> f.json()).toList()));
  }

  private static ApiException noSync() {
    return new ApiException(404, "inventory: no finished sync in the store; start one with POST /v1/inventory/jobs");
  }

  private static String account(Request r) {
    String a = r.query().get("account");
    if (a != null && !a.matches("\\d{12}")) {
      throw new UsageException("account: expected a 12-digit account id, got " + Shown.quoted(a));
    }
    return a;
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
