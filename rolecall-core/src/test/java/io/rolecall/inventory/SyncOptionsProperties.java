package io.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** `inventory sync` input: valid forms parse to what they say; anything else is a one-line usage error. */
class SyncOptionsProperties {

  @Property
  void accountListsParseInOrderWithoutDuplicates(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 999) Integer> ns) {
    var ids = ns.stream().map(n -> String.format("%012d", 100_000_000_000L + n)).toList();
    var selection = SyncOptions.accounts(String.join(",", ids));
    assertThat(selection.all()).isFalse();
    assertThat(selection.accountIds()).containsExactlyElementsOf(ids.stream().distinct().toList());
  }

  @Property
  void anythingButTwelveDigitIdsOrAllIsRefused(@ForAll @StringLength(min = 1, max = 30) String text) {
    boolean valid = text.trim().equalsIgnoreCase("all")
        || List.of(text.split(",", -1)).stream().allMatch(p -> p.trim().matches("\\d{12}"));
    if (valid) {
      SyncOptions.accounts(text);
    } else {
      assertThatThrownBy(() -> SyncOptions.accounts(text)).isInstanceOf(UsageException.class)
          .hasMessageStartingWith(text.isBlank() ? "--accounts: required" : "--accounts: expected").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Provide
  Arbitrary<String> regions() {
    return Arbitraries.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "us-gov-west-1",
        "ca-central-1", "sa-east-1");
  }

  @Property
  void regionListsKeepOrderAndDropRepeats(@ForAll @Size(min = 1, max = 6) List<@From("regions") String> regions) {
    assertThat(SyncOptions.regions(String.join(",", regions))).containsExactlyElementsOf(regions.stream().distinct().toList());
  }

  @Property
  void malformedRegionsAreRefused(@ForAll("regions") String good, @ForAll @StringLength(min = 0, max = 12) String junk) {
    String text = good + "," + junk;
    if (!junk.trim().matches("[a-z]{2}(-[a-z]+)+-\\d{1,2}")) {
      assertThatThrownBy(() -> SyncOptions.regions(text)).isInstanceOf(UsageException.class)
          .hasMessageStartingWith("--regions: expected");
    }
  }

  @Property
  void durationsWithinNinetyDaysParse(@ForAll @IntRange(min = 1, max = 90) int days, @ForAll @IntRange(min = 1, max = 2160) int hours,
      @ForAll @IntRange(min = 1, max = 129_600) int minutes) {
    assertThat(SyncOptions.eventsSince(days + "d")).isEqualTo(Duration.ofDays(days));
    assertThat(SyncOptions.eventsSince(hours + "h")).isEqualTo(Duration.ofHours(hours));
    assertThat(SyncOptions.eventsSince(minutes + "m")).isEqualTo(Duration.ofMinutes(minutes));
  }

  @Property
  void durationsBeyondNinetyDaysOrMalformedAreRefused(@ForAll @IntRange(min = 91, max = 99_999) int days,
      @ForAll @StringLength(min = 1, max = 6) String junk) {
    assertThatThrownBy(() -> SyncOptions.eventsSince(days + "d")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--events-since: expected a duration from 1m to 90d");
    if (!junk.trim().matches("\\d{1,6}[mhd]")) {
      assertThatThrownBy(() -> SyncOptions.eventsSince(junk)).isInstanceOf(UsageException.class);
    }
  }

  @Property
  void servicesAreASubsetOfTheParts(@ForAll @Size(min = 1, max = 3) List<Part> parts) {
    String text = String.join(",", parts.stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).toList());
    assertThat(SyncOptions.parts(text)).containsExactlyInAnyOrderElementsOf(parts.stream().distinct().toList());
    assertThatThrownBy(() -> SyncOptions.parts(text + ",lambda")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--services: expected");
  }
}
