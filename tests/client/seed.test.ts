import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../client/src/editor/seed';
import { ARTICLE_FIELDS } from '../../shared/editor/fields';
import { readArticle, writeArticle } from '../../shared/editor/content';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('seeding an empty article version', () => {
  it('gives every field one empty paragraph', () => {
    const doc = new Y.Doc();
    expect(seedIfEmpty(doc)).toBe(true);
    for (const field of ARTICLE_FIELDS) {
      const fragment = doc.getXmlFragment(field);
      expect(fragment.length).toBe(1);
      expect((fragment.get(0) as Y.XmlElement).nodeName).toBe('paragraph');
    }
  });

  it('leaves one paragraph per field when two browsers seed the same new document at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    seedIfEmpty(a);
    seedIfEmpty(b);
    // Each types into its own copy before they meet.
    (a.getXmlFragment('headline').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Strike')]);
    sync(a, b);
    for (const doc of [a, b]) {
      for (const field of ARTICLE_FIELDS) expect(doc.getXmlFragment(field).length, field).toBe(1);
      expect(readArticle(doc).headline).toBe('Strike');
    }
  });

  it('does not touch a document that has content', () => {
    const doc = new Y.Doc();
    writeArticle(doc, { headline: 'Already here', deck: '', byline: '', body: [{ type: 'p', text: 'Text.' }] });
    const before = Y.encodeStateAsUpdate(doc);
    expect(seedIfEmpty(doc)).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
