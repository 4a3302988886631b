-- Every change rolecall applied (SPEC §2.1). Append-only: nothing updates or deletes rows.
-- Times are ISO-8601 UTC text with milliseconds, as in the SQLite schema, so both stores read alike.
CREATE TABLE audit_journal (
  id           BIGSERIAL PRIMARY KEY,
  at           TEXT   NOT NULL,
  actor        TEXT   NOT NULL,
  instance     TEXT,
  account_id   TEXT,
  region       TEXT,
  command      TEXT   NOT NULL,
  arguments    TEXT   NOT NULL,
  principal    TEXT,
  resource     TEXT,
  before_state TEXT,
  after_state  TEXT
);
CREATE INDEX audit_journal_account ON audit_journal (account_id, at);
