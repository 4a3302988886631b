package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Path segments: whatever a client percent-encodes comes back as it was, '+' included; bad escapes are a 400. */
class PercentDecodingProperties {

  static String encode(String s) {
    var out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~+".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  @Property
  void encodedSegmentsDecodeToWhatWasEncoded(@ForAll @StringLength(max = 40) String s) {
    // Lone surrogates have no UTF-8 form; the JDK's encoder writes '?' for them, which is what comes back.
    String sendable = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertThat(PercentDecoding.segment(encode(sendable), "path: id")).isEqualTo(sendable);
  }

  @Property
  void aPercentNotFollowedByTwoHexDigitsIsA400(@ForAll @StringLength(max = 10) String before,
      @ForAll @StringLength(max = 1) String after) {
    String bad = encode(before) + "%" + (after.isEmpty() ? "" : after.codePointAt(0) < 128
        && Character.digit(after.charAt(0), 16) >= 0 ? "g" : encode(after).replace("%", "z"));
    assertThatThrownBy(() -> PercentDecoding.segment(bad, "path: id")).isInstanceOf(ApiException.class)
        .hasMessage("path: id: malformed percent-encoding (expected %XX with two hex digits)")
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
  }
}
