package io.rolecall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.service.ec2.LaunchSpec;
import io.rolecall.sandbox.service.organizations.AccountState;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI (botocore: a second client nobody here wrote) against the S3, EC2 and Organizations emulation. Skipped,
 * saying so, when {@code aws} is not on PATH.
 */
class AwsCliRemediationIT {
  final Sandbox sb = Sandbox.start();
  final AccessKey ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
  final AwsCli cli = new AwsCli(sb);

  @BeforeAll
  static void requireCli() {
    if (!AwsCli.installed()) System.err.println("AwsCliRemediationIT skipped: the AWS CLI ('aws') is not on PATH");
    Assumptions.assumeTrue(AwsCli.installed(), "the AWS CLI ('aws') is not on PATH");
  }

  @AfterEach
  void close() {
    sb.close();
  }

  @Test
  void bucketPublicAccessBlock() throws Exception {
    assertThat(cli.run(ops, "s3api", "create-bucket", "--bucket", "cli-bucket").exit()).isZero();
    var missing = cli.run(ops, "s3api", "get-public-access-block", "--bucket", "cli-bucket");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err()).contains("(NoSuchPublicAccessBlockConfiguration)",
        "The public access block configuration was not found");
    var put = cli.run(ops, "s3api", "put-public-access-block", "--bucket", "cli-bucket",
        "--public-access-block-configuration", "BlockPublicAcls=true,RestrictPublicBuckets=true");
    assertThat(put.exit()).as(put.err()).isZero();
    var got = cli.run(ops, "s3api", "get-public-access-block", "--bucket", "cli-bucket").json()
        .get("PublicAccessBlockConfiguration");
    assertThat(got.get("BlockPublicAcls").asBoolean()).isTrue();
    assertThat(got.get("IgnorePublicAcls").asBoolean()).isFalse();
    assertThat(got.get("RestrictPublicBuckets").asBoolean()).isTrue();
    var nobody = cli.run(ops, "s3api", "get-public-access-block", "--bucket", "no-such-bucket-here");
    assertThat(nobody.err()).contains("(NoSuchBucket)");
    assertThat(cli.run(ops, "s3api", "list-buckets").json().get("Buckets").get(0).get("Name").asText())
        .isEqualTo("cli-bucket");
  }

  @Test
  void instanceMetadataOptions() throws Exception {
    String id = sb.account("111111111111").ec2("us-east-1").launchInstance(LaunchSpec.instance().tag("Name", "cli"));
    var modified = cli.run(ops, "ec2", "modify-instance-metadata-options", "--instance-id", id, "--http-tokens",
        "required", "--http-endpoint", "enabled");
    assertThat(modified.exit()).as(modified.err()).isZero();
    assertThat(modified.json().get("InstanceMetadataOptions").get("State").asText()).isEqualTo("pending");
    var instance = cli.run(ops, "ec2", "describe-instances", "--instance-ids", id).json()
        .get("Reservations").get(0).get("Instances").get(0);
    assertThat(instance.get("MetadataOptions").get("HttpTokens").asText()).isEqualTo("required");
    assertThat(instance.get("MetadataOptions").get("HttpPutResponseHopLimit").asInt()).isEqualTo(1);
    assertThat(instance.get("Tags").get(0).get("Value").asText()).isEqualTo("cli");
    assertThat(instance.get("State").get("Name").asText()).isEqualTo("running");
    var malformed = cli.run(ops, "ec2", "modify-instance-metadata-options", "--instance-id", "i-nothex",
        "--http-tokens", "required");
    assertThat(malformed.err()).contains("(InvalidInstanceID.Malformed)");
  }

  @Test
  void describeInstancesPaginatesUnderTheCli() throws Exception {
    var region = sb.account("111111111111").ec2("us-east-1");
    var launched = new ArrayList<String>();
    for (int i = 0; i < 7; i++) launched.add(region.launchInstance());
    // --page-size makes the CLI send MaxResults and follow NextToken itself.
    var all = cli.run(ops, "ec2", "describe-instances", "--page-size", "5").json().get("Reservations");
    var seen = new ArrayList<String>();
    all.forEach(r -> r.get("Instances").forEach(i -> seen.add(i.get("InstanceId").asText())));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(launched);
  }

  @Test
  void organizationAccounts() throws Exception {
    sb.organization("111111111111").addAccount("222222222222")
        .addAccount("333333333333", "gone", "gone@example.com", AccountState.SUSPENDED);
    var accounts = cli.run(ops, "organizations", "list-accounts").json().get("Accounts");
    assertThat(accounts).hasSize(3);
    var states = new ArrayList<String>();
    accounts.forEach(a -> states.add(a.get("Id").asText() + "=" + a.get("State").asText()));
    assertThat(states).containsExactly("111111111111=ACTIVE", "222222222222=ACTIVE", "333333333333=SUSPENDED");
  }
}
