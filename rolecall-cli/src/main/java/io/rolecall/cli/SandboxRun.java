package io.rolecall.cli;

import io.rolecall.UsageException;
import io.rolecall.sandbox.SandboxMain;
import java.util.List;

/** `rolecall sandbox` on the emulator, apart from its command so the command line loads without the emulator. */
final class SandboxRun {
  private SandboxRun() {}

  /** Parses SandboxMain's options, starts the emulator and serves until interrupted. */
  static void run(List<String> args, Cli cli) throws InterruptedException {
    SandboxMain.Options parsed;
    try {
      parsed = SandboxMain.parse(args.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      throw new UsageException("sandbox: " + (e.getMessage().isEmpty() ? SandboxMain.USAGE : e.getMessage()));
    }
    try (var sandbox = SandboxMain.start(parsed, cli.out())) {
      Thread.currentThread().join();
    }
  }
}
