-- The organization step of a run (Identity Center, service control policies) makes calls that belong to no one
-- account's outcome: they are counted on the run. And the access graph's findings are judged over every account at
-- once: inventory_judged remembers which state (a digest of the current pointers) they were last judged on.
ALTER TABLE inventory_run ADD COLUMN org_api_calls BIGINT NOT NULL DEFAULT 0;
ALTER TABLE inventory_run ADD COLUMN org_throttled BIGINT NOT NULL DEFAULT 0;

CREATE TABLE inventory_judged (
  scope TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  at    TEXT NOT NULL
);
