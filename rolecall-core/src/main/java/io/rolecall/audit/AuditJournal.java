package io.rolecall.audit;

import java.util.List;

/**
 * The append-only record of every change rolecall makes (SPEC §5): an entry is written before the change's call
 * and completed after it, so no change is ever made that the journal does not know of.
 */
public interface AuditJournal {
  /**
   * Proves the journal can take an entry now (a write, rolled back), or throws saying why not. Called before the
   * first change of a command, so a journal that cannot record stops the command before AWS is touched.
   */
  void checkWritable();

  /** Appends the entry for a change about to be made; durable when this returns. Returns it with its id. */
  AuditEntry intend(AuditEntry entry);

  /** Appends how the change of entry {@code id} came out; durable when this returns. */
  void complete(long id, AuditEntry.Outcome outcome);

  /** The most recent entries first, at most {@code limit}, each with its outcome if one was recorded. */
  List<AuditEntry> recent(int limit);

  /**
   * The most recent entries first, at most {@code limit}, of the given account, command and actor (each null: any;
   * the actor matched case-insensitively as a substring, so "alice" finds "alice (engine)").
   */
  default List<AuditEntry> recent(int limit, String account, String command, String actor) {
    return recent(Integer.MAX_VALUE).stream()
        .filter(e -> account == null || account.equals(e.accountId()))
        .filter(e -> command == null || command.equals(e.command()))
        .filter(e -> actor == null || (e.actor() != null && e.actor().toLowerCase(java.util.Locale.ROOT)
            .contains(actor.toLowerCase(java.util.Locale.ROOT))))
        .limit(limit).toList();
  }
}
