package io.rolecall.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One change, as the journal keeps it: written before the change is made (who, where, what, the state before and
 * the state asked for), then completed with its {@link Outcome}. An entry without an outcome is a change whose
 * result was never recorded (the process died between the call and the record): its outcome is unknown, and it is
 * shown as such. {@code before}, {@code requested} and the outcome's {@code after} are JSON documents. Nothing here
 * may hold a secret: arguments are the command's own (no credential is an argument), and the principal is a role
 * ARN or an access key id, never a secret key or token.
 *
 * @param id assigned by the journal on {@link AuditJournal#intend}; 0 before that
 * @param actor who ran rolecall: the OS user for the CLI, the token's name for the engine
 * @param principal the AWS identity the change was made as
 * @param requested the state the change asked for, as rolecall computed it before the call
 * @param outcome how it came out, or null while (or if forever) unknown
 */
public record AuditEntry(
    long id,
    Instant time,
    String actor,
    String instance,
    String accountId,
    String region,
    String command,
    Map<String, String> arguments,
    String principal,
    String resource,
    String before,
    String requested,
    Outcome outcome) {

  public AuditEntry {
    arguments = Map.copyOf(arguments);
  }

  /** How a change came out, recorded after its call. */
  public record Outcome(Status status, Instant time, String after, String detail) {
    /** Applied: AWS accepted it (the after-state is what was read back). Failed: AWS refused it, or it was undone. */
    public enum Status { APPLIED, FAILED }
  }

  public AuditEntry withId(long newId) {
    return new AuditEntry(newId, time, actor, instance, accountId, region, command, arguments, principal, resource,
        before, requested, outcome);
  }

  public AuditEntry withOutcome(Outcome o) {
    return new AuditEntry(id, time, actor, instance, accountId, region, command, arguments, principal, resource,
        before, requested, o);
  }

  /** "applied", "failed" or "outcome unknown". */
  public String outcomeText() {
    return outcome == null ? "outcome unknown" : outcome.status() == Outcome.Status.APPLIED ? "applied" : "failed";
  }

  /** The state after the change as far as the journal knows: read back if recorded, else the state asked for. */
  public String after() {
    return outcome != null && outcome.after() != null ? outcome.after() : requested;
  }
}
