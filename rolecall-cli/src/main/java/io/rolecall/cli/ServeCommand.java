package io.rolecall.cli;

import io.rolecall.Shown;
import io.rolecall.UsageException;
import io.rolecall.config.Retention;
import io.rolecall.server.BearerToken;
import io.rolecall.server.Engine;
import io.rolecall.server.jobs.EngineScheduler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall serve [--bind ADDR] [--port N]}: the engine (docs/engine.md). The global flags and --instance make
 * the default instance; requests may name any instance of the config file. Serves until killed.
 */
@Command(name = "serve", description = "Run the engine: HTTP API, inventory jobs and web dashboard (docs/engine.md).")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand
  RolecallCommand root;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default 127.0.0.1; anything else exposes the engine to the network).")
  String bind;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8642", description = "Port (default 8642; 0 picks a free one).")
  int port;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Bearer token file, created 0600 on first start (default ~/.rolecall/engine-token);"
          + " $" + BearerToken.VARIABLE + " wins over it.")
  Path tokenFile;

  @Option(names = "--tokens-file", paramLabel = "FILE",
      description = "People's named tokens (YAML or JSON lines of name and token or sha256, mode 0600): the journal"
          + " records the name as the actor; default the config's engine: tokens-file:.")
  Path tokensFile;

  @Option(names = "--workers", paramLabel = "N",
      description = "Accounts of sync jobs (of any engine on the store) this engine syncs at once, 0 to 256 (default:"
          + " --parallel, 16); 0 serves the API and leaves the jobs to the other engines.")
  Integer workers;

  @Option(names = "--schedule", paramLabel = "SCHEDULE",
      description = "Keep a recurring sync of the default instance: 'every 6h' (s, m, h, d) or a five-field cron in"
          + " UTC; repeatable. Made once per store, however many engines are given it.")
  java.util.List<String> schedules = new java.util.ArrayList<>();

  @Option(names = "--schedule-accounts", paramLabel = "ACCOUNTS", defaultValue = "all",
      description = "The accounts --schedule syncs: all (the organization's ACTIVE accounts, default) or ids.")
  String scheduleAccounts;

  @Option(names = "--allow-host", paramLabel = "NAME",
      description = "A Host name requests may give besides the bound address and localhost (a DNS name in front of"
          + " the engine); repeatable. Requests naming any other host are refused (DNS-rebinding defence).")
  java.util.List<String> allowHosts = new java.util.ArrayList<>();

  @Option(names = "--keep-runs", paramLabel = "N",
      description = "After each sync job, keep only the newest N runs' snapshots (as 'inventory prune --keep-runs').")
  Integer keepRuns;

  @Option(names = "--prune-older-than", paramLabel = "DURATION",
      description = "After each sync job, drop snapshots of runs older than this, e.g. 90d (as 'inventory prune"
          + " --older-than'). Without either flag, the config file's retention applies, if any.")
  String pruneOlderThan;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port: expected 0 to 65535, got " + port);
    }
    int steps = workers == null ? root.parallelism() : workers;
    if (steps < 0 || steps > 256) {
      throw new UsageException("--workers: expected 0 to 256, got " + steps);
    }
    var cli = root.cli;
    // Every flag is checked before the token file is created: a refused start leaves nothing behind.
    InetAddress address = localAddress(bind);
    for (String spec : schedules) {
      io.rolecall.server.jobs.ScheduleSpec.check(spec, "--schedule");
    }
    io.rolecall.inventory.SyncOptions.accounts(scheduleAccounts);
    var token = BearerToken.load(cli.env(), tokenFile != null ? tokenFile : BearerToken.defaultFile(cli.env()));
    if (!address.isLoopbackAddress()) {
      cli.warn("--bind " + bind + ": the engine is reachable from the network; anyone with the token can run commands");
    }
    var config = SettingsLoader.config(root.global, cli.env());
    Path named = tokensFile != null ? tokensFile : config == null ? null : config.engineTokensFile();
    if (named != null) {
      token = token.withNamed(named);
    }
    Retention retention = keepRuns != null || pruneOlderThan != null
        ? Retention.parse(keepRuns, "--keep-runs", pruneOlderThan, "--prune-older-than") : config == null ? null : config.retention();
    String host = hostName();
    var recurring = new java.util.ArrayList<Engine.ScheduleOption>();
    for (String spec : schedules) {
      recurring.add(new Engine.ScheduleOption(null, spec, java.util.Map.of("accounts", scheduleAccounts),
          "serve --schedule"));
    }
    if (config != null) {
      for (var e : config.schedules()) {
        recurring.add(new Engine.ScheduleOption(e.instance(), e.schedule(), e.options(), e.where()));
      }
    }
    var options = new Engine.Options(bind, port, token, root.dbLocation(), root.settings(), config, cli.env(),
        System.getProperty("user.name", "unknown") + " (engine)", root.parallelism(), steps,
        EngineScheduler.Timing.DEFAULT, host + ":" + ProcessHandle.current().pid(), cli.err(), retention, allowHosts,
        recurring);
    try (var engine = Engine.start(options)) {
      cli.out().println("rolecall engine on " + engine.uri() + "  (token from " + token.source() + ")");
      cli.out().println("dashboard: " + engine.uri() + "/  (paste the token, or open " + engine.uri() + "/#token=TOKEN)");
      cli.out().flush();
      Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
      Thread.currentThread().join();
    }
    return 0;
  }

  /** The address to listen on: it must resolve, and be this machine's (or the wildcard). */
  private static InetAddress localAddress(String bind) {
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new UsageException("--bind: expected an address of this machine (such as 127.0.0.1, ::1 or 0.0.0.0),"
          + " got " + Shown.quoted(bind) + ", which does not resolve");
    }
    try {
      if (!address.isAnyLocalAddress() && !address.isLoopbackAddress()
          && java.net.NetworkInterface.getByInetAddress(address) == null) {
        throw new UsageException("--bind: " + Shown.quoted(bind) + " is not an address of this machine");
      }
    } catch (java.net.SocketException e) {
      throw new UsageException("--bind: cannot list this machine's addresses: " + e.getMessage());
    }
    return address;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "engine";
    }
  }
}
