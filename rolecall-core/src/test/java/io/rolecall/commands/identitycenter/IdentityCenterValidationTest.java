package io.rolecall.commands.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.command.Arguments;
import io.rolecall.command.CommandSpec;
import io.rolecall.commands.Commands;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Whitespace;

/** Input validation of the Identity Center commands, on the real specs: what is accepted, and what is refused how. */
class IdentityCenterValidationTest {
  static final CommandSpec BY_EMAIL = spec("aws-iam-identitycenter-get-user-by-email");
  static final CommandSpec GET_USER = spec("aws-iam-identitycenter-get-user");
  static final CommandSpec CREATE_GROUP = spec("aws-iam-identitycenter-create-group");
  static final CommandSpec LIST_USERS = spec("aws-iam-identitycenter-list-users");

  static CommandSpec spec(String name) {
    return Commands.registry().require(name).spec();
  }

  @Provide
  Arbitrary<String> addresses() {
    var atom = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-")
        .ofMinLength(1).ofMaxLength(12);
    var local = atom.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(".", parts));
    var label = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(15);
    var domain = label.list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(".", parts));
    var tld = Arbitraries.strings().alpha().ofMinLength(2).ofMaxLength(6);
    return Combinators.combine(local, domain, tld).as((l, d, t) -> l + "@" + d + "." + t);
  }

  @Property
  void wellFormedAddressesAreAcceptedAsGiven(@ForAll("addresses") String address) {
    assertThat(Arguments.parse(BY_EMAIL, Map.of("emailAddress", address)).string("emailAddress")).isEqualTo(address);
  }

  @Property
  void textWithoutAnAtSignIsNoAddress(@ForAll @StringLength(max = 40) String text) {
    String noAt = text.replace("@", "");
    assertThatThrownBy(() -> Arguments.parse(BY_EMAIL, Map.of("emailAddress", noAt)))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("aws-iam-identitycenter-get-user-by-email: argument 'emailAddress': expected an"
            + " email address such as name@example.com, got ");
  }

  @Property
  void whiteSpaceAnywhereInAnAddressIsRefused(@ForAll("addresses") String address, @ForAll @Whitespace
      @StringLength(min = 1, max = 2) String space, @ForAll @IntRange(min = 0, max = 200) int at) {
    int i = at % (address.length() + 1);
    String spaced = address.substring(0, i) + space + address.substring(i);
    assertThatThrownBy(() -> Arguments.parse(BY_EMAIL, Map.of("emailAddress", spaced)))
        .isInstanceOf(UsageException.class).hasMessageContaining("argument 'emailAddress'");
  }

  @Property
  void anAddressNeedsADottedDomain(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String local,
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String host) {
    assertThatThrownBy(() -> Arguments.parse(BY_EMAIL, Map.of("emailAddress", local + "@" + host)))
        .isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> Arguments.parse(BY_EMAIL, Map.of("emailAddress", local + "@." + host)))
        .isInstanceOf(UsageException.class);
  }

  @Property
  void userNamesAreOneTo128CharactersWithoutSpaces(@ForAll @AlphaChars @StringLength(max = 200) String name) {
    var raw = Map.of("userName", name);
    if (!name.isEmpty() && name.length() <= 128) {
      assertThat(Arguments.parse(GET_USER, raw).string("userName")).isEqualTo(name);
    } else {
      assertThatThrownBy(() -> Arguments.parse(GET_USER, raw)).isInstanceOf(UsageException.class)
          .hasMessageContaining("argument 'userName': expected a user name: 1 to 128");
    }
  }

  @Property
  void userNamesWithWhiteSpaceAreRefused(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String first,
      @ForAll @Whitespace @StringLength(min = 1, max = 3) String space) {
    assertThatThrownBy(() -> Arguments.parse(GET_USER, Map.of("userName", first + space + "x")))
        .isInstanceOf(UsageException.class).hasMessageContaining("without spaces");
  }

  @Property
  void namesOfOnlySpacesAreEmpty(@ForAll @Whitespace @StringLength(max = 10) String blank) {
    assertThatThrownBy(() -> Arguments.parse(CREATE_GROUP, Map.of("displayName", blank)))
        .isInstanceOf(UsageException.class)
        .hasMessage("aws-iam-identitycenter-create-group: argument 'displayName': expected 1 to 1024 characters of"
            + " text, not only spaces, got an empty value");
  }

  @Property(tries = 50)
  void displayNamesUpTo1024CharactersWithSpacesAreAccepted(
      @ForAll @AlphaChars @StringLength(min = 1, max = 1100) String word) {
    String name = "The " + word;
    var raw = Map.of("displayName", name);
    if (name.length() <= 1024) {
      assertThat(Arguments.parse(CREATE_GROUP, raw).string("displayName")).isEqualTo(name);
    } else {
      assertThatThrownBy(() -> Arguments.parse(CREATE_GROUP, raw)).isInstanceOf(UsageException.class);
    }
  }

  @Property
  void limitIsOneToOneHundred(@ForAll @IntRange(min = -500, max = 500) int n) {
    var raw = Map.of("limit", Integer.toString(n));
    if (n >= 1 && n <= 100) {
      assertThat(Arguments.parse(LIST_USERS, raw).integer("limit")).isEqualTo(n);
    } else {
      assertThatThrownBy(() -> Arguments.parse(LIST_USERS, raw)).isInstanceOf(UsageException.class)
          .hasMessage("aws-iam-identitycenter-list-users: argument 'limit': expected a whole number from 1 to 100,"
              + " got " + n);
    }
  }

  @Property
  void identityStoreIdsAreDashAndTenHexDigits(@ForAll @StringLength(min = 10, max = 10) String digits) {
    var raw = Map.of("IdentityStoreId", "d-" + digits);
    if (digits.matches("[0-9a-f]{10}")) {
      assertThat(Arguments.parse(LIST_USERS, raw).string("IdentityStoreId")).isEqualTo("d-" + digits);
    } else {
      assertThatThrownBy(() -> Arguments.parse(LIST_USERS, raw)).isInstanceOf(UsageException.class)
          .hasMessageContaining("argument 'IdentityStoreId': expected an identity store id");
    }
  }

  @Property
  void hexIdentityStoreIdsAreAccepted(@ForAll("hex10") String digits) {
    assertThat(Arguments.parse(LIST_USERS, Map.of("IdentityStoreId", "d-" + digits)).string("IdentityStoreId"))
        .isEqualTo("d-" + digits);
  }

  @Provide
  Arbitrary<String> hex10() {
    return Arbitraries.strings().withChars("0123456789abcdef").ofLength(10);
  }
}
