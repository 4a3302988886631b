package io.rolecall.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TimeoutsTest {
  @Test
  void readOnlyTakesTheDefaultConnectTimeout() {
    assertThat(Timeouts.parse("60", "timeout")).isEqualTo(new Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(10)));
  }

  @Test
  void readAndConnect() {
    assertThat(Timeouts.parse(" 30 , 5 ", "timeout")).isEqualTo(new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(5)));
  }

  @Test
  void defaultIsSixtyTen() {
    assertThat(Timeouts.DEFAULT.toString()).isEqualTo("60,10");
  }

  @Property
  void everyPositivePairRoundTrips(@ForAll @IntRange(min = 1, max = 99999) int read,
      @ForAll @IntRange(min = 1, max = 99999) int connect) {
    assertThat(Timeouts.parse(read + "," + connect, "timeout").toString()).isEqualTo(read + "," + connect);
  }

  @Property
  void anyTextEitherParsesToPositiveTimeoutsOrIsRefusedInOneLine(@ForAll String text) {
    Timeouts t;
    try {
      t = Timeouts.parse(text, "--timeout");
    } catch (UsageException e) {
      assertThat(e.getMessage()).startsWith("--timeout: expected READ or READ,CONNECT").contains("60,10").doesNotContain("\n");
      return;
    }
    assertThat(t.read()).isPositive();
    assertThat(t.connect()).isPositive();
    assertThat(Timeouts.parse(t.toString(), "--timeout")).isEqualTo(t);
  }

  @Test
  void zeroAndNegativeAndGarbageAreRefused() {
    for (String bad : new String[] {"0", "60,0", "-1", "abc", "60,10,5", "", "60;10", "1.5"}) {
      assertThatThrownBy(() -> Timeouts.parse(bad, "timeout")).as(bad).isInstanceOf(UsageException.class);
    }
  }
}
