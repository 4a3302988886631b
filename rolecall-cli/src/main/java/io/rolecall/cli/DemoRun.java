package io.rolecall.cli;

import io.rolecall.config.Env;
import io.rolecall.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo itself, on the emulator. Kept apart from {@link DemoCommand} so that the command line loads (and every
 * other command runs) without the emulator's jar: only this class needs it, and only once the demo starts.
 */
final class DemoRun {
  private DemoRun() {}

  /** The scenario on a fresh sandbox; {@code keep}: leave the sandbox running afterwards, until interrupted. */
  static int run(Cli cli, boolean keep) throws Exception {
    try (Sandbox sandbox = Sandbox.start()) {
      var org = DemoOrganization.seed(sandbox);
      Path dir = Files.createTempDirectory("rolecall-demo");
      Path config = dir.resolve("rolecall.yaml");
      Files.writeString(config, org.config(sandbox.endpoint(), dir.resolve("demo.db")));
      // The demo's own environment: the secret the config refers to, and none of the caller's AWS_*
      // variables, which could otherwise point the demo somewhere else.
      Env env = name -> name.equals(DemoOrganization.SECRET_VARIABLE) ? org.engineKey().secretAccessKey()
          : name.startsWith("AWS_") ? null : cli.env().get(name);
      var demoCli = new Cli(cli.out(), cli.err(), env);

      cli.out().println("rolecall demo: sandbox at " + sandbox.endpoint() + " with accounts "
          + String.join(", ", DemoOrganization.ACCOUNTS) + "; config " + config);
      cli.out().println("(the secret key is in $" + DemoOrganization.SECRET_VARIABLE + ", referenced from the config)");
      var failures = new ArrayList<String>();
      for (var step : DemoOrganization.scenario()) {
        cli.out().println();
        cli.out().println("# " + step.why());
        cli.out().println("$ rolecall --instance demo " + String.join(" ", step.args()));
        cli.out().flush();
        var args = new ArrayList<>(List.of("--config", config.toString(), "--instance", "demo"));
        args.addAll(step.args());
        int code = Main.run(args.toArray(String[]::new), demoCli);
        cli.err().flush();
        if (code != step.expectedExit()) {
          failures.add("'" + String.join(" ", step.args()) + "' exited " + code + ", expected " + step.expectedExit());
        }
      }
      cli.out().println();
      cli.out().println("sandbox served " + sandbox.calls().total() + " AWS calls, of which "
          + sandbox.calls().count("sts", "AssumeRole") + " AssumeRole");
      if (!failures.isEmpty()) {
        failures.forEach(f -> cli.error("demo step " + f));
        return 1;
      }
      cli.out().println("demo finished: every step behaved as expected");
      if (keep) {
        cli.out().println("sandbox still running at " + sandbox.endpoint() + "; Ctrl-C to stop");
        cli.out().flush();
        Thread.currentThread().join();
      }
      deleteQuietly(dir);
      return 0;
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
