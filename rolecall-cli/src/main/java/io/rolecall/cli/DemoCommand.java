package io.rolecall.cli;

import io.rolecall.config.Env;
import io.rolecall.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall demo}: the main job end to end with no AWS account. Starts the embedded sandbox
 * with a small organization, writes an instance config pointing at it, and runs a scenario through
 * the very same command line a user types. Each step states the exit code it expects, so the demo
 * also checks itself: it exits 1 if any step behaved otherwise.
 */
@Command(name = "demo", description = "Run a short scenario against the embedded sandbox (no AWS account needed).")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand
  RolecallCommand root;

  @Option(names = "--keep", description = "Keep the sandbox running after the scenario, until Ctrl-C.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    var cli = root.cli;
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
