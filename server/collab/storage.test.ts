import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db/database';
import { appendUpdates, compactStoredLog, countUpdates, loadDoc, loadLog, replaceLogPrefix } from './storage';

const DOC = 'article.abcdefghjkmn.en';

/** Types into a doc word by word, returning each keystroke batch as its own update. */
function typedUpdates(doc: Y.Doc, words: string[]): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array) => updates.push(u);
  doc.on('update', collect);
  const text = doc.getText('body');
  for (const [i, word] of words.entries()) {
    text.insert(text.length, `${word} `);
    if (i % 4 === 3) text.delete(0, 2);
  }
  doc.off('update', collect);
  return updates;
}

describe('the document update log', () => {
  let dir: string;
  let db: DB;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-storage-'));
    db = openDatabase(dir);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('compacts a stored log into one row with the same text', () => {
    const writer = new Y.Doc();
    appendUpdates(db, DOC, typedUpdates(writer, 'the tenants met on tuesday and voted to strike'.split(' ')));
    expect(countUpdates(db, DOC)).toBeGreaterThan(5);
    compactStoredLog(db, DOC);
    expect(countUpdates(db, DOC)).toBe(1);
    expect(loadDoc(db, DOC).getText('body').toString()).toBe(writer.getText('body').toString());
  });

  it('keeps rows appended after the merged prefix, and refuses when a row slipped into it', () => {
    const writer = new Y.Doc();
    appendUpdates(db, DOC, typedUpdates(writer, ['one', 'two', 'three', 'four']));
    const snapshot = loadLog(db, DOC);
    const state = new Y.Doc();
    Y.applyUpdate(state, Y.mergeUpdates(snapshot.updates));
    const merged = Y.encodeStateAsUpdate(state);

    // Appended while the merge was being built: after the prefix, so kept.
    appendUpdates(db, DOC, typedUpdates(writer, ['five', 'six']));
    expect(replaceLogPrefix(db, DOC, merged, snapshot.lastId, snapshot.updates.length)).toBeGreaterThan(0);
    expect(countUpdates(db, DOC)).toBe(3);
    expect(loadDoc(db, DOC).getText('body').toString()).toBe(writer.getText('body').toString());

    // A stale count (someone wrote into the range) changes nothing.
    const rows = loadLog(db, DOC);
    expect(replaceLogPrefix(db, DOC, merged, rows.lastId, rows.updates.length - 1)).toBe(0);
    expect(loadLog(db, DOC).updates).toEqual(rows.updates);
  });

  it('keeps documents apart', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    appendUpdates(db, DOC, typedUpdates(a, ['alpha', 'beta']));
    appendUpdates(db, 'article.abcdefghjkmn.es', typedUpdates(b, ['uno', 'dos']));
    compactStoredLog(db, DOC);
    expect(loadDoc(db, 'article.abcdefghjkmn.es').getText('body').toString()).toBe('uno dos ');
    expect(loadDoc(db, DOC).getText('body').toString()).toBe('alpha beta ');
  });
});
