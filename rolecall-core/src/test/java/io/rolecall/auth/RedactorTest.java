package io.rolecall.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counted registrations: a secret stays masked while any of its users holds it, and short values are never secrets. */
class RedactorTest {

  @Test
  void aSecretStaysMaskedUntilItsLastUseIsTakenBack() {
    var r = new Redactor();
    r.register("s3cr3t-value");
    r.register("s3cr3t-value");
    r.unregister("s3cr3t-value");
    assertThat(r.redact("key=s3cr3t-value;")).isEqualTo("key=****;");
    r.unregister("s3cr3t-value");
    assertThat(r.redact("key=s3cr3t-value;")).isEqualTo("key=s3cr3t-value;");
    assertThat(r.size()).isZero();
    r.unregister("s3cr3t-value");
    assertThat(r.size()).isZero();
  }

  @Test
  void shortValuesAndNullsAreIgnored() {
    var r = new Redactor();
    r.register("abc");
    r.register(null);
    assertThat(r.size()).isZero();
    assertThat(r.redact("abc")).isEqualTo("abc");
    assertThat(r.redact(null)).isNull();
  }

  @Test
  void secretsSharingTheirFirstCharactersAreEachMasked() {
    var r = new Redactor();
    r.register("AKIAsecretONE");
    r.register("AKIAsecretTWO-longer");
    assertThat(r.redact("a AKIAsecretONE b AKIAsecretTWO-longer c AKIAsecretTHREE"))
        .isEqualTo("a **** b **** c AKIAsecretTHREE");
  }

  @Test
  void tenThousandLiveSecretsCostOnePassAndAreAllMasked() {
    var r = new Redactor();
    for (int i = 0; i < 10_000; i++) {
      r.register("session-token-" + i + "-x");
    }
    var text = new StringBuilder();
    for (int i = 0; i < 10_000; i += 97) {
      text.append("{\"t\":\"session-token-").append(i).append("-x\"}");
    }
    String out = r.redact(text.toString());
    assertThat(out).doesNotContain("session-token-").contains("{\"t\":\"****\"}");
    for (int i = 0; i < 10_000; i++) {
      r.unregister("session-token-" + i + "-x");
    }
    assertThat(r.size()).isZero();
    assertThat(r.redact(text.toString())).isEqualTo(text.toString());
  }
}
