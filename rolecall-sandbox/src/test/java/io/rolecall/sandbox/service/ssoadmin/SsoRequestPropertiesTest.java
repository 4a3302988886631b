package io.rolecall.sandbox.service.ssoadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rolecall.sandbox.protocol.AwsException;
import io.rolecall.sandbox.protocol.Json;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * SSO Admin input validation: what the service model allows is accepted as given; anything else is a
 * ValidationException naming the member in lower camel case, as AWS's messages do.
 */
class SsoRequestPropertiesTest {
  static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-";

  static SsoRequest request(String member, Object value) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set(member, Json.MAPPER.valueToTree(value));
    return new SsoRequest(body);
  }

  static void refused(Runnable read, String member) {
    assertThatThrownBy(read::run).isInstanceOfSatisfying(AwsException.class, e -> {
      assertThat(e.code()).isEqualTo("ValidationException");
      assertThat(e.status()).isEqualTo(400);
      // The value is echoed as AWS echoes it, control characters included: clients must neutralize it.
      assertThat(e.getMessage()).startsWith("1 validation error detected: Value ").contains("at '" + member + "'");
    });
  }

  @Provide
  Arbitrary<String> validNames() {
    return Arbitraries.strings().withChars(NAME_CHARS).ofMinLength(1).ofMaxLength(32);
  }

  @Property
  void permissionSetNamesOfTheModelsCharactersUpTo32AreAccepted(@ForAll("validNames") String name) {
    assertThat(request("Name", name).required("Name", 1, 32, SsoRequest.NAME)).isEqualTo(name);
  }

  @Property
  void anyOtherNameIsRefusedNamingTheMember(@ForAll @StringLength(min = 0, max = 40) String name) {
    boolean valid = !name.isEmpty() && name.length() <= 32 && name.chars().allMatch(c -> NAME_CHARS.indexOf(c) >= 0);
    if (valid) {
      assertThat(request("Name", name).required("Name", 1, 32, SsoRequest.NAME)).isEqualTo(name);
    } else {
      refused(() -> request("Name", name).required("Name", 1, 32, SsoRequest.NAME), "name");
    }
  }

  @Property
  void sessionDurationsFromOneToTwelveHoursAreAccepted(@ForAll @IntRange(min = 0, max = 30) int hours,
                                                       @ForAll @IntRange(min = 0, max = 59) int minutes) {
    String value = minutes == 0 ? "PT" + hours + "H" : "PT" + hours + "H" + minutes + "M";
    long total = hours * 60L + minutes;
    if (total >= 60 && total <= 720) {
      assertThat(request("SessionDuration", value).sessionDuration()).isEqualTo(value);
    } else {
      refused(() -> request("SessionDuration", value).sessionDuration(), "sessionDuration");
    }
  }

  @Property
  void principalIdsAreAStorePrefixedOrBareUuid(@ForAll boolean prefixed, @ForAll @IntRange(min = 0, max = 46) int cut) {
    String id = (prefixed ? "1234567890-" : "") + UUID.randomUUID();
    assertThat(request("PrincipalId", id).principalId()).isEqualTo(id);
    String truncated = id.substring(0, Math.min(cut, id.length() - 1));
    refused(() -> request("PrincipalId", truncated).principalId(), "principalId");
  }

  @Property
  void maxResultsIsOneToOneHundred(@ForAll @IntRange(min = -5, max = 205) int max) {
    var r = request("MaxResults", max);
    var pages = new io.rolecall.sandbox.paging.Paginator(() -> SsoErrors.validation("bad token"));
    if (max >= 1 && max <= 100) {
      assertThat(r.page(pages, "scope", java.util.List.of("a", "b"), s -> s).items()).hasSize(Math.min(2, max));
    } else {
      refused(() -> r.page(pages, "scope", java.util.List.of("a"), s -> s), "maxResults");
    }
  }

  @Property
  void accountIdsAreTwelveDigits(@ForAll @StringLength(min = 0, max = 14) String text) {
    if (text.matches("\\d{12}")) {
      assertThat(request("AccountId", text).accountId("AccountId")).isEqualTo(text);
    } else {
      refused(() -> request("AccountId", text).accountId("AccountId"), "accountId");
    }
  }
}
