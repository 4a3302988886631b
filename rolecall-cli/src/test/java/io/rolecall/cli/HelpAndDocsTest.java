package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.commands.Commands;
import io.rolecall.render.CommandDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelpAndDocsTest {
  /** Surefire runs in the module directory; the docs live at the repository root. */
  static final Path DOCS = Path.of("..", "docs", "commands.md");

  @Test
  void helpForACommandListsArgumentsOutputsAndPermissions() {
    var r = CliRun.inProcess(Map.of(), "help", "aws-ec2-instance-metadata-options-modify");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("instance_id (required)", "http_tokens", "accepts one of optional, required",
        "http_endpoint", "http_put_response_hop_limit", "accepts a whole number from 1 to 64", "dry_run",
        "Give at least one of: http_tokens, http_endpoint, http_put_response_hop_limit",
        "AWS.EC2.Instances.MetadataOptions.HttpTokens", "ec2:DescribeInstances", "ec2:ModifyInstanceMetadataOptions");
  }

  @Test
  void theCommandListNamesEveryCommandAndTheBuiltIns() {
    var r = CliRun.inProcess(Map.of(), "help");
    assertThat(r.out()).contains("aws-s3-public-access-block-update", "aws-iam-account-password-policy-update",
        "aws-ec2-instance-metadata-options-modify", "audit", "policy");
  }

  @Test
  void docsCommandsMdIsWhatTheRegistryGenerates() throws Exception {
    String generated = CommandDocs.reference(Commands.registry().specs());
    assertThat(Files.exists(DOCS)).as("docs/commands.md exists").isTrue();
    assertThat(Files.readString(DOCS))
        .as("docs/commands.md is out of date; regenerate it from the repository root with:"
            + " java -jar rolecall-cli/target/rolecall.jar help --markdown > docs/commands.md")
        .isEqualTo(generated);
    assertThat(CliRun.inProcess(Map.of(), "help", "--markdown").out()).isEqualTo(generated);
  }
}
