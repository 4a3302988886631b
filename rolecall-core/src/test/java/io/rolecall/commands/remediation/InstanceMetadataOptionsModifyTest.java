package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.sandbox.service.ec2.LaunchSpec;
import io.rolecall.sandbox.service.ec2.MetadataOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** aws-ec2-instance-metadata-options-modify through the SDK against the sandbox's regional EC2. */
class InstanceMetadataOptionsModifyTest {
  static final String COMMAND = "aws-ec2-instance-metadata-options-modify";
  static final String ACCOUNT = "222222222222";

  @TempDir
  Path dir;
  Target target;

  @AfterEach
  void close() {
    target.close();
  }

  @Test
  void onlyTheOptionsGivenChangeAndBeforeAndAfterAreReported() {
    target = new Target(dir, ACCOUNT);
    var ec2 = target.sb.account(ACCOUNT).ec2("eu-west-1");
    String id = ec2.launchInstance(LaunchSpec.instance().metadataOptions(MetadataOptions.DEFAULTS.withHttpPutResponseHopLimit(2)));
    var e = target.run(COMMAND, Map.of("account_id", ACCOUNT, "region", "eu-west-1", "instance_id", id,
        "http_tokens", "required"));
    assertThat(e.exitCode()).as(String.valueOf(e.failures())).isZero();
    var options = ec2.requireInstance(id).metadataOptions();
    assertThat(options.httpTokens()).isEqualTo("required");
    assertThat(options.httpPutResponseHopLimit()).isEqualTo(2);
    assertThat(options.httpEndpoint()).isEqualTo("enabled");
    @SuppressWarnings("unchecked")
    var entry = (Map<String, Object>) e.context().get("AWS.EC2.Instances");
    assertThat(entry).containsEntry("InstanceId", id).containsEntry("Region", "eu-west-1")
        .containsEntry("MetadataOptions", Map.of("HttpTokens", "required", "HttpEndpoint", "enabled",
            "HttpPutResponseHopLimit", 2, "State", "applied"))
        .containsEntry("MetadataOptionsBefore", Map.of("HttpTokens", "optional", "HttpEndpoint", "enabled",
            "HttpPutResponseHopLimit", 2));
    assertThat(e.table().rows().getFirst()).containsExactly(ACCOUNT, "eu-west-1", id, "optional → required",
        "enabled", 2, "updated");
    assertThat(target.journal()).singleElement().satisfies(j -> {
      assertThat(j.region()).isEqualTo("eu-west-1");
      assertThat(j.resource()).isEqualTo("arn:aws:ec2:eu-west-1:" + ACCOUNT + ":instance/" + id);
    });
  }

  @Test
  void aDryRunWritesNothing() {
    target = new Target(dir, ACCOUNT);
    var ec2 = target.sb.account(ACCOUNT).ec2("us-east-1");
    String id = ec2.launchInstance();
    var e = target.run(COMMAND, Map.of("account_id", ACCOUNT, "instance_id", id, "http_endpoint", "disabled",
        "http_put_response_hop_limit", "3", "dry_run", "true"));
    assertThat(e.exitCode()).isZero();
    assertThat(ec2.requireInstance(id).metadataOptions()).isEqualTo(MetadataOptions.DEFAULTS);
    assertThat(target.sb.calls().count("ec2", "ModifyInstanceMetadataOptions")).isZero();
    assertThat(target.journal()).isEmpty();
    assertThat(e.table().rows().getFirst()).containsExactly(ACCOUNT, "us-east-1", id, "optional",
        "enabled → disabled", "1 → 3", "would update");
  }

  @Test
  void anUnknownInstanceFailsOnOneLine() {
    target = new Target(dir, ACCOUNT);
    var e = target.run(COMMAND, Map.of("account_id", ACCOUNT, "instance_id", "i-0123456789abcdef0", "http_tokens", "required"));
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.failures().getFirst().error()).isEqualTo("ec2:DescribeInstances for i-0123456789abcdef0 in account "
        + ACCOUNT + " (us-east-1): InvalidInstanceID.NotFound: The instance ID 'i-0123456789abcdef0' does not exist");
  }

  @Test
  void invalidInputIsRefusedBeforeAnyCall() {
    target = new Target(dir, ACCOUNT);
    assertThatThrownBy(() -> target.run(COMMAND, Map.of("account_id", ACCOUNT, "instance_id", "i-12345", "http_tokens", "required")))
        .isInstanceOf(UsageException.class)
        .hasMessage(COMMAND + ": argument 'instance_id': expected an instance id: i- and 8 or 17 lowercase hex digits,"
            + " such as i-0123456789abcdef0, got 'i-12345'");
    assertThatThrownBy(() -> target.run(COMMAND, Map.of("account_id", ACCOUNT, "instance_id", "i-01234567",
        "http_put_response_hop_limit", "0")))
        .hasMessage(COMMAND + ": argument 'http_put_response_hop_limit': expected a whole number from 1 to 64, got 0");
    assertThatThrownBy(() -> target.run(COMMAND, Map.of("account_id", ACCOUNT, "instance_id", "i-01234567",
        "http_tokens", "v2")))
        .hasMessage(COMMAND + ": argument 'http_tokens': expected one of optional, required, got 'v2'");
    assertThat(target.sb.calls().total()).isZero();
  }
}
