package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.config.Env;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * QuickLine reads the common command line without picocli: whatever it reads, picocli must read the same way (the
 * same flag values, the same command words, no subcommand), and whatever picocli reads differently — or refuses — it
 * must leave to picocli.
 */
class QuickLineTest {
  private static final Cli QUIET = new Cli(new PrintStream(OutputStream.nullOutputStream()),
      new PrintStream(OutputStream.nullOutputStream()), Env.of(Map.of()));

  @Test
  void readsTheCommonLineItself() {
    var quick = QuickLine.read(new String[] {"--region", "us-east-1", "aws-iam-account-password-policy-get",
        "account_id=222222222222", "--role-name=Audit", "-o", "json", "--debug"});
    assertThat(quick).isNotNull();
    assertThat(quick.words).containsExactly("aws-iam-account-password-policy-get", "account_id=222222222222");
    assertThat(quick.global.region).isEqualTo("us-east-1");
    assertThat(quick.global.roleName).isEqualTo("Audit");
    assertThat(quick.global.output).isEqualTo("json");
    assertThat(quick.global.debug).isTrue();
  }

  @Test
  void leavesEverythingElseToPicocli() {
    for (String line : List.of("help", "inventory sync", "--region us-east-1 test", "--help", "-h cmd", "--version",
        "cmd --bogus", "cmd --region a --region b", "cmd -o json --output table", "cmd --debug=true", "cmd -ojson",
        "cmd -o=json", "cmd --parallel ３", "cmd --parallel x", "cmd --region", "cmd --region -x", "cmd -- a=1",
        "@args.txt", "cmd --instance demo", "--region us-east-1", "")) {
      String[] args = line.isEmpty() ? new String[0] : line.split(" ");
      assertThat(QuickLine.read(args)).as(line).isNull();
    }
  }

  @Test
  void knowsTheBuiltInSubcommandsPicocliKnows() {
    var names = new TreeSet<String>();
    Main.commandLine(QUIET).getSubcommands().forEach((name, sub) -> names.add(name));
    assertThat(names).isEqualTo(new TreeSet<>(QuickLine.BUILT_INS));
  }

  /** Every option picocli's model has for the root is one QuickLine reads, with or without a value alike. */
  @Test
  void knowsEveryGlobalOptionAsPicocliDefinesIt() {
    var spec = Main.commandLine(QUIET).getCommandSpec();
    for (var option : spec.options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      boolean takesNoValue = option.arity().max() == 0;
      for (String name : option.names()) {
        assertThat(GlobalOptions.FLAGS.contains(name)).as(name).isEqualTo(takesNoValue);
        if (!takesNoValue) {
          assertThat(new GlobalOptions().option(name, "7")).as(name).isTrue();
        }
      }
    }
    var picocliNames = new TreeSet<String>();
    spec.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp())
        .forEach(o -> picocliNames.addAll(Arrays.asList(o.names())));
    assertThat(picocliNames).containsAll(GlobalOptions.FLAGS);
  }

  @Property(tries = 1000)
  void readsALineAsPicocliDoesOrNotAtAll(@ForAll("lines") List<String> line) {
    String[] args = line.toArray(String[]::new);
    var quick = QuickLine.read(args);
    Statistics.collect(quick != null);
    // Not vacuous: a good share of the lines must be ones QuickLine reads.
    Statistics.coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
    if (quick == null) {
      return;
    }
    var commandLine = Main.commandLine(QUIET);
    var parsed = commandLine.parseArgs(args);
    RolecallCommand root = commandLine.getCommand();
    assertThat(parsed.hasSubcommand()).isFalse();
    assertThat(fields(quick.global)).isEqualTo(fields(root.global));
    assertThat(quick.words).isEqualTo(root.words);
  }

  /** A line that picocli refuses is never one QuickLine reads. */
  @Property(tries = 1000)
  void neverReadsALinePicocliRefuses(@ForAll("lines") List<String> line) {
    String[] args = line.toArray(String[]::new);
    boolean refused;
    try {
      Main.commandLine(QUIET).parseArgs(args);
      refused = false;
    } catch (CommandLine.ParameterException e) {
      refused = true;
    }
    if (refused) {
      assertThat(QuickLine.read(args)).isNull();
    }
  }

  /**
   * Lines of single tokens and of (option, value) pairs: mostly plain ones, so that many lines are ones QuickLine
   * reads, mixed with every odd form it must leave to picocli.
   */
  @Provide
  Arbitrary<List<String>> lines() {
    var words = new ArrayList<List<String>>();
    var plain = new ArrayList<List<String>>();
    var odd = new ArrayList<List<String>>();
    for (String token : List.of("aws-iam-account-password-policy-get", "account_id=1", "name=-5", "a=b=c", "x", "",
        "/tmp/a b", "ｆｕｌｌ", "１２", "12")) {
      words.add(List.of(token));
    }
    for (String token : List.of("-", "--", "-x", "@f", "test", "inventory", "help", "-h", "--help", "-V", "--version",
        "-o", "-ojson", "-o=json", "--output=json", "--bogus", "--debug=true")) {
      odd.add(List.of(token));
    }
    GlobalOptions.FLAGS.forEach(flag -> plain.add(List.of(flag)));
    for (String option : List.of("--instance", "--config", "--db", "--region", "--access-key", "--secret-key",
        "--session-token", "--profile", "--role-arn", "--role-session-name", "--role-session-duration", "--role-name",
        "--external-id", "--sts-regional-endpoints", "--endpoint-url", "--sts-endpoint-url", "--timeout", "--retries",
        "--proxy", "--identity-store-id", "--parallel", "-o", "--output")) {
      odd.add(List.of(option));
      for (String value : List.of("7", " 7 ", "", "x y", "us-east-1", "+3", "0012")) {
        plain.add(List.of(option + "=" + value));
        plain.add(List.of(option, value));
      }
      for (String value : List.of("@x", "-1", "demo", "1234567890", "７")) {
        odd.add(List.of(option + "=" + value));
        odd.add(List.of(option, value));
      }
    }
    @SuppressWarnings("unchecked")
    Arbitrary<List<String>> token = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(words)),
        Tuple.of(3, Arbitraries.of(plain)), Tuple.of(1, Arbitraries.of(odd)));
    return token.list().ofMaxSize(6).map(parts -> parts.stream().flatMap(List::stream).toList());
  }

  /** Every instance field of the options, by name: what both readers must agree on. */
  private static Map<String, Object> fields(GlobalOptions options) {
    var values = new LinkedHashMap<String, Object>();
    for (Field f : GlobalOptions.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      try {
        values.put(f.getName(), f.get(options));
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    return values;
  }
}
