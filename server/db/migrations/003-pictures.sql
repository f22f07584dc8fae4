-- Pictures: the cleaned original (a content-addressed file under
-- DATA_DIR/files), the texts that go with it, and its formatting recipe.
-- The upload as received is never stored anywhere.

CREATE TABLE pictures (
  id TEXT PRIMARY KEY,
  edition_id TEXT REFERENCES editions(id) ON DELETE SET NULL,
  article_id TEXT REFERENCES articles(id) ON DELETE SET NULL,
  original_sha256 TEXT NOT NULL,
  original_format TEXT NOT NULL CHECK (original_format IN ('jpeg', 'png')),
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  bytes INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'formatted', 'placed')),
  captions TEXT NOT NULL DEFAULT '{"en":"","es":""}',   -- JSON {en, es}
  credits TEXT NOT NULL DEFAULT '{"en":"","es":""}',    -- JSON {en, es}: a byline, not a legal name
  consent_note TEXT NOT NULL DEFAULT '',
  current_recipe_id INTEGER,   -- the recipe in force; NULL only inside the upload transaction
  created_by TEXT REFERENCES members(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX pictures_edition ON pictures(edition_id);
CREATE INDEX pictures_article ON pictures(article_id);

-- Every saved recipe is a new row and rows are never changed, so any
-- earlier formatting can be brought back. Undo moves the picture's
-- current_recipe_id to the parent; redo to the newest child.
CREATE TABLE picture_recipes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  picture_id TEXT NOT NULL REFERENCES pictures(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES picture_recipes(id),
  recipe TEXT NOT NULL,   -- JSON, see shared/pictures/recipe.ts
  created_by TEXT REFERENCES members(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX picture_recipes_picture ON picture_recipes(picture_id, id);
