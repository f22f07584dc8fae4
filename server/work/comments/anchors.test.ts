import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeArticle } from '../../../shared/editor/content';
import { anchorFromOffsets, resolveAnchor } from './anchors';

function article(): Y.Doc {
  const doc = new Y.Doc();
  writeArticle(doc, {
    headline: 'Drivers stop work',
    deck: '',
    byline: '',
    body: [
      { type: 'p', text: 'The drivers stopped at dawn. They want rest.' },
      { type: 'p', text: 'The company says nothing.' },
    ],
  });
  return doc;
}

const bodyText = (doc: Y.Doc, i: number) => ((doc.getXmlFragment('body').get(i) as Y.XmlElement).get(0) as Y.XmlText);

describe('comment anchors', () => {
  it('stays on its sentence while someone else edits before, after and around it', () => {
    const doc = article();
    const sentence = 'They want rest.';
    const from = 'The drivers stopped at dawn. '.length;
    const anchor = anchorFromOffsets(doc, 'body', from, from + sentence.length)!;
    expect(resolveAnchor(doc, 'body', anchor)!.quote).toBe(sentence);

    // Another replica edits concurrently; the changes arrive as an update.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    bodyText(other, 0).insert(0, 'At five, ');
    bodyText(other, 0).insert(bodyText(other, 0).length, ' And shade.');
    bodyText(other, 1).insert(0, 'Meanwhile: ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));

    const moved = resolveAnchor(doc, 'body', anchor)!;
    expect(moved.quote).toBe(sentence);
    expect(moved.from).toBe(from + 'At five, '.length);
  });

  it('takes in words typed inside the span, not at its edges', () => {
    const doc = article();
    const anchor = anchorFromOffsets(doc, 'headline', 0, 'Drivers'.length)!;
    const headline = (doc.getXmlFragment('headline').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    headline.insert('Drivers'.length, '!');
    headline.insert(0, '>');
    headline.insert(3, 'i');
    expect(resolveAnchor(doc, 'headline', anchor)!.quote).toBe('Driivers');
  });

  it('spans blocks, and refuses spans outside the text', () => {
    const doc = article();
    const all = 'The drivers stopped at dawn. They want rest.\nThe company says nothing.';
    const anchor = anchorFromOffsets(doc, 'body', 0, all.length)!;
    expect(resolveAnchor(doc, 'body', anchor)!.quote).toBe(all);
    expect(anchorFromOffsets(doc, 'body', 10, all.length + 1)).toBeNull();
    expect(anchorFromOffsets(doc, 'body', -1, 3)).toBeNull();
    expect(anchorFromOffsets(doc, 'body', 5, 5)).toBeNull();
    expect(anchorFromOffsets(doc, 'deck', 0, 1)).toBeNull();
  });

  it('does not resolve an anchor against another field or garbage bytes', () => {
    const doc = article();
    const anchor = anchorFromOffsets(doc, 'headline', 0, 7)!;
    expect(resolveAnchor(doc, 'body', anchor)).toBeNull();
    expect(resolveAnchor(doc, 'body', { start: new Uint8Array([1, 2, 3]), end: new Uint8Array([9]) })).toBeNull();
  });
});
