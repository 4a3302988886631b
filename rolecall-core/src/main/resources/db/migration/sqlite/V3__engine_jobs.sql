-- The engine's work queue (rolecall serve): one row per inventory sync job. Engines sharing a store take queued
-- jobs from here, each job by exactly one engine; claims counts how often a job was taken (1 once it ran).
-- Times are ISO-8601 UTC text with milliseconds, as elsewhere.
CREATE TABLE engine_job (
  job_id           TEXT    PRIMARY KEY,
  kind             TEXT    NOT NULL,
  instance         TEXT,
  request          TEXT    NOT NULL,
  status           TEXT    NOT NULL,
  created_at       TEXT    NOT NULL,
  started_at       TEXT,
  finished_at      TEXT,
  runner           TEXT,
  claims           INTEGER NOT NULL DEFAULT 0,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  run_id           TEXT,
  error            TEXT
);
CREATE INDEX engine_job_status ON engine_job (status, created_at);
