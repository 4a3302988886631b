package io.rolecall.server;

import io.rolecall.UsageException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.aws.Sessions;
import io.rolecall.command.CommandExecutor;
import io.rolecall.commands.Commands;
import io.rolecall.config.ConfigFile;
import io.rolecall.config.Env;
import io.rolecall.config.Retention;
import io.rolecall.inventory.InventoryStore;
import io.rolecall.inventory.InventorySync;
import io.rolecall.inventory.Prune;
import io.rolecall.inventory.RateLimits;
import io.rolecall.render.Json;
import io.rolecall.server.jobs.EngineScheduler;
import io.rolecall.server.jobs.Jobs;
import io.rolecall.store.Store;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code rolecall serve}: the HTTP API and dashboard over one set of engine-wide parts, shared by every request and
 * job: the credential cache and SDK clients with one pooled HTTP client ({@link Sessions#engine}), one set of rate
 * limits per (account, region, service), the store, the command executor, and the jobs on the store's scheduler.
 * Each request runs on its own virtual thread, on Jetty's core server (no servlets): a handful of routes needs no
 * framework, and Jetty lets even a request it cannot parse be answered in the API's JSON shape.
 */
public final class Engine implements AutoCloseable {
  /**
   * How to run: where to listen, the token, the store, the default instance (serve's flags) and the config file
   * whose instances requests may name.
   *
   * @param parallelism accounts a command runs in at once; also sizes the HTTP connection pool
   * @param workers steps (accounts of any sync job) this engine runs at once; 0: it serves the API and queues jobs,
   *     other engines on the store run them
   * @param runner this engine's name in the jobs' rows and the scheduler's
   * @param hosts Host header values accepted besides the bound address, localhost and loopback addresses
   * @param schedules recurring syncs to keep (serve --schedule and the config's schedules:), made once per store
   */
  public record Options(String bind, int port, BearerToken token, String db, AuthSettings defaults,
                        ConfigFile config, Env env, String actor, int parallelism, int workers,
                        EngineScheduler.Timing timing, String runner, PrintStream log, Retention retention,
                        List<String> hosts, List<ScheduleOption> schedules) {
    public Options {
      hosts = List.copyOf(hosts);
      schedules = List.copyOf(schedules);
    }
  }

  /** A recurring sync given at start: instance (null: the default), schedule, sync options, who gave it. */
  public record ScheduleOption(String instance, String schedule, java.util.Map<String, String> options,
                               String origin) {}

  private final Options options;
  private final org.eclipse.jetty.server.Server server;
  private final int port;
  private final InetAddress address;
  private final Sessions sessions;
  private final Store store;
  private final Jobs jobs;
  private final EngineLog log;
  private final List<Route> routes;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Engine(Options o, org.eclipse.jetty.server.Server server, InetAddress address, int port, Sessions sessions,
      Store store, Jobs jobs, EngineLog log, List<Route> routes) {
    this.routes = routes;
    this.options = o;
    this.server = server;
    this.address = address;
    this.port = port;
    this.sessions = sessions;
    this.store = store;
    this.jobs = jobs;
    this.log = log;
  }

  /** Sockets in the engine's HTTP pool per transport setting: a few calls in flight per account at once. */
  static int connections(int parallelism) {
    return Math.max(16, parallelism * 2);
  }

  public static Engine start(Options o) {
    var log = new EngineLog(o.log());
    var sessions = Sessions.engine(connections(o.parallelism()), Sessions.ENGINE_IDLE_ROLES);
    var store = Store.open(o.db());
    var clock = Clock.systemUTC();
    var registry = Commands.registry();
    // One set of buckets for the engine: its commands and its jobs in one account share that account's pace.
    var limits = new RateLimits();
    var executor = new CommandExecutor(registry, sessions, store::auditJournal, o.actor(), o.parallelism(), clock,
        limits::pacing);
    var instances = new Instances(o.defaults(), o.config(), o.env());
    var inventory = new InventoryStore(store);
    var sync = new InventorySync(sessions, inventory, limits, clock);
    Runnable retention = () -> {
      if (o.retention() != null) {
        var pruned = Prune.run(inventory, o.retention().keepRuns(), o.retention().olderThan(), clock.instant());
        if (!pruned.runs().isEmpty()) {
          log.info("retention: pruned " + pruned.runs().size() + " run(s), " + pruned.items() + " item(s), "
              + pruned.events() + " event(s)");
        }
      }
    };
    var jobs = new Jobs(new Jobs.Setup(store, inventory, sync, instances::settings, SyncJobs::stored, retention,
        log::info, o.runner(), o.workers(), o.timing(), clock));
    var suppressions = o.config() == null ? List.<io.rolecall.inventory.Suppression>of() : o.config().suppressions();
    var access = new AccessApi(inventory, clock);
    List<Route> routes = Routes.all(new CommandsApi(executor, instances), new InventoryApi(inventory, jobs, instances,
        suppressions, clock), access, new AuditApi(store), new PrincipalApi(inventory, access, suppressions, clock),
        registry, store);
    InetAddress address;
    org.eclipse.jetty.server.Server server;
    int port;
    try {
      address = InetAddress.getByName(o.bind());
      server = new org.eclipse.jetty.server.Server(new org.eclipse.jetty.util.thread.VirtualThreadPool());
      var http = new org.eclipse.jetty.server.HttpConfiguration();
      http.setSendServerVersion(false);
      http.setSendXPoweredBy(false);
      var connector = new org.eclipse.jetty.server.ServerConnector(server,
          new org.eclipse.jetty.server.HttpConnectionFactory(http));
      connector.setHost(address.getHostAddress());
      connector.setPort(o.port());
      server.addConnector(connector);
      server.setErrorHandler(new JsonErrors());
      // Bound first, so the Host check knows the port (0 picks one); nothing is accepted before start().
      connector.open();
      port = connector.getLocalPort();
      server.setHandler(new Dispatcher(routes, o.token(), log, HostCheck.forBind(o.bind(), address, port, o.hosts())));
      server.start();
    } catch (Exception e) {
      jobs.close();
      store.close();
      sessions.close();
      throw new UsageException("serve: cannot listen on " + o.bind() + ":" + o.port() + ": " + e.getMessage());
    }
    var engine = new Engine(o, server, address, port, sessions, store, jobs, log, routes);
    try {
      engine.keepSchedules(instances);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    jobs.start();
    log.info("listening on " + engine.uri() + " (store " + store.description() + ", token from " + o.token().source()
        + ", runner " + o.runner() + ", " + o.workers() + " workers, " + connections(o.parallelism())
        + " HTTP connections per setting; a dead engine's work is taken over within "
        + o.timing().takeover().toSeconds() + " s)");
    return engine;
  }

  /** Creates the recurring syncs given at start, unless the store has them (another engine, an earlier start). */
  private void keepSchedules(Instances instances) {
    for (var s : options.schedules()) {
      Jobs.Created created;
      try {
        instances.settings(s.instance());
        var body = Json.mapper().createObjectNode();
        s.options().forEach(body::put);
        var normalized = new LinkedHashMap<>(SyncJobs.options(body));
        created = jobs.createSchedule(null, s.instance(), s.schedule(), Json.write(normalized), s.origin());
      } catch (UsageException e) {
        throw new UsageException(s.origin() + ": " + e.getMessage());
      }
      log.info("schedule " + created.schedule().id() + " (" + created.schedule().spec() + ", " + s.origin() + ") "
          + (created.created() ? "created" : "kept"));
    }
  }

  public URI uri() {
    String host = address.getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
  }

  /** The route table this engine serves (for tests of the OpenAPI document). */
  List<Route> routes() {
    return routes;
  }

  /** The engine's jobs (for tests that look into the store's view of them). */
  Jobs jobs() {
    return jobs;
  }

  Sessions sessions() {
    return sessions;
  }

  public String runner() {
    return options.runner();
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      log.info("stopping the HTTP server: " + e.getMessage());
    }
    jobs.close();
    store.close();
    sessions.close();
    log.info("stopped");
  }
}
