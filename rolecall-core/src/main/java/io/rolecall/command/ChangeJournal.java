package io.rolecall.command;

/**
 * Where a command's changes are journaled (SPEC §5): each one {@link #intend intended} before its call, then
 * completed as applied, with the state read back, or as failed. Commands go through {@link Write}, which keeps to
 * that order; the executor supplies the journal, already proven writable, and a dry run gets {@link #NONE}.
 */
public interface ChangeJournal {

  /** Journals a change about to be made to {@code resource}; returns the handle that completes its entry. */
  Pending intend(String resource, Object before, Object requested);

  /** An intended change, to be completed once its call is done. Until then (or forever, if the process dies) its outcome is unknown. */
  interface Pending {
    /** AWS accepted the change; {@code after} is the state read back (null if it could not be read); detail: warnings. */
    void applied(Object after, String detail);

    /** The change was refused or failed; {@code after} is the state read back, if it was. */
    void failed(String reason, Object after);
  }

  /** A dry run's: it makes no change, so there is nothing to journal, and asking is a bug. */
  ChangeJournal NONE = (resource, before, requested) -> {
    throw new IllegalStateException("a dry run makes no change, so it journals none (" + resource + ")");
  };
}
