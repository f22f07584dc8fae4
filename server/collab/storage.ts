import * as Y from 'yjs';
import type Database from 'better-sqlite3';
import type { DB } from '../db/database';

type Statement = Database.Statement<unknown[]>;

/**
 * Storage of live documents: an append-only log of Yjs updates per
 * document name (table doc_updates). This is the only copy of an article's
 * text. Rows are only ever added, except by compaction, which replaces a
 * prefix of a document's log with one update holding the same state.
 */

interface Statements {
  insert: Statement;
  load: Statement;
  countUpTo: Statement;
  countAll: Statement;
  deleteUpTo: Statement;
}

// Prepared once per database: the collaboration server appends on every
// keystroke batch, and preparing a statement costs more than running it.
const statementsByDb = new WeakMap<DB, Statements>();

function statements(db: DB): Statements {
  let s = statementsByDb.get(db);
  if (!s) {
    s = {
      insert: db.prepare('INSERT INTO doc_updates (doc_name, data) VALUES (?, ?)'),
      load: db.prepare('SELECT id, data FROM doc_updates WHERE doc_name = ? ORDER BY id'),
      countUpTo: db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_name = ? AND id <= ?'),
      countAll: db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_name = ?'),
      deleteUpTo: db.prepare('DELETE FROM doc_updates WHERE doc_name = ? AND id <= ?'),
    };
    statementsByDb.set(db, s);
  }
  return s;
}

const asBuffer = (update: Uint8Array) => Buffer.from(update.buffer, update.byteOffset, update.byteLength);

/**
 * Inserts rows without opening a transaction: for callers that already hold
 * one (the group commit writes many documents in a single transaction).
 * Returns the id of the last row written.
 */
export function insertUpdates(db: DB, docName: string, updates: readonly Uint8Array[]): number {
  const { insert } = statements(db);
  let lastId = 0;
  for (const update of updates) lastId = Number(insert.run(docName, asBuffer(update)).lastInsertRowid);
  return lastId;
}

/** Appends updates to a document's log in one transaction; returns the last row id (0 when none). */
export function appendUpdates(db: DB, docName: string, updates: Uint8Array[]): number {
  if (updates.length === 0) return 0;
  return db.transaction(() => insertUpdates(db, docName, updates))();
}

export interface StoredLog {
  updates: Uint8Array[];
  /** Id of the last row read (0 for an empty log). */
  lastId: number;
}

export function loadLog(db: DB, docName: string): StoredLog {
  const rows = statements(db).load.all(docName) as { id: number; data: Buffer }[];
  return {
    updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
    lastId: rows.length ? rows[rows.length - 1]!.id : 0,
  };
}

export function loadUpdates(db: DB, docName: string): Uint8Array[] {
  return loadLog(db, docName).updates;
}

/** The stored state of a document as a fresh Y.Doc (for reading outside a live session). */
export function loadDoc(db: DB, docName: string): Y.Doc {
  const doc = new Y.Doc();
  const { updates } = loadLog(db, docName);
  if (updates.length) Y.applyUpdate(doc, Y.mergeUpdates(updates));
  return doc;
}

export function countUpdates(db: DB, docName: string): number {
  return (statements(db).countAll.get(docName) as { n: number }).n;
}

/**
 * Replaces the rows of docName with id <= upToId by the single update
 * `merged`, in one transaction, provided exactly `expectedRows` rows are in
 * that range (the rows the caller built `merged` from). If anyone else has
 * written a row into that range meanwhile, nothing is changed and 0 is
 * returned; otherwise the id of the merged row. Rows after upToId (appended while the caller was merging) are
 * kept, so a concurrent append is never lost; Yjs updates commute, so the
 * merged row may sit after them.
 */
export function replaceLogPrefix(
  db: DB,
  docName: string,
  merged: Uint8Array,
  upToId: number,
  expectedRows: number,
): number {
  const s = statements(db);
  return db.transaction(() => {
    const { n } = s.countUpTo.get(docName, upToId) as { n: number };
    if (n !== expectedRows) return 0;
    s.deleteUpTo.run(docName, upToId);
    return Number(s.insert.run(docName, asBuffer(merged)).lastInsertRowid);
  })();
}

/**
 * Merges a whole stored log into one update (for documents that are not
 * live, e.g. from the command line). Runs in one transaction, so an append
 * from another connection to the database waits for it and is kept.
 * Returns the number of rows before compaction.
 */
export function compactStoredLog(db: DB, docName: string): number {
  return db.transaction(() => {
    const { updates, lastId } = loadLog(db, docName);
    if (updates.length <= 1) return updates.length;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates(updates));
    const merged = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    replaceLogPrefix(db, docName, merged, lastId, updates.length);
    return updates.length;
  })();
}
