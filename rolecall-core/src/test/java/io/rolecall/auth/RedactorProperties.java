package io.rolecall.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one-pass redactor against the obvious reference: mark every span where any live secret occurs, mask each run
 * of marked characters once. Alphabets are tiny so that secrets overlap, nest and repeat in the text.
 */
class RedactorProperties {

  @Provide
  Arbitrary<List<String>> secrets() {
    return Arbitraries.strings().withChars("abcXY").ofMinLength(6).ofMaxLength(12).list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abcXY -").ofMaxLength(200);
  }

  @Property(tries = 500)
  void masksExactlyWhatTheReferenceMasks(@ForAll("secrets") List<String> secrets, @ForAll("texts") String text) {
    var r = new Redactor();
    secrets.forEach(r::register);
    assertThat(r.redact(text)).isEqualTo(reference(secrets, text));
  }

  @Property(tries = 200)
  void noSecretSurvivesItsOwnText(@ForAll("secrets") List<String> secrets, @ForAll("texts") String text) {
    var r = new Redactor();
    secrets.forEach(r::register);
    String withSecrets = text + secrets.getFirst() + text + String.join("", secrets);
    String out = r.redact(withSecrets);
    assertThat(secrets).allSatisfy(s -> assertThat(out).doesNotContain(s));
  }

  @Property(tries = 200)
  void anUnregisteredSecretIsNoLongerMaskedButOthersStay(@ForAll("secrets") List<String> secrets) {
    var r = new Redactor();
    secrets.forEach(r::register);
    String gone = secrets.getFirst();
    // Registered as often as it occurs in the list: every use must be taken back.
    secrets.stream().filter(gone::equals).forEach(s -> r.unregister(gone));
    var live = secrets.stream().filter(s -> !s.equals(gone)).distinct().toList();
    assertThat(r.size()).isEqualTo(live.size());
    assertThat(r.redact("<" + gone + ">")).isEqualTo(reference(live, "<" + gone + ">"));
  }

  /** Marks every character covered by an occurrence of a secret, then masks each marked run as one "****". */
  static String reference(List<String> secrets, String text) {
    boolean[] masked = new boolean[text.length()];
    for (String s : secrets) {
      for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
        for (int j = i; j < i + s.length(); j++) {
          masked[j] = true;
        }
      }
    }
    var out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (!masked[i]) {
        out.append(text.charAt(i));
      } else if (i == 0 || !masked[i - 1]) {
        out.append("****");
      }
    }
    return out.toString();
  }
}
