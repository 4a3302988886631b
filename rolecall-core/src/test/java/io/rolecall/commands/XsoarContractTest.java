package io.rolecall.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.command.ArgSpec;
import io.rolecall.command.CommandSpec;
import io.rolecall.command.OutputSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The XSOAR contract: every command listed in the upstream tables ({@code src/test/resources/upstream/*.tsv}, facts
 * only: command names, argument names and required-ness, context output paths) is compared with rolecall's registry.
 * Every difference must be a row of docs/xsoar.md's "Deliberate deviations" table, and every row there must still be
 * a difference, so neither the code nor the docs can drift.
 *
 * <p>The arguments every command shares (account_id, region, roleArn, roleSessionName, roleSessionDuration, timeout,
 * retries, dry_run) are handled once, by the targeting and common arguments: an upstream command's shared argument
 * must be accepted, but its required-ness is not compared (account_id defaults to the instance's identity, region to
 * the instance's region), and rolecall declaring one upstream does not is no difference. An upstream output path is
 * met by the same path or by leaves under it (an upstream object declared as one path); a rolecall path under, or
 * above, an upstream path is no extra.
 */
class XsoarContractTest {
  static final Path UPSTREAM = Path.of("src", "test", "resources", "upstream");
  static final Path XSOAR_DOC = Path.of("..", "docs", "xsoar.md");
  static final Set<String> KINDS = Set.of("arg-missing", "arg-extra", "arg-required", "output-missing", "output-extra");

  /** The arguments every command shares: rolecall's targeting and common arguments. */
  static Set<String> shared() {
    var names = new LinkedHashSet<String>();
    names.add(CommandSpec.ACCOUNT_ID);
    names.add(CommandSpec.DRY_RUN);
    CommandSpec.COMMON_ARGS.forEach(a -> names.add(a.name()));
    return names;
  }

  record UpstreamCommand(String name, String file, Map<String, Boolean> args, List<String> outputs) {}

  record Difference(String command, String kind, String name) {
    String row() {
      return "| " + command + " | " + kind + " | " + name + " | ... |";
    }
  }

  record Deviation(String command, String kind, String name, String why) {
    boolean covers(Difference d) {
      if (!command.equals(d.command()) || !kind.equals(d.kind())) {
        return false;
      }
      return name.endsWith("*") ? d.name().startsWith(name.substring(0, name.length() - 1)) : name.equals(d.name());
    }
  }

  static Map<String, UpstreamCommand> upstream() throws IOException {
    var commands = new LinkedHashMap<String, UpstreamCommand>();
    List<Path> files;
    try (Stream<Path> s = Files.list(UPSTREAM)) {
      files = s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
    }
    assertThat(files).as("upstream tables in " + UPSTREAM).isNotEmpty();
    for (Path file : files) {
      int n = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        String where = file.getFileName() + ":" + n;
        switch (f[0]) {
          case "command" -> {
            assertThat(f).as(where + ": command<TAB>name").hasSize(2);
            var previous = commands.put(f[1], new UpstreamCommand(f[1], where, new LinkedHashMap<>(), new ArrayList<>()));
            assertThat(previous).as(where + ": " + f[1] + " is listed already in " + (previous == null ? "" : previous.file()))
                .isNull();
          }
          case "arg" -> {
            assertThat(f).as(where + ": arg<TAB>command<TAB>argument<TAB>required|optional").hasSize(4);
            assertThat(f[3]).as(where).isIn("required", "optional");
            var c = commands.get(f[1]);
            assertThat(c).as(where + ": command " + f[1] + " is not declared above").isNotNull();
            assertThat(c.args().put(f[2], f[3].equals("required"))).as(where + ": argument given twice").isNull();
          }
          case "output" -> {
            assertThat(f).as(where + ": output<TAB>command<TAB>path").hasSize(3);
            var c = commands.get(f[1]);
            assertThat(c).as(where + ": command " + f[1] + " is not declared above").isNotNull();
            c.outputs().add(f[2]);
          }
          default -> throw new AssertionError(where + ": unknown row kind " + f[0]);
        }
      }
    }
    return commands;
  }

  /** Every difference between the upstream tables and the registry (commands missing aside). */
  static List<Difference> differences(Map<String, UpstreamCommand> upstream, List<String> missingCommands) {
    var registry = Commands.registry();
    var shared = shared();
    var out = new ArrayList<Difference>();
    for (var up : upstream.values()) {
      var found = registry.find(up.name());
      if (found.isEmpty()) {
        missingCommands.add(up.name() + " (" + up.file() + ")");
        continue;
      }
      CommandSpec spec = found.get().spec();
      for (var e : up.args().entrySet()) {
        var ours = spec.arg(e.getKey());
        if (ours.isEmpty()) {
          out.add(new Difference(up.name(), "arg-missing", e.getKey()));
        } else if (!shared.contains(e.getKey()) && ours.get().required() != e.getValue()) {
          out.add(new Difference(up.name(), "arg-required", e.getKey()));
        }
      }
      for (ArgSpec a : spec.args()) {
        if (!shared.contains(a.name()) && !up.args().containsKey(a.name())) {
          out.add(new Difference(up.name(), "arg-extra", a.name()));
        }
      }
      var ours = spec.outputs().stream().map(OutputSpec::path).toList();
      for (String path : up.outputs()) {
        if (ours.stream().noneMatch(o -> o.equals(path) || o.startsWith(path + "."))) {
          out.add(new Difference(up.name(), "output-missing", path));
        }
      }
      for (String path : ours) {
        if (up.outputs().stream().noneMatch(u -> u.equals(path) || path.startsWith(u + ".") || u.startsWith(path + "."))) {
          out.add(new Difference(up.name(), "output-extra", path));
        }
      }
    }
    return out;
  }

  static List<Deviation> deviations() throws IOException {
    assertThat(XSOAR_DOC).as("docs/xsoar.md exists").exists();
    var lines = Files.readAllLines(XSOAR_DOC, StandardCharsets.UTF_8);
    int start = lines.indexOf("## Deliberate deviations");
    assertThat(start).as("docs/xsoar.md has the heading '## Deliberate deviations'").isNotNegative();
    var rows = new ArrayList<Deviation>();
    boolean header = false;
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.startsWith("## ")) {
        break;
      }
      if (!line.startsWith("|")) {
        continue;
      }
      var cells = cells(line);
      if (!header) {
        assertThat(cells).as("the deviation table's columns").containsExactly("command", "kind", "name", "why");
        header = true;
        continue;
      }
      if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
        continue;
      }
      assertThat(cells).as("docs/xsoar.md line " + (i + 1) + ": four cells").hasSize(4);
      assertThat(cells.get(1)).as("docs/xsoar.md line " + (i + 1) + ": kind").isIn(KINDS);
      assertThat(cells.get(3)).as("docs/xsoar.md line " + (i + 1) + ": says why").isNotBlank();
      rows.add(new Deviation(cells.get(0), cells.get(1), cells.get(2), cells.get(3)));
    }
    assertThat(header).as("docs/xsoar.md's deviations are a table | command | kind | name | why |").isTrue();
    return rows;
  }

  private static List<String> cells(String line) {
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    var cells = new ArrayList<String>();
    for (String c : inner.split("(?<!\\\\)\\|", -1)) {
      cells.add(c.trim().replace("`", "").replace("\\|", "|"));
    }
    return cells;
  }

  @Test
  void everyCommandOfTheUpstreamTablesIsRegistered() throws IOException {
    var missing = new ArrayList<String>();
    differences(upstream(), missing);
    assertThat(missing).as("upstream commands rolecall does not register").isEmpty();
  }

  @Test
  void everyDifferenceFromUpstreamIsADocumentedDeviation() throws IOException {
    var devs = deviations();
    var undocumented = differences(upstream(), new ArrayList<>()).stream()
        .filter(d -> devs.stream().noneMatch(v -> v.covers(d))).map(Difference::row).toList();
    assertThat(undocumented).as("differences from upstream not in docs/xsoar.md's '## Deliberate deviations'"
        + " (add a row saying why, or follow upstream)").isEmpty();
  }

  @Test
  void everyDocumentedDeviationIsStillADifference() throws IOException {
    var diffs = differences(upstream(), new ArrayList<>());
    var stale = deviations().stream().filter(v -> diffs.stream().noneMatch(v::covers))
        .map(v -> "| " + v.command() + " | " + v.kind() + " | " + v.name() + " |").toList();
    assertThat(stale).as("rows of docs/xsoar.md's deviations that are no longer a difference (remove them)").isEmpty();
  }

  @Test
  void theUpstreamTablesCoverTheSeedAndIdentityCenterCommands() throws IOException {
    var up = upstream();
    assertThat(up).containsKeys("aws-iam-identitycenter-create-user", "aws-iam-identitycenter-list-memberships",
        "aws-iam-account-password-policy-get", "aws-iam-account-password-policy-update",
        "aws-s3-public-access-block-update", "aws-ec2-instance-metadata-options-modify",
        "aws-iam-get-account-password-policy", "aws-iam-update-account-password-policy");
    assertThat(up.get("aws-iam-identitycenter-get-group").args()).containsEntry("displayName", true);
  }
}
