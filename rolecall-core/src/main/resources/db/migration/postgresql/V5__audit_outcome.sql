-- How each change of the journal came out (SPEC §5). An audit_journal row is now written before its change is
-- made, with after_state holding the state asked for; the outcome is appended here after the call, with the state
-- read back. A journal row without an outcome row is a change whose result was never recorded: "outcome unknown".
-- Append-only, as the journal is.
CREATE TABLE audit_outcome (
  entry_id    BIGINT  PRIMARY KEY REFERENCES audit_journal (id),
  at          TEXT    NOT NULL,
  outcome     TEXT    NOT NULL,
  after_state TEXT,
  detail      TEXT
);

-- Every row written before this migration was written after its change was applied.
INSERT INTO audit_outcome (entry_id, at, outcome, after_state)
  SELECT id, at, 'applied', after_state FROM audit_journal;
