import * as Y from 'yjs';
import type { DB } from '../../db/database';
import { newId } from '../../db/ids';
import { loadDoc } from '../../collab/storage';
import { readArticle } from '../../../shared/editor/content';
import { articlePlainText, countWords } from '../../../shared/work/articleText';
import type { PersonRef } from '../../../shared/work/types';

/**
 * Checkpoints of a version's document. The live log is compacted and
 * garbage-collected (it is the current text, not a history), so a
 * checkpoint keeps the full encoded state, plus its plain text so that
 * lists and comparisons never replay Yjs.
 *
 * Automatic checkpoints are taken from the stored update log at most every
 * AUTO_CHECKPOINT_MINUTES while a version is being edited: a sweep looks
 * for versions with rows newer than their last checkpoint.
 */
export const AUTO_CHECKPOINT_MINUTES = 5;

export interface CheckpointSummary {
  id: string;
  kind: 'auto' | 'named';
  name: string;
  wordCount: number;
  createdBy: PersonRef | null;
  createdAt: string;
}

export interface CheckpointRow {
  id: string;
  version_id: string;
  kind: 'auto' | 'named';
  name: string;
  state: Buffer;
  text: string;
  word_count: number;
  last_update_id: number;
  created_by: string | null;
  created_at: string;
}

function lastUpdateId(db: DB, docName: string): number {
  return (db.prepare('SELECT coalesce(max(id), 0) AS id FROM doc_updates WHERE doc_name = ?').get(docName) as { id: number }).id;
}

export function takeCheckpoint(
  db: DB,
  version: { id: string; doc_name: string },
  opts: { kind: 'auto' | 'named'; name?: string; createdBy?: string | null; at?: string },
): string {
  const id = newId();
  // Read inside the transaction so the state and last_update_id agree.
  db.transaction(() => {
    const upTo = lastUpdateId(db, version.doc_name);
    const doc = loadDoc(db, version.doc_name);
    const text = articlePlainText(readArticle(doc));
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    db.prepare(
      `INSERT INTO checkpoints (id, version_id, kind, name, state, text, word_count, last_update_id, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ','now')))`,
    ).run(
      id,
      version.id,
      opts.kind,
      opts.name ?? '',
      Buffer.from(state),
      text,
      countWords(text),
      upTo,
      opts.createdBy ?? null,
      opts.at ?? null,
    );
  })();
  return id;
}

/**
 * Takes an automatic checkpoint when the version was edited since its last
 * checkpoint and that one is at least AUTO_CHECKPOINT_MINUTES old (or there
 * is none). A change that leaves the text as it was (compaction, a mark)
 * does not make a new checkpoint.
 */
export function autoCheckpointIfDue(db: DB, version: { id: string; doc_name: string }, now = new Date()): boolean {
  const upTo = lastUpdateId(db, version.doc_name);
  if (upTo === 0) return false;
  const last = db
    .prepare('SELECT last_update_id, created_at, text FROM checkpoints WHERE version_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
    .get(version.id) as { last_update_id: number; created_at: string; text: string } | undefined;
  if (last) {
    if (last.last_update_id >= upTo) return false;
    if (now.getTime() - Date.parse(last.created_at) < AUTO_CHECKPOINT_MINUTES * 60_000) return false;
    const doc = loadDoc(db, version.doc_name);
    const same = articlePlainText(readArticle(doc)) === last.text;
    doc.destroy();
    if (same) return false;
  }
  takeCheckpoint(db, version, { kind: 'auto' });
  return true;
}

/** Every article version edited since its last checkpoint gets one, if due. Returns how many were taken. */
export function sweepCheckpoints(db: DB, now = new Date()): number {
  const candidates = db
    .prepare(
      `SELECT v.id, v.doc_name FROM versions v
       JOIN (SELECT doc_name, max(id) AS top FROM doc_updates GROUP BY doc_name) d ON d.doc_name = v.doc_name
       WHERE d.top > coalesce((SELECT max(last_update_id) FROM checkpoints c WHERE c.version_id = v.id), 0)`,
    )
    .all() as { id: string; doc_name: string }[];
  let taken = 0;
  for (const version of candidates) if (autoCheckpointIfDue(db, version, now)) taken++;
  return taken;
}

export function listCheckpoints(db: DB, versionId: string): CheckpointSummary[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.kind, c.name, c.word_count, c.created_at, m.id AS member_id, m.display_name
       FROM checkpoints c LEFT JOIN members m ON m.id = c.created_by
       WHERE c.version_id = ? ORDER BY c.created_at DESC, c.rowid DESC`,
    )
    .all(versionId) as {
    id: string;
    kind: 'auto' | 'named';
    name: string;
    word_count: number;
    created_at: string;
    member_id: string | null;
    display_name: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    wordCount: r.word_count,
    createdAt: r.created_at,
    createdBy: r.member_id ? { id: r.member_id, displayName: r.display_name ?? '' } : null,
  }));
}

export function findCheckpoint(db: DB, id: string): CheckpointRow | undefined {
  return db.prepare('SELECT * FROM checkpoints WHERE id = ?').get(id) as CheckpointRow | undefined;
}
