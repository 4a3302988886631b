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
}
