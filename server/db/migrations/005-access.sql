-- An invite can put the new member into collectives when it is accepted.
ALTER TABLE access_links ADD COLUMN collective_ids TEXT NOT NULL DEFAULT '[]';  -- JSON array

-- Facts about this installation that must be decided once (e.g. whether the
-- first-run seed has happened), so that a restart never repeats them.
CREATE TABLE app_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
