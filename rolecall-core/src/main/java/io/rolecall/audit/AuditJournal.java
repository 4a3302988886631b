package io.rolecall.audit;

import java.util.List;

/** The append-only record of every change rolecall applied (SPEC §2.1). */
public interface AuditJournal {
  /** Appends durably: when this returns, the entry survives a crash. Returns it with its id. */
  AuditEntry append(AuditEntry entry);

  /** The most recent entries first, at most {@code limit}. */
  List<AuditEntry> recent(int limit);
}
