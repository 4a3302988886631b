package io.rolecall.cli;

import io.rolecall.config.Env;
import java.io.PrintStream;

/**
 * What a CLI run talks to: its output streams and environment. Injected so that the demo and the
 * tests run the very same command line in-process, with their own streams and variables.
 */
public record Cli(PrintStream out, PrintStream err, Env env) {
  public static Cli system() {
    return new Cli(System.out, System.err, Env.system());
  }

  void warn(String message) {
    err.println("rolecall: warning: " + message);
  }

  void error(String message) {
    err.println("rolecall: " + message);
  }
}
