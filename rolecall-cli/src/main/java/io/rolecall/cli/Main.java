package io.rolecall.cli;

import io.rolecall.RolecallException;
import io.rolecall.Shown;
import io.rolecall.auth.Redactor;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of bin/rolecall. Exit codes: 0 ok, 1 the command failed, 2 bad usage or configuration. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    var out = new RedactingPrintStream(new FileOutputStream(FileDescriptor.out));
    var err = new RedactingPrintStream(new FileOutputStream(FileDescriptor.err));
    System.setOut(out);
    System.setErr(err);
    configureLogging(args);
    int code = run(args, Cli.system());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line against {@code cli}'s streams and environment; returns the exit code. */
  public static int run(String[] args, Cli cli) {
    var quick = QuickLine.read(args);
    if (quick == null) {
      return commandLine(cli).execute(args);
    }
    var command = new RolecallCommand(cli);
    command.global = quick.global;
    command.words = quick.words;
    try {
      return command.call();
    } catch (Exception e) {
      return failed(e, cli, args);
    }
  }

  /** What a command's exception becomes: its message and exit code, or an internal error (with --debug, its trace). */
  private static int failed(Exception e, Cli cli, String[] args) {
    if (e instanceof RolecallException r) {
      cli.error(r.getMessage());
      return r.exitCode();
    }
    boolean debug = debugging(args);
    cli.error("internal error: " + e.getClass().getName() + ": " + Redactor.global().redact(String.valueOf(e.getMessage()))
        + (debug ? "" : " (run with --debug for details)"));
    if (debug) {
      e.printStackTrace(cli.err());
    }
    return 1;
  }

  /**
   * The whole command tree as {@link #run} executes it: what help and shell completion describe. Every built-in
   * subcommand, at any depth, answers {@code -h}/{@code --help} with its usage.
   */
  static CommandLine commandLine(Cli cli) {
    var commandLine = new CommandLine(new RolecallCommand(cli))
        .setOut(new PrintWriter(cli.out(), true))
        .setErr(new PrintWriter(cli.err(), true))
        .setCaseInsensitiveEnumValuesAllowed(true)
        // Help in plain text: output streams escape control characters, ANSI colours included.
        .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
        // "--instance demo" must not read "demo" as the subcommand of that name.
        .setAllowSubcommandsAsOptionParameters(true)
        .registerConverter(Integer.class, Main::asciiInteger)
        .registerConverter(int.class, Main::asciiInteger)
        .setExecutionStrategy(Main::refuseStrayWords)
        .setParameterExceptionHandler((e, a) -> {
          String suggestion = e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
              ? "; did you mean " + String.join(" or ", u.getSuggestions()) + "?" : "";
          cli.error(Redactor.global().redact(e.getMessage()) + suggestion + " (see rolecall --help)");
          return 2;
        })
        .setExecutionExceptionHandler((e, cl, parsed) -> failed(e, cli, parsed.originalArgs().toArray(String[]::new)));
    commandLine.getSubcommands().values().forEach(Main::addHelpOption);
    return commandLine;
  }

  private static void addHelpOption(CommandLine sub) {
    var spec = sub.getCommandSpec();
    if (spec.findOption("--help") == null) {
      spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
          .description("Show this command's options and exit.").build());
    }
    sub.getSubcommands().values().forEach(Main::addHelpOption);
  }

  /**
   * Words before a built-in subcommand ({@code rolecall account_id=1 test}, {@code rolecall bogus inventory summary})
   * land in the root's command words, which a subcommand never reads: refuse them rather than run without them.
   */
  private static int refuseStrayWords(CommandLine.ParseResult parsed) {
    if (parsed.hasSubcommand() && !parsed.matchedPositionals().isEmpty()) {
      String word = String.valueOf(parsed.matchedPositionals().getFirst().getValue() instanceof java.util.List<?> l
          && !l.isEmpty() ? l.getFirst() : parsed.matchedPositionals().getFirst().getValue());
      String sub = parsed.subcommand().commandSpec().name();
      throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), "unexpected "
          + Shown.quoted(word) + " before '" + sub + "': the words a command reads go after it, as in rolecall "
          + sub + " ...");
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  /** picocli's Integer.valueOf would also read fullwidth and other non-ASCII digits. */
  static Integer asciiInteger(String text) {
    String t = text.strip();
    if (!t.matches("[+-]?[0-9]{1,9}")) {
      throw new CommandLine.TypeConversionException(Shown.quoted(text) + " is not a whole number in digits 0-9");
    }
    return Integer.valueOf(t);
  }

  /** SDK and rolecall logs go to stderr: warnings only, unless --debug. */
  private static void configureLogging(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debugging(args) ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    // The signer's debug log prints canonical requests, session token header included: never useful
    // enough to risk. (Output is redacted as well; this keeps the secret out of the process at all.)
    System.setProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.http.auth.aws.internal.signer", "info");
    System.setProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.auth.signer", "info");
  }

  private static boolean debugging(String[] args) {
    for (String a : args) {
      if (a.equals("--debug")) {
        return true;
      }
    }
    return false;
  }
}
