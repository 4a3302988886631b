-- Current state, history and tracked findings (the roll call you can trust). A run records who ran it and what it
-- collected; every (account, part, region) it attempted has an outcome; the latest successful collection of each
-- (account, part, region) is its current state, so a sync updates only what it collected and a failed part keeps
-- its previous state. Existing runs are carried over: their parts are rebuilt from what they stored.

ALTER TABLE inventory_run ADD COLUMN instance TEXT;
ALTER TABLE inventory_run ADD COLUMN parts TEXT;
CREATE INDEX inventory_run_started ON inventory_run (started_at);
CREATE INDEX inventory_account_account ON inventory_account (account_id, run_id);

-- Items now say which part brought them, and their key leads with (run, account, part, region): the key a
-- current-state read joins on, one index seek per (account, part, region). Their JSON is stored once per distinct
-- content in inventory_data (by SHA-256): most items are the same from one sync to the next, so a run costs a row
-- of keys per item, not a copy of every document. The old table's rows move over in V4_1 (Java: the hashes).
ALTER TABLE inventory_item RENAME TO inventory_item_v3;
ALTER TABLE inventory_item_v3 RENAME CONSTRAINT inventory_item_pkey TO inventory_item_v3_pkey;
CREATE TABLE inventory_data (
  hash TEXT PRIMARY KEY,
  data TEXT NOT NULL
);
CREATE TABLE inventory_item (
  run_id     TEXT NOT NULL REFERENCES inventory_run (run_id),
  account_id TEXT NOT NULL,
  part       TEXT NOT NULL,
  region     TEXT NOT NULL,
  kind       TEXT NOT NULL,
  item_id    TEXT NOT NULL,
  name       TEXT,
  data_hash  TEXT NOT NULL,
  PRIMARY KEY (run_id, account_id, part, region, kind, item_id)
);

-- One row per (account, part, region) a run attempted: ok or error (with the one-line reason), and when the attempt
-- ended (for ok: when its data was complete, the collectedAt every answer shows). pruned = 1 once prune removed
-- its items; the outcome stays as history.
CREATE TABLE inventory_part (
  run_id     TEXT    NOT NULL REFERENCES inventory_run (run_id),
  account_id TEXT    NOT NULL,
  part       TEXT    NOT NULL,
  region     TEXT    NOT NULL,
  status     TEXT    NOT NULL,
  error      TEXT,
  ended_at   TEXT    NOT NULL,
  pruned     SMALLINT NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, account_id, part, region)
);
CREATE INDEX inventory_part_latest ON inventory_part (account_id, part, region, ended_at);

-- The current state: for each (account, part, region) the run whose successful collection is the newest.
-- findings_run_id: the run whose data the tracked findings were last judged on.
CREATE TABLE inventory_current (
  account_id      TEXT NOT NULL,
  part            TEXT NOT NULL,
  region          TEXT NOT NULL,
  run_id          TEXT NOT NULL REFERENCES inventory_run (run_id),
  collected_at    TEXT NOT NULL,
  findings_run_id TEXT,
  PRIMARY KEY (account_id, part, region)
);

-- Findings as tracked objects: a stable id from (rule, account, principal), first and last seen, open or resolved.
CREATE TABLE inventory_finding (
  finding_id  TEXT PRIMARY KEY,
  account_id  TEXT NOT NULL,
  part        TEXT NOT NULL,
  rule        TEXT NOT NULL,
  severity    TEXT NOT NULL,
  principal   TEXT NOT NULL,
  evidence    TEXT NOT NULL,
  status      TEXT NOT NULL,
  first_seen  TEXT NOT NULL,
  last_seen   TEXT NOT NULL,
  resolved_at TEXT,
  first_run   TEXT NOT NULL,
  last_run    TEXT NOT NULL
);
CREATE INDEX inventory_finding_account ON inventory_finding (account_id, part, status);
CREATE INDEX inventory_finding_first_seen ON inventory_finding (first_seen);

-- Carry the existing runs over. A good account's parts are what it stored (IAM, and EC2 in each region with
-- items); CloudTrail regions come from the checkpoints; a failed account failed in each of its run's regions.
INSERT INTO inventory_part (run_id, account_id, part, region, status, error, ended_at)
  SELECT DISTINCT i.run_id, i.account_id, CASE WHEN i.region = 'global' THEN 'iam' ELSE 'ec2' END, i.region, 'ok',
         NULL, r.finished_at
  FROM inventory_item_v3 i
  JOIN inventory_run r ON r.run_id = i.run_id AND r.finished_at IS NOT NULL
  JOIN inventory_account a ON a.run_id = i.run_id AND a.account_id = i.account_id AND a.status = 'ok';

INSERT INTO inventory_part (run_id, account_id, part, region, status, error, ended_at)
  SELECT c.run_id, c.account_id, 'cloudtrail', c.region, 'ok', NULL, c.read_until
  FROM inventory_checkpoint c
  JOIN inventory_account a ON a.run_id = c.run_id AND a.account_id = c.account_id AND a.status = 'ok'
  WHERE true
  ON CONFLICT DO NOTHING;

INSERT INTO inventory_part (run_id, account_id, part, region, status, error, ended_at)
  SELECT a.run_id, a.account_id, p.part, CASE WHEN p.part = 'iam' THEN 'global' ELSE s.region END, 'error', a.error,
         r.finished_at
  FROM inventory_account a
  JOIN inventory_run r ON r.run_id = a.run_id
  CROSS JOIN LATERAL unnest(string_to_array(r.regions, ',')) AS s (region)
  CROSS JOIN (VALUES ('iam'), ('ec2'), ('cloudtrail')) AS p (part)
  WHERE a.status = 'error'
  ON CONFLICT DO NOTHING;

INSERT INTO inventory_current (account_id, part, region, run_id, collected_at)
  SELECT account_id, part, region, run_id, ended_at FROM (
    SELECT p.*, ROW_NUMBER() OVER (PARTITION BY account_id, part, region ORDER BY ended_at DESC, run_id DESC) AS rn
    FROM inventory_part p WHERE status = 'ok') latest
  WHERE rn = 1;
