package io.rolecall.command;

import io.rolecall.RolecallException;
import io.rolecall.aws.AwsErrors;
import io.rolecall.aws.LostResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One change to AWS, made as SPEC §5 asks: journaled as intended before its call; the state read back after it and
 * journaled as the outcome; what was read, not what was asked, is what the command reports; any difference is a
 * warning. When the SDK retried the call because an earlier attempt went unanswered, a refusal the first attempt
 * itself could have caused (a conflict for a create, not found for a delete: see {@link #settlingRetried}) is
 * settled by reading the state: if it is what was asked, this run made the change, and it is reported and
 * journaled as applied.
 * <pre>{@code
 * var done = Write.of(ctx, resource, before, requested)
 *     .run(() -> iam.updateAccountPasswordPolicy(...), () -> PasswordPolicies.read(iam));
 * done.after();     // as read back
 * done.warnings();  // differences from what was asked, or how a lost response was settled
 * }</pre>
 */
public final class Write {
  /** What the write came to: the state read back (the state asked for if it could not be read) and the warnings. */
  public record Done(Object after, List<String> warnings, boolean readBack) {
    public Done {
      warnings = List.copyOf(warnings);
    }

    /** The state after as a map: empty when nothing was there. */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> afterMap() {
      return after == null ? java.util.Map.of() : (java.util.Map<String, Object>) after;
    }
  }

  private final ChangeJournal journal;
  private final String resource;
  private final Object before;
  private final Object requested;
  private Set<String> ignored = Set.of();
  private Predicate<RuntimeException> ownRefusal = e -> false;
  private boolean readBackOnFailure;
  private final List<String> notes = new ArrayList<>();

  private Write(ChangeJournal journal, String resource, Object before, Object requested) {
    this.journal = journal;
    this.resource = resource;
    this.before = before;
    this.requested = requested;
  }

  /** A change of {@code resource} from {@code before} (null: it does not exist) to {@code requested} (null: gone). */
  public static Write of(CommandContext ctx, String resource, Object before, Object requested) {
    return new Write(ctx.journal(), resource, before, requested);
  }

  /** Members AWS assigns (ids, the store's id): present in what is read back, absent from what was asked. */
  public Write ignoring(String... members) {
    ignored = Set.of(members);
    return this;
  }

  /**
   * The refusal a retried call meets when its first, unanswered attempt was applied: a conflict for a create, not
   * found for a delete. Only after such an attempt (see {@link LostResponses}) is it settled by reading the state.
   */
  public Write settlingRetried(Predicate<RuntimeException> refusal) {
    ownRefusal = refusal;
    return this;
  }

  /** For changes made of several calls: on a failure midway, read the state so the journal shows how far it got. */
  public Write readingBackOnFailure() {
    readBackOnFailure = true;
    return this;
  }

  /** A note for the output and the journal, from inside the call (say, how one of its deletions was settled). */
  public void note(String text) {
    notes.add(text);
  }

  /**
   * Journals the intent, makes the call, reads the state back and completes the entry. A refusal is journaled as
   * failed and rethrown; a failure of the journal to record the intent stops the change before its call.
   */
  public Done run(Runnable call, Supplier<Object> readBack) {
    ChangeJournal.Pending pending = journal.intend(resource, before, requested);
    try {
      call.run();
    } catch (RolecallException | SdkException e) {
      return settle(pending, e, readBack);
    }
    Object after;
    try {
      after = readBack.get();
    } catch (RolecallException | SdkException e) {
      notes.add("the change was applied, but reading it back failed: " + message(e));
      pending.applied(null, String.join("; ", notes));
      return new Done(requested, notes, false);
    }
    for (String d : ReadBack.differences(requested, after, ignored)) {
      notes.add("read back differs from what was asked: " + d);
    }
    pending.applied(after, notes.isEmpty() ? null : String.join("; ", notes));
    return new Done(after, notes, true);
  }

  private Done settle(ChangeJournal.Pending pending, RuntimeException e, Supplier<Object> readBack) {
    boolean maybeOwn = LostResponses.preceded(e) && ownRefusal.test(e);
    Object now = null;
    if (maybeOwn || readBackOnFailure) {
      try {
        now = readBack.get();
      } catch (RolecallException | SdkException readFailure) {
        maybeOwn = false;
      }
    }
    if (maybeOwn && ReadBack.differences(requested, now, ignored).isEmpty()) {
      notes.add("an attempt's response was lost and the SDK retried, which AWS refused (" + message(e) + "); the"
          + " state read back is what was asked, so this run made the change");
      pending.applied(now, String.join("; ", notes));
      return new Done(now, notes, true);
    }
    pending.failed(message(e), now);
    throw e;
  }

  private static String message(RuntimeException e) {
    return e instanceof RolecallException ? e.getMessage() : AwsErrors.callFailed("the call", e).getMessage();
  }
}
