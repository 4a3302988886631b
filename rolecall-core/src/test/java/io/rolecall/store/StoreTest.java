package io.rolecall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rolecall.UsageException;
import io.rolecall.audit.AuditEntry;
import io.rolecall.audit.AuditEntry.Outcome;
import io.rolecall.audit.AuditView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir
  Path dir;

  @Test
  void auditEntriesSurviveReopeningNewestFirstWithTheirOutcomes() {
    Path db = dir.resolve("nested/rolecall.db");
    try (var store = Store.open(db.toString())) {
      var journal = store.auditJournal();
      journal.checkWritable();
      var first = journal.intend(entry("aws-iam-account-password-policy-update", "{\"MinimumPasswordLength\":8}"));
      journal.complete(first.id(), new Outcome(Outcome.Status.APPLIED, Instant.parse("2026-11-23T10:15:31Z"),
          "{\"MinimumPasswordLength\":9}", "read back differs"));
      var second = journal.intend(entry("aws-s3-public-access-block-update", "{\"BlockPublicAcls\":true}"));
      assertThat(second.id()).isGreaterThan(first.id());
    }
    try (var store = Store.open(db.toString())) {
      var entries = store.auditJournal().recent(10);
      assertThat(entries).extracting(AuditEntry::command)
          .containsExactly("aws-s3-public-access-block-update", "aws-iam-account-password-policy-update");
      var e = entries.get(1);
      assertThat(e.time()).isEqualTo(Instant.parse("2026-11-23T10:15:30.123Z"));
      assertThat(e.arguments()).containsEntry("minimum_password_length", "14");
      assertThat(e.requested()).isEqualTo("{\"MinimumPasswordLength\":8}");
      assertThat(e.after()).isEqualTo("{\"MinimumPasswordLength\":9}");
      assertThat(e.outcomeText()).isEqualTo("applied");
      assertThat(e.outcome().detail()).isEqualTo("read back differs");
      // Intended, never completed: what a crash between the call and its record leaves.
      assertThat(entries.get(0).outcome()).isNull();
      assertThat(entries.get(0).outcomeText()).isEqualTo("outcome unknown");
      assertThat(AuditView.table(entries).rows().getFirst()).contains("outcome unknown");
    }
  }

  @Test
  void aJournalThatOpensButRefusesWritesFailsItsCheckAndTheCheckLeavesNoEntry() throws Exception {
    Path db = dir.resolve("rolecall.db");
    try (var store = Store.open(db.toString())) {
      store.auditJournal().checkWritable();
      assertThat(store.auditJournal().recent(10)).isEmpty();
      store.transaction(c -> c.createStatement().executeUpdate("CREATE TRIGGER read_only BEFORE INSERT ON audit_journal"
          + " BEGIN SELECT RAISE(ABORT, 'the journal is read-only'); END"));
      assertThatThrownBy(() -> store.auditJournal().checkWritable()).isInstanceOf(StoreException.class)
          .hasMessageContaining("the journal is read-only");
    }
  }

  @Test
  void unsupportedJdbcUrlIsAUsageErrorWithPasswordMasked() {
    assertThatThrownBy(() -> Store.open("jdbc:mysql://db/x?user=a&password=CANARY-db-pw"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("db: expected a file path, jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB")
        .hasMessageNotContaining("CANARY-db-pw");
  }

  @Test
  void unreachablePostgresIsAOneLineUsageErrorWithoutThePassword() {
    assertThatThrownBy(() -> Store.open("jdbc:postgresql://127.0.0.1:1/none?user=a&password=CANARY-pg-pw&connectTimeout=2"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("db: cannot open jdbc:postgresql://127.0.0.1:1/none?user=a&password=****")
        .hasMessageNotContaining("CANARY-pg-pw");
  }

  private static AuditEntry entry(String command, String after) {
    return new AuditEntry(0, Instant.parse("2026-11-23T10:15:30.123Z"), "alice (cli)", "prod", "222222222222",
        "us-east-1", command, Map.of("minimum_password_length", "14"), "arn:aws:iam::222222222222:role/R (session rolecall)",
        "account 222222222222", "{}", after, null);
  }
}
