package io.rolecall.server;

import com.sun.net.httpserver.HttpServer;
import io.rolecall.UsageException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.aws.Sessions;
import io.rolecall.command.CommandExecutor;
import io.rolecall.commands.Commands;
import io.rolecall.config.ConfigFile;
import io.rolecall.config.Env;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.InventorySync;
import io.rolecall.inventory.Prune;
import io.rolecall.config.Retention;
import io.rolecall.inventory.RateLimits;
import io.rolecall.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code rolecall serve}: the HTTP API and dashboard over one set of shared, thread-safe parts: the credential cache
 * and SDK clients ({@link Sessions}), the store, and the command executor. Each request runs on its own virtual
 * thread. Built on the JDK's HTTP server: a handful of routes needs no framework, and the CLI's shaded jar and
 * AOT cache stay as they are.
 */
public final class Engine implements AutoCloseable {
  /**
   * How to run: where to listen, the token, the store, the default instance (serve's flags) and the config file
   * whose instances requests may name.
   *
   * @param workers job runners in this engine (0: this engine serves the API but runs no sync jobs)
   * @param runner this engine's name in the jobs table
   */
  public record Options(String bind, int port, BearerToken token, String db, AuthSettings defaults,
                        ConfigFile config, Env env, String actor, int parallelism, int workers, Duration poll,
                        String runner, PrintStream log, Retention retention) {}

  private final Options options;
  private final HttpServer server;
  private final ExecutorService requests;
  private final Sessions sessions;
  private final Store store;
  private final JobWorkers workers;
  private final EngineLog log;
  private final List<Route> routes;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private Engine(Options o, HttpServer server, ExecutorService requests, Sessions sessions, Store store,
      JobWorkers workers, EngineLog log, List<Route> routes) {
    this.routes = routes;
    this.options = o;
    this.server = server;
    this.requests = requests;
    this.sessions = sessions;
    this.store = store;
    this.workers = workers;
    this.log = log;
  }

  public static Engine start(Options o) {
    var log = new EngineLog(o.log());
    var sessions = new Sessions();
    var store = Store.open(o.db());
    var clock = Clock.systemUTC();
    var registry = Commands.registry();
    var executor = new CommandExecutor(registry, sessions, store::auditJournal, o.actor(), o.parallelism(), clock);
    var instances = new Instances(o.defaults(), o.config(), o.env());
    var inventory = new InventoryStore(store);
    var queue = new JobQueue(store, clock);
    JobWorkers.Work sync = job -> {
      var options = SyncJobs.parse(job.request());
      var settings = instances.settings(job.instance());
      String runId = new InventorySync(sessions, inventory, new RateLimits(), clock)
          .run(settings, SyncJobs.request(options), InventorySync.Listener.NONE).runId();
      if (o.retention() != null) {
        var pruned = Prune.run(inventory, o.retention().keepRuns(), o.retention().olderThan(), clock.instant());
        if (!pruned.runs().isEmpty()) {
          log.info("retention: pruned " + pruned.runs().size() + " run(s), " + pruned.items() + " item(s), "
              + pruned.events() + " event(s)");
        }
      }
      return runId;
    };
    var workers = new JobWorkers(queue, sync, o.runner(), o.poll(), log);
    List<Route> routes = Routes.all(new CommandsApi(executor, instances), new InventoryApi(inventory, queue, workers,
        instances, o.config() == null ? List.of() : o.config().suppressions(), clock), new AccessApi(inventory, clock),
        new AuditApi(store), registry, store);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(o.bind()), o.port()), 64);
    } catch (IOException e) {
      store.close();
      sessions.close();
      throw new UsageException("serve: cannot listen on " + o.bind() + ":" + o.port() + ": " + e.getMessage());
    }
    var requests = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(requests);
    server.createContext("/", new Dispatcher(routes, o.token(), log));
    server.start();
    workers.start(o.workers());
    var engine = new Engine(o, server, requests, sessions, store, workers, log, routes);
    log.info("listening on " + engine.uri() + " (store " + store.description() + ", token from " + o.token().source()
        + ", runner " + o.runner() + ", " + o.workers() + " job workers)");
    return engine;
  }

  public URI uri() {
    var a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
  }

  /** The route table this engine serves (for tests of the OpenAPI document). */
  List<Route> routes() {
    return routes;
  }

  public String runner() {
    return options.runner();
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    server.stop(0);
    workers.close();
    requests.close();
    store.close();
    sessions.close();
    log.info("stopped");
  }
}
