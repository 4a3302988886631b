package io.rolecall.cli;

import io.rolecall.NotConfiguredException;
import io.rolecall.UsageException;
import io.rolecall.auth.AuthSettings;
import io.rolecall.aws.Sessions;
import io.rolecall.command.Arguments;
import io.rolecall.command.CommandExecutor;
import io.rolecall.commands.Commands;
import io.rolecall.config.RolecallHome;
import io.rolecall.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code rolecall [flags] <command> [name=value ...]}, and the built-in subcommands. */
@Command(name = "rolecall",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    usageHelpAutoWidth = true,
    description = {
        "Authenticate to many AWS accounts, run XSOAR-compatible security commands, take a roll call of identities.",
        "",
        "Run a command:  rolecall [flags] <command> [name=value ...]   (list them with: rolecall help)"},
    subcommands = {HelpCommand.class, CompletionCommand.class, TestCommand.class, DemoCommand.class, AuditCommand.class, PolicyCommand.class,
        InventoryCommand.class, AccessCommand.class, SandboxCommand.class, ServeCommand.class})
public final class RolecallCommand implements Callable<Integer> {
  final Cli cli;

  @Mixin
  GlobalOptions global = new GlobalOptions();

  @Parameters(arity = "0..*", paramLabel = "COMMAND [name=value...]",
      description = "An integration command and its arguments, e.g. aws-iam-account-password-policy-get account_id=123456789012")
  List<String> words = new ArrayList<>();

  public RolecallCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    if (words.isEmpty()) {
      throw new UsageException("no command given; run 'rolecall help' to list commands, 'rolecall demo' to see one run");
    }
    String name = words.getFirst();
    var registry = Commands.registry();
    registry.require(name);
    var rawArgs = Arguments.split(name, words.subList(1, words.size()));
    OutputFormat format = OutputFormat.parse(global.output);
    AuthSettings settings = settings();
    try (var sessions = new Sessions(); var store = new LazyStore(dbLocation())) {
      var executor = new CommandExecutor(registry, sessions, () -> store.get().auditJournal(), actor(), parallelism(),
          Clock.systemUTC());
      var execution = executor.execute(settings, name, rawArgs);
      ExecutionPrinter.print(cli, execution, format, global.xsoarKeys);
      return execution.exitCode();
    } catch (NotConfiguredException e) {
      throw new UsageException(e.getMessage() + instanceHint());
    }
  }

  /**
   * When no instance was chosen but the config file defines some, where a missing setting could come from:
   * "; or choose an instance of FILE with --instance NAME (defined: a, b)". Empty otherwise.
   */
  String instanceHint() {
    if (global.instance != null || cli.env().get("ROLECALL_INSTANCE") != null) {
      return "";
    }
    try {
      var config = SettingsLoader.config(global, cli.env());
      if (config == null || config.instanceNames().isEmpty()) {
        return "";
      }
      return "; or choose an instance of " + config.path() + " with --instance NAME (defined: "
          + String.join(", ", config.instanceNames()) + ")";
    } catch (UsageException unreadable) {
      return "";
    }
  }

  /** Whether the store's location was given (--db, or the config's db:) rather than the default. */
  boolean dbGiven() {
    if (global.db != null) {
      return true;
    }
    var config = SettingsLoader.config(global, cli.env());
    return config != null && config.db() != null;
  }

  /**
   * The store location: --db, else the config file's db:, else rolecall.db in ~/.rolecall; a leading ~ is $HOME
   * ({@link RolecallHome}).
   */
  String dbLocation() {
    String location = global.db;
    if (location == null) {
      var config = SettingsLoader.config(global, cli.env());
      location = config == null ? null : config.db();
    }
    return location == null ? Store.defaultPath(cli.env()).toString() : RolecallHome.expand(location, cli.env());
  }

  /** The instance's settings (env, config, flags), with the --insecure warning SPEC §1 asks for. */
  AuthSettings settings() {
    AuthSettings s = SettingsLoader.load(global, cli.env());
    if (s.insecure()) {
      cli.warn("TLS certificate verification is OFF (--insecure); use it only against endpoints you trust");
    }
    if (s.systemProxy() && s.proxy() == null) {
      cli.warn("--system-proxy: HTTPS_PROXY is not set, connecting directly");
    }
    return s;
  }

  int parallelism() {
    int p = global.parallel == null ? CommandExecutor.DEFAULT_PARALLELISM : global.parallel;
    if (p < 1 || p > 256) {
      throw new UsageException("--parallel: expected 1 to 256, got " + p);
    }
    return p;
  }

  static String actor() {
    return System.getProperty("user.name", "unknown") + " (cli)";
  }
}
