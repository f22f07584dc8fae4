-- Members, collectives, editions, articles and their language versions.
-- Ids are short random strings (see server/db/ids.ts) so that they reveal
-- nothing about how many of a thing exist.

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  default_byline TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin', 'member', 'contributor')),
  ui_lang TEXT NOT NULL DEFAULT 'en' CHECK (ui_lang IN ('en', 'es')),
  password_hash TEXT,            -- NULL until the member sets a password
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  disabled_at TEXT
);

-- Only a hash of the session token is stored: a copy of the database does
-- not let anyone log in as someone else.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_member ON sessions(member_id);

-- One-time links: 'setup' (first admin, or an account made on the command
-- line) and 'invite' (an admin invites someone who picks their own login).
CREATE TABLE access_links (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('setup', 'invite')),
  member_id TEXT REFERENCES members(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'member', 'contributor')),
  created_by TEXT REFERENCES members(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  expires_at TEXT NOT NULL,
  used_at TEXT
);

CREATE TABLE collectives (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  -- The collective's approval rule: so many approvals, and whether one open
  -- objection holds the approval back.
  min_approvals INTEGER NOT NULL DEFAULT 2 CHECK (min_approvals >= 1),
  objection_blocks INTEGER NOT NULL DEFAULT 1 CHECK (objection_blocks IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

CREATE TABLE collective_members (
  collective_id TEXT NOT NULL REFERENCES collectives(id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  joined_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY (collective_id, member_id)
);

CREATE TABLE editions (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  date TEXT,                       -- ISO date of publication, when known
  languages TEXT NOT NULL DEFAULT '["en","es"]',  -- JSON array
  page_format TEXT NOT NULL DEFAULT 'tabloid',
  page_count INTEGER NOT NULL DEFAULT 8 CHECK (page_count BETWEEN 1 AND 96),
  status TEXT NOT NULL DEFAULT 'planning'
    CHECK (status IN ('planning', 'production', 'proofing', 'published')),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  archived_at TEXT
);

CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  edition_id TEXT REFERENCES editions(id) ON DELETE SET NULL,  -- NULL: the pool
  title TEXT NOT NULL,            -- working title for lists; the headline lives in the document
  section TEXT NOT NULL DEFAULT '',
  collective_id TEXT REFERENCES collectives(id) ON DELETE SET NULL,
  created_by TEXT REFERENCES members(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  archived_at TEXT
);
CREATE INDEX articles_edition ON articles(edition_id);

-- Who is "on" an article: a contributor reaches only these.
CREATE TABLE article_members (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, member_id)
);
CREATE INDEX article_members_member ON article_members(member_id);

-- One language of an article; its text is the Yjs document doc_name.
CREATE TABLE versions (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  lang TEXT NOT NULL CHECK (lang IN ('en', 'es')),
  doc_name TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'in_discussion', 'approved', 'laid_out')),
  source_version_id TEXT REFERENCES versions(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (article_id, lang)
);
