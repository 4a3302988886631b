package io.rolecall.commands.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.command.Arguments;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The remediation commands' input validation, against independent statements of the rules: S3's
 * bucket naming rules, EC2's instance id form, IAM's ranges. Validation happens in Arguments.parse,
 * before any AWS call.
 */
class RemediationArgumentsTest {
  static final S3PublicAccessBlockUpdate S3 = new S3PublicAccessBlockUpdate();
  static final InstanceMetadataOptionsModify EC2 = new InstanceMetadataOptionsModify();
  static final PasswordPolicyUpdate IAM = new PasswordPolicyUpdate();

  /** S3's rules as AWS's documentation lists them, one by one. */
  static boolean validBucketName(String n) {
    if (n.length() < 3 || n.length() > 63) return false;
    for (char c : n.toCharArray()) {
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '.' && c != '-') return false;
    }
    if (!Character.isLetterOrDigit(n.charAt(0)) || !Character.isLetterOrDigit(n.charAt(n.length() - 1))) return false;
    if (n.contains("..")) return false;
    String[] parts = n.split("\\.", -1);
    if (parts.length == 4 && java.util.Arrays.stream(parts).allMatch(p -> p.matches("\\d{1,3}"))) return false;
    for (String prefix : List.of("xn--", "sthree-", "amzn-s3-demo-")) if (n.startsWith(prefix)) return false;
    for (String suffix : List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3")) if (n.endsWith(suffix)) return false;
    return true;
  }

  @Provide
  Arbitrary<String> bucketLike() {
    var plain = Arbitraries.strings().withChars("abcxyz019.-").ofMinLength(0).ofMaxLength(70);
    var ip = Arbitraries.integers().between(0, 999).list().ofSize(4).map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
    var reserved = Arbitraries.of("xn--", "sthree-", "amzn-s3-demo-", "").flatMap(p -> Arbitraries.strings()
        .withChars("abc19-").ofMinLength(1).ofMaxLength(20).flatMap(mid -> Arbitraries.of("-s3alias", "--ol-s3", ".mrap",
            "--x-s3", "--table-s3", "", "z").map(s -> p + mid + s)));
    var odd = Arbitraries.strings().ofMinLength(0).ofMaxLength(12);
    return Arbitraries.oneOf(plain, ip, reserved, odd);
  }

  @Property
  void bucketNamesFollowS3sRules(@ForAll("bucketLike") String name) {
    var raw = Map.of("bucket", name, "block_public_acls", "true");
    if (validBucketName(name)) {
      assertThat(Arguments.parse(S3.spec(), raw).string("bucket")).isEqualTo(name);
    } else {
      assertThatThrownBy(() -> Arguments.parse(S3.spec(), raw)).isInstanceOf(UsageException.class)
          .hasMessageStartingWith("aws-s3-public-access-block-update: argument 'bucket': expected an S3 bucket name")
          .hasMessageNotContaining("\n");
    }
  }

  @Provide
  Arbitrary<String> instanceIdLike() {
    var hex = Arbitraries.strings().withChars("0123456789abcdefABg").ofMinLength(0).ofMaxLength(19);
    return Arbitraries.oneOf(hex.map(h -> "i-" + h), hex.map(h -> "I-" + h), hex, Arbitraries.strings().ofMaxLength(20));
  }

  @Property
  void instanceIdsAreIDashEightOrSeventeenLowercaseHexDigits(@ForAll("instanceIdLike") String id) {
    var raw = Map.of("instance_id", id, "http_tokens", "required");
    boolean valid = id.matches("i-[0-9a-f]{8}") || id.matches("i-[0-9a-f]{17}");
    if (valid) {
      assertThat(Arguments.parse(EC2.spec(), raw).string("instance_id")).isEqualTo(id);
    } else {
      assertThatThrownBy(() -> Arguments.parse(EC2.spec(), raw)).isInstanceOf(UsageException.class)
          .hasMessageContaining("argument 'instance_id': expected an instance id");
    }
  }

  @Property
  void passwordLengthIsSixToOneHundredTwentyEight(@ForAll @IntRange(min = -10, max = 200) int n) {
    var raw = Map.of("minimum_password_length", String.valueOf(n));
    if (n >= 6 && n <= 128) {
      assertThat(Arguments.parse(IAM.spec(), raw).integer("minimum_password_length")).isEqualTo(n);
    } else {
      assertThatThrownBy(() -> Arguments.parse(IAM.spec(), raw))
          .hasMessage("aws-iam-account-password-policy-update: argument 'minimum_password_length': expected a whole"
              + " number from 6 to 128, got " + n);
    }
  }

  @Property
  void maxPasswordAgeIsZeroForNeverToTenNinetyFive(@ForAll @IntRange(min = -5, max = 1200) int n) {
    var raw = Map.of("max_password_age", String.valueOf(n));
    boolean valid = n >= 0 && n <= 1095;
    if (valid) {
      assertThat(Arguments.parse(IAM.spec(), raw).integer("max_password_age")).isEqualTo(n);
    } else {
      assertThatThrownBy(() -> Arguments.parse(IAM.spec(), raw)).hasMessageContaining("'max_password_age'");
    }
  }

  @Property
  void anyMutatingCommandWithNothingToChangeIsAUsageError(@ForAll("remediation") String command) {
    var spec = io.rolecall.commands.Commands.registry().require(command).spec();
    var raw = new java.util.HashMap<String, String>();
    spec.args().stream().filter(a -> a.required()).forEach(a -> raw.put(a.name(),
        a.name().equals("bucket") ? "logs-1" : "i-01234567"));
    raw.put("dry_run", "true");
    assertThatThrownBy(() -> Arguments.parse(spec, raw)).isInstanceOf(UsageException.class)
        .hasMessageStartingWith(command + ": nothing to change: give at least one of ");
  }

  @Provide
  Arbitrary<String> remediation() {
    // aws-iam-account-password-policy-update with no field is upstream's no-op write, not a usage error (issue 13;
    // XsoarParityTest.anUpdateWithNoFieldChangesNothingAndSucceeds).
    return Arbitraries.of("aws-s3-public-access-block-update", "aws-ec2-instance-metadata-options-modify");
  }
}
