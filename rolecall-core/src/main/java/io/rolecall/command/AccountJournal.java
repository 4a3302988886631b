package io.rolecall.command;

import io.rolecall.CommandFailedException;
import io.rolecall.audit.AuditEntry;
import io.rolecall.audit.AuditJournal;
import io.rolecall.auth.AuthSettings;
import io.rolecall.auth.Redactor;
import io.rolecall.aws.Session;
import io.rolecall.render.Json;
import java.time.Clock;
import java.util.LinkedHashMap;

/**
 * The {@link ChangeJournal} of one command in one account: entries carry who ran it, the instance, the account,
 * region and principal, and the arguments as given. Everything written passes the redactor: arguments carry no
 * credential, but a pasted secret must not outlive the run in the journal either.
 */
final class AccountJournal implements ChangeJournal {
  private final AuditJournal journal;
  private final Clock clock;
  private final String actor;
  private final CommandSpec spec;
  private final Arguments args;
  private final AuthSettings settings;
  private final Session session;

  AccountJournal(AuditJournal journal, Clock clock, String actor, CommandSpec spec, Arguments args,
      AuthSettings settings, Session session) {
    this.journal = journal;
    this.clock = clock;
    this.actor = actor;
    this.spec = spec;
    this.args = args;
    this.settings = settings;
    this.session = session;
  }

  @Override
  public Pending intend(String resource, Object before, Object requested) {
    var arguments = new LinkedHashMap<String, String>();
    args.given().forEach((k, v) -> arguments.put(k, redacted(v)));
    var entry = new AuditEntry(0, clock.instant(), actor, settings.instanceName(), session.accountId(),
        session.region(), spec.name(), arguments, principal(), resource, redacted(Json.write(before)),
        redacted(Json.write(requested)), null);
    long id;
    try {
      id = journal.intend(entry).id();
    } catch (RuntimeException e) {
      throw new CommandFailedException("the change to " + resource + " was not made: the audit journal could not"
          + " record it: " + redacted(String.valueOf(e.getMessage())));
    }
    return new Pending() {
      @Override
      public void applied(Object after, String detail) {
        complete(id, resource, AuditEntry.Outcome.Status.APPLIED, after, detail);
      }

      @Override
      public void failed(String reason, Object after) {
        complete(id, resource, AuditEntry.Outcome.Status.FAILED, after, reason);
      }
    };
  }

  private void complete(long id, String resource, AuditEntry.Outcome.Status status, Object after, String detail) {
    var outcome = new AuditEntry.Outcome(status, clock.instant(), after == null ? null : redacted(Json.write(after)),
        detail == null ? null : redacted(detail));
    try {
      journal.complete(id, outcome);
    } catch (RuntimeException e) {
      throw new CommandFailedException("the change to " + resource + " was " + (status == AuditEntry.Outcome.Status.APPLIED
          ? "applied" : "refused") + ", but the audit journal could not record its outcome (entry " + id
          + " shows 'outcome unknown'): " + redacted(String.valueOf(e.getMessage())));
    }
  }

  private String principal() {
    return session.role() != null ? session.role().roleArn() + " (session " + session.role().sessionName() + ")"
        : settings.accessKey() != null ? "access key " + settings.accessKey()
        : settings.profile() != null ? "profile " + settings.profile() : "default credential chain";
  }

  private static String redacted(String text) {
    return Redactor.global().redact(text);
  }
}
