package io.rolecall.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
  static final CommandSpec SPEC = CommandSpec.builder("aws-test-command")
      .arg(ArgSpec.matching("instance_id", "i-[0-9a-f]{8,17}", "an instance id such as i-0123456789abcdef0", "Instance.").mandatory())
      .arg(ArgSpec.integer("http_put_response_hop_limit", 1, 64, "Hops."))
      .arg(ArgSpec.bool("block_public_acls", "Block."))
      .arg(ArgSpec.choice("http_tokens", List.of("optional", "required"), "Tokens."))
      .mutating()
      .build();

  @Test
  void validArgumentsParseToTypedValues() {
    var a = Arguments.parse(SPEC, Map.of("instance_id", "i-0123456789abcdef0", "http_put_response_hop_limit", "2",
        "block_public_acls", "YES", "http_tokens", "Required", "account_id", "111111111111,222222222222"));
    assertThat(a.string("instance_id")).isEqualTo("i-0123456789abcdef0");
    assertThat(a.integer("http_put_response_hop_limit")).isEqualTo(2L);
    assertThat(a.bool("block_public_acls")).isTrue();
    assertThat(a.string("http_tokens")).isEqualTo("required");
    assertThat(a.accounts().accountIds()).containsExactly("111111111111", "222222222222");
    assertThat(a.dryRun()).isFalse();
  }

  @Test
  void commonArgumentsAccountIdAndDryRunAreAddedByTheBuilder() {
    assertThat(SPEC.args()).extracting(ArgSpec::name).contains("account_id", "dry_run", "region", "roleArn",
        "roleSessionName", "roleSessionDuration", "timeout", "retries");
    assertThat(SPEC.ownArgs()).extracting(ArgSpec::name).doesNotContain("region", "retries");
  }

  @Test
  void missingRequiredArgumentIsNamed() {
    assertThatThrownBy(() -> Arguments.parse(SPEC, Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessage("aws-test-command: argument 'instance_id' is required (an instance id such as i-0123456789abcdef0)");
  }

  @Test
  void unknownArgumentListsTheAcceptedOnes() {
    assertThatThrownBy(() -> Arguments.parse(SPEC, Map.of("instance_id", "i-01234567", "bogus", "1")))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("aws-test-command: unknown argument 'bogus'; accepted: account_id, instance_id");
  }

  @Test
  void everyMissingRequiredArgumentIsNamedAtOnce() {
    var spec = CommandSpec.builder("aws-two-required")
        .arg(ArgSpec.text("userName", "User.").mandatory())
        .arg(ArgSpec.email("userEmailAddress", "Email.").mandatory())
        .build();
    assertThatThrownBy(() -> Arguments.parse(spec, Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessage("aws-two-required: 2 required arguments are missing: userName (a non-empty value),"
            + " userEmailAddress (an email address such as name@example.com)");
  }

  @Test
  void aMistypedArgumentGetsTheOneMeant() {
    assertThatThrownBy(() -> Arguments.parse(SPEC, Map.of("instance_id", "i-01234567", "http_token", "required")))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("aws-test-command: unknown argument 'http_token'; did you mean 'http_tokens'?;"
            + " accepted: account_id, instance_id");
    assertThatThrownBy(() -> Arguments.parse(SPEC, Map.of("Instance_ID", "i-01234567")))
        .hasMessageContaining("did you mean 'instance_id'?");
  }

  @Test
  void numbersAreAsciiDigitsOnly() {
    for (String text : List.of("\uff11\uff14", "\u0661\u0664", "1\u0664", "0x10", "1e1", "")) {
      assertThatThrownBy(() -> Arguments.parse(SPEC, Map.of("instance_id", "i-01234567",
          "http_put_response_hop_limit", text)))
          .as(text).isInstanceOf(UsageException.class)
          .hasMessageStartingWith("aws-test-command: argument 'http_put_response_hop_limit': expected a whole number"
              + " from 1 to 64, got ");
    }
  }

  @Test
  void hopLimitOutOfRange() {
    assertThatThrownBy(() -> Arguments.parse(SPEC, Map.of("instance_id", "i-01234567", "http_put_response_hop_limit", "65")))
        .hasMessage("aws-test-command: argument 'http_put_response_hop_limit': expected a whole number from 1 to 64, got 65");
  }

  @Test
  void badBooleanNamesTheAcceptedForms() {
    assertThatThrownBy(() -> Arguments.parse(SPEC, Map.of("instance_id", "i-01234567", "block_public_acls", "maybe")))
        .hasMessage("aws-test-command: argument 'block_public_acls': expected true, false, yes or no, got 'maybe'");
  }

  @Test
  void splitNeedsNameEqualsValueAndRefusesDuplicates() {
    assertThat(Arguments.split("c", List.of("a=1", "b=x=y", "c="))).containsEntry("b", "x=y").containsEntry("c", "");
    assertThatThrownBy(() -> Arguments.split("c", List.of("oops"))).hasMessage("c: expected arguments as name=value, got 'oops'");
    assertThatThrownBy(() -> Arguments.split("c", List.of("a=1", "a=2"))).hasMessage("c: argument 'a' given twice");
  }

  @Property
  void hopLimitAcceptsExactlyOneToSixtyFour(@ForAll @LongRange(min = -1000, max = 1000) long n) {
    var raw = Map.of("instance_id", "i-01234567", "http_put_response_hop_limit", Long.toString(n));
    if (n >= 1 && n <= 64) {
      assertThat(Arguments.parse(SPEC, raw).integer("http_put_response_hop_limit")).isEqualTo(n);
    } else {
      assertThatThrownBy(() -> Arguments.parse(SPEC, raw)).isInstanceOf(UsageException.class)
          .hasMessageContaining("'http_put_response_hop_limit'");
    }
  }

  @Property
  void booleansAcceptOnlyTheFourWordsInAnyCase(@ForAll @AlphaChars @StringLength(max = 6) String word) {
    var raw = Map.of("instance_id", "i-01234567", "block_public_acls", word);
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    if (List.of("true", "false", "yes", "no").contains(lower)) {
      assertThat(Arguments.parse(SPEC, raw).bool("block_public_acls")).isEqualTo(lower.equals("true") || lower.equals("yes"));
    } else {
      assertThatThrownBy(() -> Arguments.parse(SPEC, raw)).isInstanceOf(UsageException.class)
          .hasMessageContaining("expected true, false, yes or no");
    }
  }

  @Property
  void accountIdAcceptsTwelveDigitListsOnly(@ForAll String text) {
    var raw = Map.of("instance_id", "i-01234567", "account_id", text);
    boolean valid = text.trim().equalsIgnoreCase("all")
        || java.util.Arrays.stream(text.trim().split(",", -1)).allMatch(p -> p.trim().matches("\\d{12}"));
    if (valid) {
      assertThat(Arguments.parse(SPEC, raw).accounts()).isNotNull();
    } else {
      assertThatThrownBy(() -> Arguments.parse(SPEC, raw)).isInstanceOf(UsageException.class)
          .hasMessageContaining("argument 'account_id': expected a 12-digit account id");
    }
  }
}
