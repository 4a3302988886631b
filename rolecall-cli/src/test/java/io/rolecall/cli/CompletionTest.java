package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rolecall.sandbox.external.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rolecall completion bash|zsh`, run by bash's own completion machinery: the candidates for a partial line. */
class CompletionTest {
  @TempDir
  static Path dir;
  static Path script;

  @BeforeAll
  static void generate() throws Exception {
    var r = CliRun.inProcess(Map.of(), "completion", "bash");
    assertThat(r.exit()).as(r.err()).isZero();
    script = dir.resolve("rolecall.bash");
    Files.writeString(script, r.out());
  }

  /** The candidates bash's completion function offers for {@code line} (the cursor at its end). */
  static List<String> complete(String line) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "skipped: /bin/bash is not installed");
    int words = line.endsWith(" ") ? line.split(" +").length : line.split(" +").length - 1;
    String program = "source \"$1\"; COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< \"$2\";"
        + " COMP_CWORD=" + words + "; _rolecall; printf '%s\\n' \"${COMPREPLY[@]}\"";
    var r = ExternalTools.run(List.of("/bin/bash", "--norc", "--noprofile", "-c", program, "bash", script.toString(),
        line), System.getenv(), Duration.ofSeconds(20));
    String out = r.out();
    assertThat(r.exit()).as(out + r.err()).isZero();
    return Arrays.stream(out.split("\n")).filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void firstWordsAreBuiltInsAndCommands() throws Exception {
    assertThat(complete("rolecall aws-iam-account-pa")).containsExactlyInAnyOrder(
        "aws-iam-account-password-policy-get", "aws-iam-account-password-policy-update");
    assertThat(complete("rolecall inv")).containsExactly("inventory");
    assertThat(complete("rolecall ")).contains("test", "inventory", "sandbox", "completion",
        "aws-s3-public-access-block-update", "aws-iam-identitycenter-get-user");
  }

  @Test
  void aCommandsArgumentsAreOfferedWithTheirEqualsSign() throws Exception {
    assertThat(complete("rolecall aws-ec2-instance-metadata-options-modify http_"))
        .containsExactlyInAnyOrder("http_tokens=", "http_endpoint=", "http_put_response_hop_limit=");
    assertThat(complete("rolecall --region us-east-1 aws-iam-account-password-policy-update account_id=1 minimum_pa"))
        .containsExactly("minimum_password_length=");
  }

  @Test
  void flagsAndSubcommandsOfBuiltIns() throws Exception {
    assertThat(complete("rolecall inventory ")).contains("sync", "summary", "list", "findings", "history", "diff",
        "prune");
    assertThat(complete("rolecall --reg")).containsExactly("--region");
    assertThat(complete("rolecall sandbox --ic-")).containsExactlyInAnyOrder("--ic-users", "--ic-groups",
        "--ic-memberships", "--ic-region");
    assertThat(complete("rolecall serve --po")).containsExactly("--port");
    assertThat(complete("rolecall --instance inv")).as("the value of a flag is not a command").isEmpty();
  }

  @Test
  void zshLoadsTheSameFunctionThroughBashcompinit() {
    var r = CliRun.inProcess(Map.of(), "completion", "zsh");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("#compdef rolecall\nautoload -U +X bashcompinit && bashcompinit\n")
        .contains("_rolecall()", "complete -F _rolecall rolecall");
    assertThat(CliRun.inProcess(Map.of(), "completion", "fish").exit()).isEqualTo(2);
  }
}
