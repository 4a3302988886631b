package io.rolecall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's files: who may read them, and several processes creating one at once. */
class StoreFilesTest {
  @TempDir
  Path dir;

  @Test
  void aNewStoreAndItsJournalFilesAreTheOwnersOnly() throws Exception {
    Path db = dir.resolve("fresh/rolecall.db");
    try (var store = Store.open(db.toString())) {
      store.auditJournal().checkWritable();
      assertThat(Files.getPosixFilePermissions(db.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
      try (var files = Files.list(db.getParent())) {
        var names = new ArrayList<String>();
        for (Path f : files.toList()) {
          names.add(f.getFileName().toString());
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
              .isEqualTo("rw-------");
        }
        assertThat(names).contains("rolecall.db", "rolecall.db-wal", "rolecall.db-shm");
      }
    }
  }

  @Test
  void openingAnExistingStoreAtAMistypedPathCreatesNothingAndNamesIt() {
    Path typo = dir.resolve("no-such-dir/rolecal.db");
    assertThatThrownBy(() -> Store.openExisting(typo.toString()))
        .isInstanceOf(UsageException.class)
        .hasMessage("db: no store at " + typo + " (nothing has been recorded there; check --db or the config's db:)");
    assertThat(dir.resolve("no-such-dir")).doesNotExist();
    Path db = dir.resolve("rolecall.db");
    Store.open(db.toString()).close();
    try (var store = Store.openExisting(db.toString())) {
      assertThat(store.auditJournal().recent(1)).isEmpty();
    }
  }

  @Test
  void twoProcessesCreatingOneNewStoreAtOnceBothSucceed() throws Exception {
    for (int trial = 0; trial < 5; trial++) {
      Path db = dir.resolve("trial-" + trial).resolve("rolecall.db");
      Path barrier = Files.createDirectories(dir.resolve("barrier-" + trial));
      var processes = new ArrayList<Process>();
      var outputs = new ArrayList<Path>();
      for (int p = 0; p < 2; p++) {
        Path out = dir.resolve("out-" + trial + "-" + p);
        outputs.add(out);
        processes.add(java(OpenStoreMain.class, out, db.toString(), barrier.toString(), "p" + p, "2"));
      }
      for (int p = 0; p < 2; p++) {
        assertThat(processes.get(p).waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        assertThat(processes.get(p).exitValue()).as("trial %d, process %d: %s", trial, p, Files.readString(outputs.get(p)))
            .isZero();
      }
    }
  }

  static Process java(Class<?> main, Path output, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }
}
