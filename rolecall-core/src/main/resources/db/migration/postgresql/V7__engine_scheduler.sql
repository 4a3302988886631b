-- The engine at team scale (issue 14): jobs run on db-scheduler over the store, split into steps (one per account,
-- and organization-level ones), with heartbeats, so a dead engine's steps are redone by another; recurring syncs
-- fire once per period across engines. Times are ISO-8601 UTC text with milliseconds, as elsewhere, except in
-- scheduled_tasks, which is db-scheduler's own table in its documented PostgreSQL form.

CREATE TABLE scheduled_tasks (
  task_name            TEXT     NOT NULL,
  task_instance        TEXT     NOT NULL,
  task_data            BYTEA,
  execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  picked               BOOLEAN  NOT NULL,
  picked_by            TEXT,
  last_success         TIMESTAMP WITH TIME ZONE,
  last_failure         TIMESTAMP WITH TIME ZONE,
  consecutive_failures INTEGER,
  last_heartbeat       TIMESTAMP WITH TIME ZONE,
  version              BIGINT   NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- A job's plan (its run id, accounts and regions, fixed once, so that a redo on another engine does the same run),
-- its steps counted, and the schedule period that queued it (unique: a period fires once whatever happens).
ALTER TABLE engine_job ADD COLUMN plan TEXT;
ALTER TABLE engine_job ADD COLUMN steps_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE engine_job ADD COLUMN steps_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE engine_job ADD COLUMN steps_failed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE engine_job ADD COLUMN schedule_id TEXT;
ALTER TABLE engine_job ADD COLUMN scheduled_for TEXT;
CREATE UNIQUE INDEX engine_job_schedule_period ON engine_job (schedule_id, scheduled_for);

-- One row per step of a job: kind 'account' (step = the account id) or 'organization'; queued, running (attempts
-- counts how often it was begun: above 1 means a redo after an engine died), done with its outcome (ok, partial,
-- error) and one-line error.
CREATE TABLE engine_job_step (
  job_id      TEXT    NOT NULL REFERENCES engine_job (job_id),
  step        TEXT    NOT NULL,
  kind        TEXT    NOT NULL,
  status      TEXT    NOT NULL,
  outcome     TEXT,
  attempts    INTEGER NOT NULL DEFAULT 0,
  runner      TEXT,
  started_at  TEXT,
  finished_at TEXT,
  error       TEXT,
  PRIMARY KEY (job_id, step)
);

-- Recurring syncs: the sync request (as POST /v1/inventory/jobs takes it) and when to run it.
CREATE TABLE engine_schedule (
  schedule_id   TEXT    PRIMARY KEY,
  instance      TEXT,
  spec          TEXT    NOT NULL,
  request       TEXT    NOT NULL,
  created_at    TEXT    NOT NULL,
  origin        TEXT    NOT NULL,
  fired         INTEGER NOT NULL DEFAULT 0,
  last_fired_at TEXT,
  last_job_id   TEXT
);
