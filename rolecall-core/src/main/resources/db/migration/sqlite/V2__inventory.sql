-- Roll call (SPEC §2.3). Every sync is a run; what it saw is kept per run (a snapshot), so the latest run is the
-- current picture and older runs stay comparable. CloudTrail events are a log, kept once across runs.
-- Times are ISO-8601 UTC text with milliseconds, as in the audit journal.
CREATE TABLE inventory_run (
  run_id      TEXT    PRIMARY KEY,
  started_at  TEXT    NOT NULL,
  finished_at TEXT,
  regions     TEXT    NOT NULL,
  accounts    INTEGER NOT NULL
);

-- How each account fared in a run; apiCalls and throttled count HTTP attempts, retries included.
CREATE TABLE inventory_account (
  run_id     TEXT    NOT NULL REFERENCES inventory_run (run_id),
  account_id TEXT    NOT NULL,
  status     TEXT    NOT NULL,
  error      TEXT,
  api_calls  INTEGER NOT NULL,
  throttled  INTEGER NOT NULL,
  events     INTEGER NOT NULL,
  PRIMARY KEY (run_id, account_id)
);

-- One row per identity or asset seen: kind is user, group, role, local-policy, aws-policy, access-key,
-- mfa-device, account, instance, vpc, subnet, security-group or network-interface; data is its JSON.
CREATE TABLE inventory_item (
  run_id     TEXT NOT NULL REFERENCES inventory_run (run_id),
  kind       TEXT NOT NULL,
  account_id TEXT NOT NULL,
  region     TEXT NOT NULL,
  item_id    TEXT NOT NULL,
  name       TEXT,
  data       TEXT NOT NULL,
  PRIMARY KEY (run_id, kind, account_id, region, item_id)
);

-- CloudTrail management events, each stored once whichever run saw it first.
CREATE TABLE inventory_event (
  account_id       TEXT    NOT NULL,
  region           TEXT    NOT NULL,
  event_id         TEXT    NOT NULL,
  event_time       TEXT    NOT NULL,
  event_name       TEXT    NOT NULL,
  event_source     TEXT,
  username         TEXT,
  read_only        INTEGER,
  access_key_id    TEXT,
  cloudtrail_event TEXT,
  run_id           TEXT    NOT NULL,
  PRIMARY KEY (account_id, region, event_id)
);
CREATE INDEX inventory_event_time ON inventory_event (account_id, region, event_time);

-- Up to when each account and region's events have been read: the next sync starts there.
CREATE TABLE inventory_checkpoint (
  account_id TEXT NOT NULL,
  region     TEXT NOT NULL,
  read_until TEXT NOT NULL,
  run_id     TEXT NOT NULL,
  PRIMARY KEY (account_id, region)
);
