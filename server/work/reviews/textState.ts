import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { DB } from '../../db/database';
import { loadDoc } from '../../collab/storage';
import { readArticle } from '../../../shared/editor/content';
import { articlePlainText } from '../../../shared/work/articleText';

/**
 * The text of a version as it is stored now: what a verdict judges and a
 * checkpoint keeps. Read from the update log, which holds every update the
 * server has acknowledged to anyone (the hub commits before it relays), so
 * this is the text every editor has been told about.
 */
export interface TextState {
  text: string;
  hash: string;
  stateVector: Uint8Array;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function textStateOfDoc(doc: Y.Doc): TextState {
  const text = articlePlainText(readArticle(doc));
  return { text, hash: hashText(text), stateVector: Y.encodeStateVector(doc) };
}

export function currentTextState(db: DB, docName: string): TextState {
  const doc = loadDoc(db, docName);
  try {
    return textStateOfDoc(doc);
  } finally {
    doc.destroy();
  }
}
