package io.rolecall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import org.junit.jupiter.api.Test;

class UrlsTest {
  @Test
  void aPortOutOfRangeIsTheSettingsErrorNotTheHttpClients() {
    assertThatThrownBy(() -> Urls.http("http://127.0.0.1:99999", "--endpoint-url"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--endpoint-url: expected a port from 1 to 65535 in the URL, got 99999 in 'http://127.0.0.1:99999'");
    assertThatThrownBy(() -> Urls.http("https://user:CANARY-pw@proxy:0", "--proxy"))
        .hasMessageContaining("got 0").hasMessageNotContaining("CANARY-pw");
    assertThat(Urls.http("http://127.0.0.1:65535", "--endpoint-url").getPort()).isEqualTo(65535);
    assertThat(Urls.http("https://iam.amazonaws.com", "--endpoint-url").getPort()).isEqualTo(-1);
  }

  @Test
  void controlCharactersInTheValueAreEscapedInTheMessage() {
    assertThatThrownBy(() -> Urls.http("ftp://x\n\u001b[31m", "--endpoint-url"))
        .hasMessageNotContaining("\n").hasMessageNotContaining("\u001b");
  }
}
