-- Collective work: responsibilities (tasks) and who holds or learns them,
-- the collective's review of a version (approvals, objections, decision
-- log), notifications, version checkpoints and comments anchored in text.

-- A responsibility. Its subject is a language version of an article, a
-- picture, a page of an edition or the edition as a whole. edition_id is
-- kept for subjects that belong to an edition directly (page, edition,
-- picture when given); a version's edition is read through its article so a
-- story moved to another issue moves its tasks with it.
CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL
    CHECK (kind IN ('write', 'translate', 'edit', 'picture', 'layout', 'proofread', 'other')),
  title TEXT NOT NULL DEFAULT '',
  subject_type TEXT NOT NULL CHECK (subject_type IN ('version', 'picture', 'page', 'edition')),
  subject_id TEXT NOT NULL,
  page_number INTEGER,
  edition_id TEXT REFERENCES editions(id) ON DELETE CASCADE,
  collective_id TEXT REFERENCES collectives(id) ON DELETE SET NULL,
  due_date TEXT,                   -- ISO date (YYYY-MM-DD)
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'in_review', 'done')),
  created_by TEXT REFERENCES members(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX tasks_edition ON tasks(edition_id);
CREATE INDEX tasks_subject ON tasks(subject_type, subject_id);

-- Who holds or learns a task, with history: a row is closed (ended_at) when
-- the person leaves or hands off, never deleted. "Who does what" is read
-- from here.
CREATE TABLE task_roles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('holder', 'learner')),
  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ended_at TEXT
);
-- One open role per person and task.
CREATE UNIQUE INDEX task_roles_open ON task_roles(task_id, member_id) WHERE ended_at IS NULL;
CREATE INDEX task_roles_member ON task_roles(member_id);

-- A proposal ("would you take this?") or a hand-off waiting for an answer.
CREATE TABLE task_offers (
  id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('propose', 'handoff')),
  from_member_id TEXT REFERENCES members(id) ON DELETE SET NULL,
  to_member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  answer TEXT CHECK (answer IN ('accepted', 'declined', 'withdrawn')),
  answered_at TEXT
);
CREATE UNIQUE INDEX task_offers_open ON task_offers(task_id, to_member_id) WHERE answer IS NULL;
CREATE INDEX task_offers_to ON task_offers(to_member_id);

-- Everything that happened to a task: who did what, when.
CREATE TABLE task_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  actor_id TEXT REFERENCES members(id) ON DELETE SET NULL,
  event TEXT NOT NULL,
  other_member_id TEXT REFERENCES members(id) ON DELETE SET NULL,
  detail TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX task_events_task ON task_events(task_id, id);

CREATE TABLE task_messages (
  id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  member_id TEXT REFERENCES members(id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX task_messages_task ON task_messages(task_id, created_at);

-- An approval or objection on a version, tied to the text it judged: a hash
-- of the plain text, the Yjs state vector, and the text itself so that what
-- changed since can be shown. Withdrawn verdicts stay for the record.
CREATE TABLE verdicts (
  id TEXT PRIMARY KEY,
  version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  verdict TEXT NOT NULL CHECK (verdict IN ('approve', 'object')),
  reason TEXT NOT NULL DEFAULT '',
  text_hash TEXT NOT NULL,
  state_vector BLOB NOT NULL,
  text_snapshot TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  withdrawn_at TEXT
);
CREATE UNIQUE INDEX verdicts_live ON verdicts(version_id, member_id) WHERE withdrawn_at IS NULL;

-- The article's decision log: append-only.
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version_id TEXT REFERENCES versions(id) ON DELETE CASCADE,
  member_id TEXT REFERENCES members(id) ON DELETE SET NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX decisions_article ON decisions(article_id, id);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  kind TEXT NOT NULL
    CHECK (kind IN ('mention', 'task_proposed', 'task_shared', 'task_handoff', 'approval_wanted', 'task_overdue')),
  actor_id TEXT REFERENCES members(id) ON DELETE SET NULL,
  task_id TEXT REFERENCES tasks(id) ON DELETE CASCADE,
  article_id TEXT REFERENCES articles(id) ON DELETE CASCADE,
  version_id TEXT REFERENCES versions(id) ON DELETE CASCADE,
  -- Same key twice is the same notification (an overdue task is told once).
  dedupe_key TEXT,
  body TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  read_at TEXT
);
CREATE INDEX notifications_member ON notifications(member_id, created_at);
CREATE UNIQUE INDEX notifications_dedupe ON notifications(member_id, dedupe_key) WHERE dedupe_key IS NOT NULL;

-- Checkpoints of a version's document: the full encoded state at one point
-- of the update log (automatic, at most every few minutes of editing) or
-- named on request. The text is stored too, so listing and comparing never
-- has to replay Yjs.
CREATE TABLE checkpoints (
  id TEXT PRIMARY KEY,
  version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('auto', 'named')),
  name TEXT NOT NULL DEFAULT '',
  state BLOB NOT NULL,
  text TEXT NOT NULL,
  word_count INTEGER NOT NULL DEFAULT 0,
  last_update_id INTEGER NOT NULL DEFAULT 0,
  created_by TEXT REFERENCES members(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX checkpoints_version ON checkpoints(version_id, created_at);

-- A comment thread anchored to a span of the text by Yjs relative
-- positions, which follow the text through everyone's concurrent edits.
-- Replies have parent_id and no anchor.
CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  version_id TEXT NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  parent_id TEXT REFERENCES comments(id) ON DELETE CASCADE,
  member_id TEXT REFERENCES members(id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  field TEXT,
  anchor_start BLOB,
  anchor_end BLOB,
  quote TEXT NOT NULL DEFAULT '',
  resolved_at TEXT,
  resolved_by TEXT REFERENCES members(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX comments_version ON comments(version_id, created_at);
