import * as Y from 'yjs';
import type { DB } from '../db/database';

/**
 * Storage of live documents: an append-only log of Yjs updates per
 * document name. This is the only copy of an article's text.
 */
export function appendUpdates(db: DB, docName: string, updates: Uint8Array[]): void {
  if (updates.length === 0) return;
  const insert = db.prepare('INSERT INTO doc_updates (doc_name, data) VALUES (?, ?)');
  db.transaction(() => {
    for (const update of updates) insert.run(docName, Buffer.from(update));
  })();
}

export function loadUpdates(db: DB, docName: string): Uint8Array[] {
  const rows = db.prepare('SELECT data FROM doc_updates WHERE doc_name = ? ORDER BY id').all(docName) as {
    data: Buffer;
  }[];
  return rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
}

/** The stored state of a document as a fresh Y.Doc (for reading outside a live session). */
export function loadDoc(db: DB, docName: string): Y.Doc {
  const doc = new Y.Doc();
  for (const update of loadUpdates(db, docName)) Y.applyUpdate(doc, update);
  return doc;
}
