package io.rolecall.cli;

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
    Emulator.require("demo");
    return DemoRun.run(root.cli, keep);
  }
}
