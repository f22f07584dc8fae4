import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readArticle, writeArticle, type ArticleText } from '../../../shared/editor/content';
import { restoreFields } from './restore';

const older: ArticleText = {
  headline: 'Drivers stop work',
  deck: 'Line 44 at dawn',
  byline: 'A correspondent',
  body: [
    { type: 'p', text: 'First paragraph stays.', id: 'a' },
    { type: 'p', text: 'Second paragraph as it was.', id: 'b' },
    { type: 'subhead', text: 'What next' },
    { type: 'p', text: 'Last paragraph stays.', id: 'c' },
  ],
};

function docWith(text: ArticleText): Y.Doc {
  const doc = new Y.Doc();
  writeArticle(doc, text);
  return doc;
}

describe('restoring a checkpoint as a new edit', () => {
  it('makes the document read exactly as the checkpoint, in one update another replica can apply', () => {
    const checkpoint = docWith(older);
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(checkpoint));
    // Later edits: headline changed, second paragraph rewritten, a paragraph added.
    live.transact(() => {
      const headline = (live.getXmlFragment('headline').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      headline.insert(headline.length, ' for a week');
      const second = (live.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText;
      second.delete(0, second.length);
      second.insert(0, 'Second paragraph rewritten.');
      const extra = new Y.XmlElement('paragraph');
      live.getXmlFragment('body').push([extra]);
      const t = new Y.XmlText();
      extra.push([t]);
      t.insert(0, 'An added paragraph.');
    });
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(live));

    const before = Y.encodeStateVector(live);
    restoreFields(live, checkpoint);
    expect(readArticle(live)).toEqual(older);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(live, before));
    expect(readArticle(replica)).toEqual(older);
  });

  it('leaves blocks that did not change untouched (the same Yjs items)', () => {
    const checkpoint = docWith(older);
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(checkpoint));
    const first = live.getXmlFragment('body').get(0);
    const last = live.getXmlFragment('body').get(3);
    const second = (live.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText;
    second.insert(0, 'Changed. ');
    restoreFields(live, checkpoint);
    expect(live.getXmlFragment('body').get(0)).toBe(first);
    expect(live.getXmlFragment('body').get(3)).toBe(last);
    expect(readArticle(live)).toEqual(older);
  });

  it('restores into an empty document and empties fields the checkpoint had empty', () => {
    const empty = new Y.Doc();
    const live = docWith(older);
    restoreFields(live, empty);
    expect(readArticle(live)).toEqual({ headline: '', deck: '', byline: '', body: [] });
    restoreFields(live, docWith(older));
    expect(readArticle(live)).toEqual(older);
  });
});
