package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.inventory.Finding.Rule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class FixTest {
  @Test
  void aCommandLineQuotesOnlyTheValuesTheShellWouldSplitOrExpand() {
    var args = new LinkedHashMap<String, String>();
    args.put("account_id", "111122223333");
    args.put("policy", "{\"Version\": \"2012-10-17\"}");
    args.put("note", "it's");
    assertThat(Fix.run("aws-s3-bucket-policy-put", args).commandLine()).isEqualTo(
        "rolecall aws-s3-bucket-policy-put account_id=111122223333 'policy={\"Version\": \"2012-10-17\"}'"
            + " 'note=it'\\''s'");
  }

  @Test
  void anOldAccessKeyIsFixedByDeactivatingThatKeyOfThatUser() {
    var fix = new Finding("111122223333", "AKIAIOSFODNN7EXAMPLE (user ann)", Rule.ACCESS_KEY_OLD, "old").fix();
    assertThat(fix.commandLine()).isEqualTo("rolecall aws-iam-access-key-update account_id=111122223333"
        + " user_name=ann access_key_id=AKIAIOSFODNN7EXAMPLE status=Inactive");
  }

  @Test
  void everyRuleNamesAFixOrSaysWhyThereIsNone() {
    Arrays.stream(Rule.values()).forEach(rule -> {
      var fix = new Finding("111122223333", "arn:aws:iam::111122223333:user/ann", rule, "e").fix();
      assertThat(fix.automatic() ? fix.command() : fix.reason()).as(rule.id()).isNotBlank();
      assertThat(fix.json()).as(rule.id()).isNotEmpty();
    });
  }

  @Test
  void anOpenSecurityGroupRuleIsFixedByRevokingExactlyThatRule() {
    String group = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0123456789abcdef0";
    assertThat(new Finding("111122223333", group + " (tcp 22 from ::/0)", Rule.SECURITY_GROUP_ADMIN_PORT_OPEN, "e")
        .fix().commandLine()).isEqualTo("rolecall aws-ec2-security-group-ingress-revoke account_id=111122223333"
            + " region=eu-west-1 group_id=sg-0123456789abcdef0 protocol=tcp port=22 cidr=::/0");
    assertThat(new Finding("111122223333", group + " (tcp 1000-2000 from 0.0.0.0/0)",
        Rule.SECURITY_GROUP_ADMIN_PORT_OPEN, "e").fix().arguments()).containsEntry("port", "1000-2000");
    assertThat(new Finding("111122223333", group + " (all traffic from 0.0.0.0/0)", Rule.SECURITY_GROUP_ALL_PORTS_OPEN,
        "e").fix().arguments()).containsEntry("protocol", "-1").doesNotContainKey("port");
  }

  @Test
  void instanceSnapshotAndAmiFindingsNameTheirCommandsAndRegion() {
    assertThat(new Finding("111122223333", "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0",
        Rule.INSTANCE_IMDSV1, "e").fix().commandLine()).isEqualTo("rolecall aws-ec2-instance-metadata-options-modify"
            + " account_id=111122223333 region=us-east-1 instance_id=i-0123456789abcdef0 http_tokens=required");
    assertThat(new Finding("111122223333", "arn:aws:ec2:us-west-2::snapshot/snap-0123456789abcdef0",
        Rule.PUBLIC_SNAPSHOT, "e").fix().commandLine()).isEqualTo("rolecall aws-ec2-snapshot-attribute-modify"
            + " account_id=111122223333 region=us-west-2 snapshot_id=snap-0123456789abcdef0 operation_type=remove"
            + " group=all");
    assertThat(new Finding("111122223333", "arn:aws:ec2:us-west-2::image/ami-0123456789abcdef0", Rule.PUBLIC_IMAGE,
        "e").fix().commandLine()).isEqualTo("rolecall aws-ec2-image-attribute-modify account_id=111122223333"
            + " region=us-west-2 image_id=ami-0123456789abcdef0 attribute=launchPermission operation_type=remove"
            + " user_groups=all");
    assertThat(new Finding("111122223333", "AKIAIOSFODNN7EXAMPLE (user ann)", Rule.ACCESS_KEY_UNUSED_90, "e").fix()
        .arguments()).containsEntry("status", "Inactive");
    assertThat(new Finding("111122223333", "not-an-arn", Rule.PUBLIC_IMAGE, "e").fix().automatic()).isFalse();
  }
}
