package io.rolecall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rolecall.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5: $HOME decides where ~/.rolecall is, as it decides ~/.aws, so state and credentials come from one home
 * (the JVM's user.home, from the password database, may be another: sudo -E, containers, CI). The store is the
 * owner's only, and commands that only read never create one.
 */
class HomeAndStoreCliTest {
  @TempDir
  Path dir;

  /** A home whose ~/.aws holds the sandbox operator's keys as profile "ops" and whose rolecall config uses it. */
  static Path home(Path home, Sandbox sb, Path rolecallDir) throws Exception {
    var ops = sb.account("111111111111").iam().createUserWithAccessKey("ops");
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/credentials"), "[ops]\naws_access_key_id = " + ops.accessKeyId()
        + "\naws_secret_access_key = " + ops.secretAccessKey() + "\n");
    Files.createDirectories(rolecallDir);
    Files.writeString(rolecallDir.resolve("config.yaml"), "instances:\n  sb:\n    profile: ops\n    region: us-east-1\n"
        + "    endpointUrl: " + sb.endpoint() + "\n    retries: 0\n");
    return home;
  }

  @Test
  void configStoreAndCredentialsAllComeFromHome() throws Exception {
    try (var sb = Sandbox.start()) {
      Path home = home(dir.resolve("home"), sb, dir.resolve("home/.rolecall"));
      var env = Map.of("HOME", home.toString());
      var run = CliRun.subprocess(env, "--instance", "sb", "aws-iam-account-password-policy-update",
          "minimum_password_length=12");
      assertThat(run.exit()).as(run.all()).isZero();
      assertThat(sb.account("111111111111").iam().passwordPolicy().orElseThrow().minimumPasswordLength()).isEqualTo(12);
      Path store = home.resolve(".rolecall/rolecall.db");
      assertThat(store).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
      var audit = CliRun.subprocess(env, "audit");
      assertThat(audit.exit()).as(audit.all()).isZero();
      assertThat(audit.out()).contains("aws-iam-account-password-policy-update", "applied");
    }
  }

  @Test
  void rolecallHomeMovesConfigAndStoreButNotTheAwsFiles() throws Exception {
    try (var sb = Sandbox.start()) {
      Path own = dir.resolve("rolecall-state");
      Path home = home(dir.resolve("home"), sb, own);
      var env = Map.of("HOME", home.toString(), "ROLECALL_HOME", own.toString());
      var run = CliRun.subprocess(env, "--instance", "sb", "aws-iam-account-password-policy-update",
          "minimum_password_length=13");
      assertThat(run.exit()).as(run.all()).isZero();
      assertThat(own.resolve("rolecall.db")).exists();
      assertThat(home.resolve(".rolecall")).doesNotExist();
    }
  }

  @Test
  void aTildeInTheStoreLocationIsHome() throws Exception {
    try (var sb = Sandbox.start()) {
      Path home = home(dir.resolve("home"), sb, dir.resolve("home/.rolecall"));
      var run = CliRun.subprocess(Map.of("HOME", home.toString()), "--instance", "sb", "--db", "~/audit/journal.db",
          "aws-iam-account-password-policy-update", "minimum_password_length=14");
      assertThat(run.exit()).as(run.all()).isZero();
      assertThat(home.resolve("audit/journal.db")).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("audit"))))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void readingCommandsNeverCreateAStore() {
    Path typo = dir.resolve("no-such/rolecal.db");
    var run = CliRun.inProcess(Map.of("HOME", dir.resolve("home").toString()), "audit", "--db", typo.toString());
    assertThat(run.exit()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("rolecall: db: no store at " + typo + " (nothing has been recorded there; check"
        + " --db or the config's db:)\n");
    assertThat(dir.resolve("no-such")).doesNotExist();

    var fresh = CliRun.inProcess(Map.of("HOME", dir.resolve("home").toString()), "audit");
    assertThat(fresh.exit()).as(fresh.all()).isZero();
    assertThat(fresh.out()).contains("No change has been applied yet.");
    assertThat(dir.resolve("home")).doesNotExist();
  }
}
