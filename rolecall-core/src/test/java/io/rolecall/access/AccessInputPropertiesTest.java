package io.rolecall.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * `access` input: valid forms parse to what they say; anything else is a one-line usage error naming the option.
 * Named *Test so Surefire's default includes run it (they do not match *Properties).
 */
class AccessInputPropertiesTest {

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars('+', '=', ',', '.', '@', '-', '_', '0', '9')
        .ofMinLength(1).ofMaxLength(30);
  }

  @Provide
  Arbitrary<String> accounts() {
    return Arbitraries.strings().numeric().ofLength(12);
  }

  @Property
  void twelveDigitsAreAnAccountAndNothingElseIs(@ForAll("accounts") String id, @ForAll @StringLength(max = 20) String junk) {
    assertThat(AccessInput.account("--account", " " + id + " ")).isEqualTo(id);
    if (!junk.trim().matches("\\d{12}")) {
      assertThatThrownBy(() -> AccessInput.account("--account", junk)).isInstanceOf(UsageException.class)
          .hasMessageStartingWith("--account: expected a 12-digit AWS account id, got ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }
  }

  @Property
  void theFourLevelsParseInAnyCaseAndNothingElse(@ForAll Level level, @ForAll boolean upper,
      @ForAll @StringLength(max = 12) String junk) {
    String text = upper ? level.id().toUpperCase(Locale.ROOT) : level.id();
    assertThat(AccessInput.level("--level", text)).isEqualTo(level);
    if (java.util.Arrays.stream(Level.values()).noneMatch(l -> l.id().equalsIgnoreCase(junk.trim()))) {
      assertThatThrownBy(() -> AccessInput.level("--level", junk)).isInstanceOf(UsageException.class)
          .hasMessageStartingWith("--level: expected one of admin, escalate, write, read, got ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }
  }

  @Property
  void iamArnsParseAsArns(@ForAll("accounts") String account, @ForAll("names") String name, @ForAll boolean role) {
    String arn = "arn:aws:iam::" + account + ":" + (role ? "role/path/" : "user/") + name;
    var ref = AccessInput.principal("--principal", arn);
    assertThat(ref.form()).isEqualTo(PrincipalRef.Form.ARN);
    assertThat(ref.value()).isEqualTo(arn);
    assertThat(AccessInput.principal("--from", "arn:aws:iam::" + account + ":root").value())
        .isEqualTo("arn:aws:iam::" + account + ":root");
    if (role) {
      assertThat(AccessInput.role("--to", arn)).isEqualTo(arn);
    } else {
      assertThatThrownBy(() -> AccessInput.role("--to", arn)).isInstanceOf(UsageException.class)
          .hasMessageStartingWith("--to: expected a role ARN");
    }
  }

  @Property
  void identityCenterUsersParseWithOrWithoutTheirStore(@ForAll("names") String name) {
    var bare = AccessInput.principal("--principal", "idc:" + name);
    assertThat(bare.form()).isEqualTo(PrincipalRef.Form.IDC_USER);
    assertThat(bare.store()).isNull();
    assertThat(bare.value()).isEqualTo(name);
    var full = AccessInput.principal("--principal", "idc:d-0123456789/" + name);
    assertThat(full.store()).isEqualTo("d-0123456789");
    assertThat(full.value()).isEqualTo(name);
    assertThat(full.toString()).isEqualTo("idc:d-0123456789/" + name);
  }

  @Property
  void anythingElseIsOneLineNamingTheOption(@ForAll @StringLength(max = 60) String text) {
    try {
      var ref = AccessInput.principal("--from", text);
      assertThat(ref.option()).isEqualTo("--from");
    } catch (UsageException e) {
      assertThat(e.getMessage()).startsWith("--from: expected ").doesNotContain("\n", "\r");
      assertThat(e.exitCode()).isEqualTo(2);
    }
  }

  @Property
  void controlCharactersAndEmptyNamesAreRefused(@ForAll("names") String name, @ForAll char control) {
    if (Character.isISOControl(control)) {
      assertThatThrownBy(() -> AccessInput.principal("--principal", "idc:" + name + control + "x"))
          .isInstanceOf(UsageException.class).hasMessageStartingWith("--principal: expected idc:[STORE/]USERNAME")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }
    assertThatThrownBy(() -> AccessInput.principal("--principal", "idc:")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> AccessInput.principal("--principal", "idc:" + "a".repeat(129)))
        .isInstanceOf(UsageException.class);
  }
}
