import * as Y from 'yjs';
import { ARTICLE_FIELDS, PARAGRAPH_NODE } from '../../../shared/editor/fields';

/**
 * The empty structure of a new article version: one empty paragraph in each
 * field (headline, deck and byline admit exactly one).
 *
 * Why a fixed client id: when two people open a never-edited article at the
 * same moment, each editor would otherwise create its own first paragraph,
 * and after merging the headline would hold two paragraphs, which its schema
 * refuses. Written by the same (reserved) client id with the same content,
 * the seed is byte-for-byte the same update in every browser, and Yjs
 * integrates an item it already has only once: seeding twice, or in two
 * browsers, leaves one paragraph per field. The seed must therefore never
 * change; a different structure needs a different SEED_CLIENT_ID.
 */
export const SEED_CLIENT_ID = 1;

let seedUpdate: Uint8Array | null = null;

function buildSeed(): Uint8Array {
  const seed = new Y.Doc();
  seed.clientID = SEED_CLIENT_ID;
  seed.transact(() => {
    for (const field of ARTICLE_FIELDS) seed.getXmlFragment(field).insert(0, [new Y.XmlElement(PARAGRAPH_NODE)]);
  });
  const update = Y.encodeStateAsUpdate(seed);
  seed.destroy();
  return update;
}

/** Origin of the seed transaction, so it is not mistaken for typing. */
export const SEED_ORIGIN = Symbol('article seed');

/**
 * Gives a document that has nothing in any field the empty structure. A
 * document with any content (seeded by someone else, written by the server,
 * typed into) is left alone.
 */
export function seedIfEmpty(doc: Y.Doc): boolean {
  const empty = ARTICLE_FIELDS.every((field) => doc.getXmlFragment(field).length === 0);
  if (!empty) return false;
  seedUpdate ??= buildSeed();
  Y.applyUpdate(doc, seedUpdate, SEED_ORIGIN);
  return true;
}
