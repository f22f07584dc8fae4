-- The live documents: an append-only log of Yjs updates per document.
-- Every update is committed here before the server relays it to anyone;
-- compaction replaces a document's rows with one merged update.
CREATE TABLE doc_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_name TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL DEFAULT (unixepoch())
);
CREATE INDEX doc_updates_doc ON doc_updates(doc_name, id);
