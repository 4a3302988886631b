package io.rolecall.cli;

import io.rolecall.config.Env;
import io.rolecall.render.ControlChars;
import java.io.PrintStream;

/**
 * What a CLI run talks to: its output streams and environment. Injected so that the demo and the
 * tests run the very same command line in-process, with their own streams and variables.
 */
public record Cli(PrintStream out, PrintStream err, Env env) {
  public static Cli system() {
    return new Cli(System.out, System.err, Env.system());
  }

  /** One line on stderr; control characters in the message (AWS data, echoed input) are escaped. */
  void warn(String message) {
    err.println("rolecall: warning: " + ControlChars.escape(message));
  }

  /** One line on stderr, escaped as {@link #warn} is. */
  void error(String message) {
    err.println("rolecall: " + ControlChars.escape(message));
  }
}
