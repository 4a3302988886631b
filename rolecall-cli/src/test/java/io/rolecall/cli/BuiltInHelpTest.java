package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.config.Env;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every built-in, at any depth, answers --help and "rolecall help NAME..." with exit 0 and its options described;
 * "sandbox" declares the emulator's options instead of passing unknown words through.
 */
class BuiltInHelpTest {
  record BuiltIn(List<String> path, CommandLine line) {}

  static List<BuiltIn> builtIns() {
    var sink = new PrintStream(new ByteArrayOutputStream());
    var all = new ArrayList<BuiltIn>();
    collect(List.of(), Main.commandLine(new Cli(sink, sink, Env.of(Map.of()))), all);
    return all;
  }

  private static void collect(List<String> path, CommandLine line, List<BuiltIn> into) {
    line.getSubcommands().forEach((name, sub) -> {
      var p = new ArrayList<>(path);
      p.add(name);
      into.add(new BuiltIn(List.copyOf(p), sub));
      collect(p, sub, into);
    });
  }

  @Test
  void theTreeHasEveryBuiltInTheIssueNames() {
    assertThat(builtIns().stream().map(b -> String.join(" ", b.path())))
        .contains("test", "inventory", "inventory sync", "inventory summary", "inventory list", "inventory findings",
            "inventory history", "inventory diff", "inventory prune", "access", "serve", "policy", "audit", "sandbox",
            "demo", "completion", "help");
  }

  @Test
  void everyOptionAndParameterOfEveryBuiltInIsDescribed() {
    for (var b : builtIns()) {
      for (var o : b.line().getCommandSpec().options()) {
        assertThat(String.join(" ", o.description())).as(b.path() + " " + o.longestName()).isNotBlank();
      }
      for (var p : b.line().getCommandSpec().positionalParameters()) {
        assertThat(String.join(" ", p.description())).as(b.path() + " " + p.paramLabel()).isNotBlank();
      }
    }
  }

  @Test
  void everyBuiltInAnswersHelpBothWaysWithItsOwnOptions() {
    for (var b : builtIns()) {
      var args = new ArrayList<>(b.path());
      args.add("--help");
      var viaFlag = CliRun.inProcess(Map.of(), args.toArray(String[]::new));
      assertThat(viaFlag.exit()).as(args + ": " + viaFlag.all()).isZero();
      assertThat(viaFlag.out()).as(String.join(" ", args)).contains("Usage: rolecall " + String.join(" ", b.path()))
          .contains("--help");
      for (var o : b.line().getCommandSpec().options()) {
        if (!o.inherited()) {
          assertThat(viaFlag.out()).as(b.path() + " lists " + o.longestName()).contains(o.longestName());
        }
      }
      var helpArgs = new ArrayList<>(List.of("help"));
      helpArgs.addAll(b.path());
      var viaHelp = CliRun.inProcess(Map.of(), helpArgs.toArray(String[]::new));
      assertThat(viaHelp.exit()).as(helpArgs + ": " + viaHelp.all()).isZero();
      assertThat(viaHelp.out()).isEqualTo(viaFlag.out());
    }
  }

  @Test
  void sandboxHelpDescribesTheEmulatorsOptions() {
    var r = CliRun.inProcess(Map.of(), "sandbox", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("--port=N", "Port to listen on", "--accounts=N", "--latency-ms=N", "--users=N",
        "--keys-per-user=K", "--groups=N", "--roles=N", "--policies=N", "--vpcs=N", "--instances=N", "--events=N",
        "--regions=R1,R2", "--ous=N", "--ic-users=N", "--ic-groups=N", "--ic-memberships=K", "--permission-sets=N",
        "--assignments-per-account=N", "--ic-region=REGION", "--role-name");
  }

  @Test
  void helpForAnUnknownSubcommandIsAUsageError() {
    var r = CliRun.inProcess(Map.of(), "help", "inventory", "bogus");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("help: inventory has no subcommand 'bogus'");
    var list = CliRun.inProcess(Map.of(), "help");
    assertThat(list.out()).contains("completion", "sandbox", "rolecall help BUILT-IN");
  }
}
