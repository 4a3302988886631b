package io.rolecall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.auth.Redactor;
import io.rolecall.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerTokenTest {
  @TempDir
  Path dir;

  @Test
  void theDefaultTokenFileIsUnderHomeOrRolecallHome() {
    assertThat(BearerToken.defaultFile(Env.of(Map.of("HOME", "/home/ci"))))
        .isEqualTo(Path.of("/home/ci/.rolecall/engine-token"));
    assertThat(BearerToken.defaultFile(Env.of(Map.of("HOME", "/home/ci", "ROLECALL_HOME", "/srv/rolecall"))))
        .isEqualTo(Path.of("/srv/rolecall/engine-token"));
  }

  @Test
  void firstStartCreatesAnOwnerOnlyTokenFileAndLaterStartsReuseIt() throws Exception {
    Path file = dir.resolve("sub").resolve("engine-token");
    var token = BearerToken.load(Env.of(Map.of()), file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String text = Files.readString(file).strip();
    assertThat(text).hasSizeGreaterThanOrEqualTo(40);
    assertThat(token.accepts("Bearer " + text)).isTrue();
    assertThat(token.accepts("bearer " + text)).isTrue();
    assertThat(token.accepts("Bearer " + text + "x")).isFalse();
    assertThat(token.accepts(text)).isFalse();
    assertThat(token.accepts(null)).isFalse();
    assertThat(BearerToken.load(Env.of(Map.of()), file).accepts("Bearer " + text)).isTrue();
    assertThat(Redactor.global().redact("token " + text)).doesNotContain(text);
    assertThat(token.source()).isEqualTo(file.toString());
  }

  @Test
  void theEnvironmentWinsAndAShortOneIsRefused() {
    var token = BearerToken.load(Env.of(Map.of(BearerToken.VARIABLE, "from-env-0123456789abcdef")), dir.resolve("t"));
    assertThat(token.accepts("Bearer from-env-0123456789abcdef")).isTrue();
    assertThat(Files.exists(dir.resolve("t"))).isFalse();
    assertThatThrownBy(() -> BearerToken.load(Env.of(Map.of(BearerToken.VARIABLE, "short")), dir.resolve("t")))
        .isInstanceOf(UsageException.class).hasMessageContaining("at least 16");
  }

  @Test
  void aTokenFileOthersCanReadIsRefused() throws Exception {
    Path file = dir.resolve("shared-token");
    Files.writeString(file, "0123456789abcdef0123456789\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> BearerToken.load(Env.of(Map.of()), file))
        .isInstanceOf(UsageException.class).hasMessageContaining("chmod 600");
  }
}
