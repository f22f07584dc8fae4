import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeArticle, type ArticleText, type Block } from '../editor/content';
import { SOURCE_HASH_ATTR, SOURCE_ID_ATTR, SOURCE_TEXT_ATTR } from '../editor/fields';
import { fingerprint } from './fingerprint';
import { readVersionBlocks } from './links';
import { ensureSourceIds, writeTranslationStart } from './start';
import { computeTranslationState } from './state';

let counter = 0;
const makeId = () => `t${(counter++).toString().padStart(9, '0')}`;

const SOURCE: ArticleText = {
  headline: 'Tenants win back their deposits',
  deck: 'A year of organizing pays off',
  byline: 'By Ana Ruiz',
  body: [
    { type: 'p', text: 'The tenants of the tower on Fifth Street voted to strike in March.', id: 's1' },
    { type: 'subhead', text: 'How it started', id: 's2' },
    { type: 'p', text: 'It began with a broken boiler and a landlord who would not answer.', id: 's3' },
    { type: 'p', text: '', id: 's4' },
  ],
};

function pair(mode: 'empty' | 'copy' = 'empty') {
  const source = new Y.Doc();
  writeArticle(source, SOURCE);
  const target = new Y.Doc();
  writeTranslationStart(source, target, mode, makeId);
  return { source, target };
}

function element(doc: Y.Doc, part: string, index: number): Y.XmlElement {
  return doc.getXmlFragment(part).get(index) as Y.XmlElement;
}

/** Replaces a block's text, as typing would. */
function setText(doc: Y.Doc, part: string, index: number, text: string): void {
  const el = element(doc, part, index);
  doc.transact(() => {
    el.delete(0, el.length);
    const t = new Y.XmlText();
    el.insert(0, [t]);
    t.insert(0, text);
  });
}

function state(source: Y.Doc, target: Y.Doc) {
  return computeTranslationState(readVersionBlocks(source), readVersionBlocks(target));
}

describe('translation state', () => {
  it('starts with every source block missing and linked empty blocks in the same structure', () => {
    const { source, target } = pair();
    const blocks = readVersionBlocks(target);
    expect(blocks.body.map((b) => [b.subhead, b.src, b.text])).toEqual([
      [false, 's1', ''],
      [true, 's2', ''],
      [false, 's3', ''],
      [false, 's4', ''],
    ]);
    expect(blocks.body[0]?.srcHash).toBe(fingerprint(SOURCE.body[0]!.text));
    expect(blocks.body[0]?.srcText).toBe(SOURCE.body[0]!.text);
    expect(blocks.headline[0]?.srcText).toBe(SOURCE.headline);
    const s = state(source, target);
    // three fields and three body blocks with text; the blank paragraph does not count
    expect(s.progress).toEqual({ total: 6, translated: 0, outdated: 0, missing: 6, orphaned: 0 });
    expect(s.parts.body.target.map((t) => t.state)).toEqual(['empty', 'empty', 'empty', 'empty']);
    expect(s.parts.body.source.map((t) => t.state)).toEqual(['missing', 'missing', 'missing', 'blank']);
  });

  it('counts a written block as translated, and a copy start as translated throughout', () => {
    const { source, target } = pair();
    setText(target, 'body', 0, 'Los inquilinos de la torre de la calle Quinta votaron ir a la huelga en marzo.');
    setText(target, 'headline', 0, 'Los inquilinos recuperan sus depósitos');
    const s = state(source, target);
    expect(s.parts.body.target[0]?.state).toBe('current');
    expect(s.parts.headline.target[0]?.state).toBe('current');
    expect(s.progress).toMatchObject({ translated: 2, missing: 4 });

    const copied = pair('copy');
    expect(readVersionBlocks(copied.target).body[2]?.text).toBe(SOURCE.body[2]!.text);
    expect(state(copied.source, copied.target).progress).toEqual({ total: 6, translated: 6, outdated: 0, missing: 0, orphaned: 0 });
  });

  it('marks a block outdated when its source changes, with the changed words', () => {
    const { source, target } = pair('copy');
    setText(source, 'body', 2, 'It began with a broken heater and a landlord who would not answer.');
    setText(source, 'deck', 0, 'Two years of organizing pay off');
    const s = state(source, target);
    const outdated = s.parts.body.target[2]!;
    expect(outdated.state).toBe('outdated');
    expect(outdated.diff?.filter((d) => d.op !== 'equal')).toEqual([
      { op: 'delete', text: ' boiler' },
      { op: 'insert', text: ' heater' },
    ]);
    expect(s.parts.deck.target[0]?.state).toBe('outdated');
    expect(s.parts.body.source[2]?.state).toBe('outdated');
    expect(s.progress).toMatchObject({ translated: 4, outdated: 2, missing: 0 });
  });

  it('does not count spacing-only source changes', () => {
    const { source, target } = pair('copy');
    setText(source, 'body', 0, 'The tenants of the tower  on Fifth Street voted to strike in March. ');
    expect(state(source, target).parts.body.target[0]?.state).toBe('current');
  });

  it('shows a block current again once its link is updated to the new source text (mark current)', () => {
    const { source, target } = pair('copy');
    const changed = 'It began with a broken heater.';
    setText(source, 'body', 2, changed);
    expect(state(source, target).parts.body.target[2]?.state).toBe('outdated');
    element(target, 'body', 2).setAttribute(SOURCE_HASH_ATTR, fingerprint(changed));
    element(target, 'body', 2).setAttribute(SOURCE_TEXT_ATTR, changed);
    expect(state(source, target).parts.body.target[2]?.state).toBe('current');
  });

  it('shows a new source paragraph as missing and a deleted one as orphaned', () => {
    const { source, target } = pair('copy');
    source.transact(() => {
      const added = new Y.XmlElement('paragraph');
      added.setAttribute('id', 's9');
      source.getXmlFragment('body').insert(1, [added]);
      const t = new Y.XmlText();
      added.insert(0, [t]);
      t.insert(0, 'A new paragraph about the vote count.');
    });
    source.getXmlFragment('body').delete(3, 1); // s3
    const s = state(source, target);
    expect(s.parts.body.source.map((b) => [b.id, b.state])).toEqual([
      ['s1', 'translated'],
      ['s9', 'missing'],
      ['s2', 'translated'],
      ['s4', 'blank'],
    ]);
    expect(s.parts.body.target.map((b) => b.state)).toEqual(['current', 'current', 'orphaned', 'empty']);
    expect(s.progress).toEqual({ total: 6, translated: 5, outdated: 0, missing: 1, orphaned: 1 });
  });

  it('treats a link to a block id that never existed as orphaned, and blocks without links as the translator\'s own', () => {
    const { source, target } = pair('copy');
    element(target, 'body', 0).setAttribute(SOURCE_ID_ATTR, 'nosuchblock');
    const own = new Y.XmlElement('paragraph');
    target.getXmlFragment('body').push([own]);
    const s = state(source, target);
    expect(s.parts.body.target[0]?.state).toBe('orphaned');
    expect(s.parts.body.target[4]?.state).toBe('unlinked');
    expect(s.parts.body.source[0]?.state).toBe('missing');
  });

  it('handles links without a fingerprint as outdated, never as a crash', () => {
    const { source, target } = pair('copy');
    element(target, 'body', 0).removeAttribute(SOURCE_HASH_ATTR);
    element(target, 'body', 0).removeAttribute(SOURCE_TEXT_ATTR);
    const s = state(source, target);
    expect(s.parts.body.target[0]?.state).toBe('outdated');
    expect(s.parts.body.target[0]?.diff?.map((d) => d.op)).toEqual(['insert']);
  });

  it('gives ids to source blocks written without them before linking', () => {
    const source = new Y.Doc();
    const withoutIds: Block[] = SOURCE.body.map(({ type, text }) => ({ type, text }));
    withoutIds.push({ type: 'p', text: 'x', id: 'dup' }, { type: 'p', text: 'y', id: 'dup' });
    writeArticle(source, { ...SOURCE, body: withoutIds });
    expect(ensureSourceIds(source, makeId)).toBe(true);
    const ids = readVersionBlocks(source).body.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('dup');
    expect(ensureSourceIds(source, makeId)).toBe(false);
    const target = new Y.Doc();
    writeTranslationStart(source, target, 'empty', makeId);
    expect(state(source, target).progress.missing).toBe(8);
  });
});
