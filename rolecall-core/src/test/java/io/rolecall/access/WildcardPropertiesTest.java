package io.rolecall.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The IAM wildcard matcher against a regular-expression oracle, on small alphabets where cases collide often.
 * Named *Test so Surefire's default includes run it (they do not match *Properties).
 */
class WildcardPropertiesTest {

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars('a', 'B', ':', '/', '*', '?').ofMaxLength(10);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.strings().withChars('a', 'b', 'A', 'B', ':', '/').ofMaxLength(12);
  }

  static Pattern oracle(String glob, boolean ignoreCase) {
    var re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
  }

  @Property
  void resourcePatternsMatchExactlyWhatTheOracleMatches(@ForAll("patterns") String pattern, @ForAll("values") String value) {
    assertThat(Wildcard.resource(pattern).matches(value)).isEqualTo(oracle(pattern, false).matcher(value).matches());
  }

  @Property
  void actionPatternsIgnoreCase(@ForAll("patterns") String pattern, @ForAll("values") String value) {
    assertThat(Wildcard.action(pattern).matches(Wildcard.fold(value)))
        .isEqualTo(oracle(pattern, true).matcher(value).matches());
  }

  @Property
  void aPatternMatchesItsWitness(@ForAll("patterns") String pattern) {
    var w = Wildcard.resource(pattern);
    assertThat(w.matches(w.witness(Map.of()))).isTrue();
  }

  @Property
  void onlyStarsMatchEverything(@ForAll("patterns") String pattern, @ForAll("values") String value) {
    var w = Wildcard.resource(pattern);
    if (w.matchesAll()) {
      assertThat(w.matches(value)).isTrue();
      assertThat(pattern).matches("\\*+");
    }
  }

  @Property
  void theUserNameVariableStandsForTheNameAndEscapesForLiterals(@ForAll("values") String name,
      @ForAll("values") String other) {
    var w = Wildcard.resource("arn:aws:iam::1:user/${aws:username}");
    assertThat(w.matches("arn:aws:iam::1:user/" + other, Map.of(Wildcard.USERNAME, name))).isEqualTo(other.equals(name));
    assertThat(w.matches("arn:aws:iam::1:user/" + name)).isFalse();
    var literal = Wildcard.resource("k/${*}${?}");
    assertThat(literal.matches("k/*?")).isTrue();
    assertThat(literal.matches("k/" + other)).isEqualTo(other.equals("*?"));
  }

  @Property(tries = 50)
  void hostilePatternsStayLinear(@ForAll("values") String tail) {
    // Many stars against a long near-miss: the two-pointer walk does at most pattern x value steps.
    String pattern = "*a".repeat(40) + "*b";
    String value = "a".repeat(2000) + tail.replace("b", "").replace("B", "");
    assertThat(Wildcard.resource(pattern).matches(value)).isEqualTo(value.endsWith("b"));
  }
}
