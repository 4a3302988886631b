package io.rolecall.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rolecall sandbox [--accounts N --users N ...]}: starts the embedded AWS emulator with a seeded estate,
 * prints its endpoint and an operator's keys (shell-sourceable), and serves until killed. For benchmarks and for
 * trying rolecall (or the AWS CLI) by hand; the options are SandboxMain's.
 */
@Command(name = "sandbox", description = "Run a seeded local AWS emulator until killed; prints endpoint and keys.",
    footer = "Options: --port N --accounts N --role-name ROLE --external-id X --latency-ms N --users N"
        + " --keys-per-user K --groups N --roles N --policies N --vpcs N --instances N --events N --regions r1,r2")
final class SandboxCommand implements Callable<Integer> {
  @ParentCommand
  RolecallCommand root;

  /** SandboxMain's options, passed through: --port N --accounts N --role-name ROLE --external-id X --latency-ms N
   *  --users N --keys-per-user K --groups N --roles N --policies N --vpcs N --instances N --events N --regions r1,r2 */
  @Unmatched
  List<String> options = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    // --role-name and --external-id are also rolecall's global flags, so picocli hands them to those: pass them on.
    var args = new ArrayList<>(options);
    if (root.global.roleName != null) {
      args.addAll(List.of("--role-name", root.global.roleName));
    }
    if (root.global.externalId != null) {
      args.addAll(List.of("--external-id", root.global.externalId));
    }
    Emulator.require("sandbox");
    SandboxRun.run(args, root.cli);
    return 0;
  }
}
