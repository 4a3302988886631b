package io.rolecall.commands.identitycenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.commands.Commands;
import io.rolecall.render.CommandDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/identity-center.md's command reference is generated from the command specs, so it cannot drift from what
 * the commands accept and output. After changing a spec, regenerate it:
 * <pre>ROLECALL_UPDATE_GOLDEN=1 ./mvnw -B -q -pl rolecall-core -am test -Dtest=IdentityCenterDocsTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class IdentityCenterDocsTest {
  static final Path DOC = Path.of("..", "docs", "identity-center.md");
  static final String BEGIN = "<!-- BEGIN GENERATED: command reference (IdentityCenterDocsTest) -->\n";
  static final String END = "<!-- END GENERATED -->\n";

  static String reference() {
    return Commands.registry().specs().stream().filter(s -> s.name().startsWith("aws-iam-identitycenter-"))
        .map(CommandDocs::markdown).collect(Collectors.joining());
  }

  @Test
  void theCommandReferenceIsTheSpecs() throws IOException {
    String doc = Files.readString(DOC);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("%s has the generated-section markers", DOC).isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String expected = doc.substring(0, begin + BEGIN.length()) + reference() + doc.substring(end);
    if ("1".equals(System.getenv("ROLECALL_UPDATE_GOLDEN"))) {
      Files.writeString(DOC, expected);
      doc = expected;
    }
    assertThat(doc).as("%s is out of date with the specs (regenerate: see this class's comment)", DOC)
        .isEqualTo(expected);
  }
}
