import * as Y from 'yjs';
import { ARTICLE_FIELDS } from '../../../shared/editor/fields';

/**
 * Turns the fields of `doc` into those of `target` with as small a change
 * as blocks allow: the blocks both share at the start and at the end of a
 * field are left alone (so comments anchored there, and the cursors of
 * people writing there, stay put), and only the blocks in between are
 * replaced by copies of the target's. Run inside one transaction, so that
 * the change is one Yjs update every editor receives at once.
 */
export function restoreFields(doc: Y.Doc, target: Y.Doc): void {
  doc.transact(() => {
    for (const field of ARTICLE_FIELDS) replaceBlocks(doc.getXmlFragment(field), target.getXmlFragment(field));
  });
}

/** XmlElement.toString() lists attributes in name order and marks as tags: equal strings are equal blocks. */
const key = (node: Y.XmlElement | Y.XmlText) => node.toString();

function replaceBlocks(current: Y.XmlFragment, wanted: Y.XmlFragment): void {
  const have = current.toArray() as (Y.XmlElement | Y.XmlText)[];
  const want = wanted.toArray() as (Y.XmlElement | Y.XmlText)[];
  const haveKeys = have.map(key);
  const wantKeys = want.map(key);
  let start = 0;
  while (start < have.length && start < want.length && haveKeys[start] === wantKeys[start]) start++;
  let endHave = have.length;
  let endWant = want.length;
  while (endHave > start && endWant > start && haveKeys[endHave - 1] === wantKeys[endWant - 1]) {
    endHave--;
    endWant--;
  }
  if (endHave > start) current.delete(start, endHave - start);
  if (endWant > start) current.insert(start, want.slice(start, endWant).map((node) => node.clone()));
}

/** A checkpoint's stored state as a document of its own (read-only use). */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
