package io.rolecall.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UriEncodingTest {

  @Test
  void encodesAllButUnreservedCharacters() {
    assertThat(UriEncoding.encode("a b/c~d_e.f-g+h=é", false)).isEqualTo("a%20b%2Fc~d_e.f-g%2Bh%3D%C3%A9");
    assertThat(UriEncoding.encode("/a b/c", true)).isEqualTo("/a%20b/c");
  }

  @Test
  void decodesEscapesPlusInFormsAndKeepsMalformedOnesLiteral() {
    assertThat(UriEncoding.decode("a%20b%2Fc%C3%A9", false)).isEqualTo("a b/cé");
    assertThat(UriEncoding.decode("a+b", false)).isEqualTo("a+b");
    assertThat(UriEncoding.decode("a+b", true)).isEqualTo("a b");
    assertThat(UriEncoding.decode("100%", false)).isEqualTo("100%");
    assertThat(UriEncoding.decode("%zz😀%41", false)).isEqualTo("%zz😀A");
  }

  @Test
  void parsesPairsInOrder() {
    assertThat(UriEncoding.parsePairs("b=2&a&c=x%3Dy&&d=", false)).containsExactly(
        Map.entry("b", "2"), Map.entry("a", ""), Map.entry("c", "x=y"), Map.entry("d", ""));
    assertThat(UriEncoding.parsePairs("", false)).isEqualTo(List.of());
  }
}
