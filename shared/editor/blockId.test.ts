import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { joinBackward, splitBlock, deleteSelection } from '@tiptap/pm/commands';
import { TextSelection } from '@tiptap/pm/state';
import { HeadlessEditor, sync } from '../../tests/translation/headlessEditor';
import { writeArticle, readArticle } from './content';
import { insertParagraphBefore } from './blockId';

function article(paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  writeArticle(doc, {
    headline: 'H',
    deck: '',
    byline: '',
    body: paragraphs.map((text, i) => ({ type: 'p' as const, text, id: `p${i}` })),
  });
  return doc;
}

function expectUniqueIds(blocks: { id: string | null }[]): void {
  const ids = blocks.map((b) => b.id);
  expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('block ids in one editor', () => {
  it('keeps a block id while the block is edited', () => {
    const editor = new HeadlessEditor(article(['Rent strike enters week three.']));
    editor.setCursor(0, 4);
    editor.type(' of the tenants');
    expect(editor.blocks()).toEqual([{ id: 'p0', text: 'Rent of the tenants strike enters week three.' }]);
    expect(editor.storedBlocks()[0]?.id).toBe('p0');
  });

  it('gives blocks without an id one as soon as the document changes', () => {
    const doc = new Y.Doc();
    writeArticle(doc, { headline: '', deck: '', byline: '', body: [{ type: 'p', text: 'No id yet' }] });
    const editor = new HeadlessEditor(doc);
    expectUniqueIds(editor.blocks());
    expectUniqueIds(readArticle(doc).body.map((b) => ({ id: b.id ?? null })));
  });

  it('keeps the id on the first half of a split and gives the second half a new one', () => {
    const editor = new HeadlessEditor(article(['First half. Second half.', 'Next']));
    editor.setCursor(0, 'First half.'.length);
    editor.run(splitBlock);
    const blocks = editor.blocks();
    expect(blocks.map((b) => b.text)).toEqual(['First half.', ' Second half.', 'Next']);
    expect(blocks[0]?.id).toBe('p0');
    expect(blocks[2]?.id).toBe('p1');
    expectUniqueIds(blocks);
    expect(editor.storedBlocks()).toEqual(blocks);
  });

  it('gives a new empty paragraph (Enter at the end) a new id', () => {
    const editor = new HeadlessEditor(article(['Only']));
    editor.setCursor(0, 4);
    editor.run(splitBlock);
    expect(editor.blocks()[0]?.id).toBe('p0');
    expectUniqueIds(editor.blocks());
  });

  it('keeps the id with the text on Enter at the start of a paragraph (a new empty paragraph goes before)', () => {
    const editor = new HeadlessEditor(article(['One.', 'Two.']));
    editor.setCursor(1, 0);
    expect(editor.run(insertParagraphBefore)).toBe(true);
    const blocks = editor.blocks();
    expect(blocks.map((b) => b.text)).toEqual(['One.', '', 'Two.']);
    expect(blocks[0]?.id).toBe('p0');
    expect(blocks[2]?.id).toBe('p1');
    expectUniqueIds(blocks);
    editor.type('Inserted ');
    expect(editor.blocks()[2]).toEqual({ id: 'p1', text: 'Inserted Two.' });
    // Not at the start, or in an empty paragraph: an ordinary split.
    editor.setCursor(0, 2);
    expect(editor.run(insertParagraphBefore)).toBe(false);
    editor.setCursor(1, 0);
    expect(editor.run(insertParagraphBefore)).toBe(false);
  });

  it('keeps the first block id when two blocks are joined', () => {
    const editor = new HeadlessEditor(article(['One.', 'Two.', 'Three.']));
    editor.setCursor(1, 0);
    editor.run(joinBackward);
    expect(editor.blocks()).toEqual([
      { id: 'p0', text: 'One.Two.' },
      { id: 'p2', text: 'Three.' },
    ]);
    expect(editor.storedBlocks()).toEqual(editor.blocks());
  });

  it('gives pasted copies of blocks already in the document fresh ids, originals keep theirs', () => {
    const editor = new HeadlessEditor(article(['Alpha', 'Beta', 'Gamma']));
    const copied = editor.copyBlocks(1, 2);
    // Paste before the originals: the first occurrence in document order would
    // otherwise win, and the original paragraphs would lose their ids.
    editor.setCursor(0, 0);
    editor.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, 0)));
    editor.paste(copied);
    const blocks = editor.blocks();
    expectUniqueIds(blocks);
    const beta = blocks.filter((b) => b.text === 'Beta');
    expect(beta).toHaveLength(2);
    expect(blocks.find((b) => b.text === 'Alpha')?.id).toBe('p0');
    expect(blocks.filter((b) => b.id === 'p1').map((b) => b.text)).toEqual(['Beta']);
    // the original Beta is the one after Alpha
    const alphaAt = blocks.findIndex((b) => b.id === 'p0');
    expect(blocks.findIndex((b) => b.id === 'p1')).toBeGreaterThan(alphaAt);
    expect(editor.storedBlocks()).toEqual(blocks);
  });

  it('lets a cut-and-paste move keep the moved block id', () => {
    const editor = new HeadlessEditor(article(['Alpha', 'Beta', 'Gamma']));
    const cut = editor.copyBlocks(0, 0);
    editor.dispatch(editor.state.tr.delete(editor.blockStart(0), editor.blockStart(1)));
    editor.setCursor(1, 'Gamma'.length);
    editor.paste(cut);
    expect(editor.blocks().find((b) => b.text === 'Alpha')?.id).toBe('p0');
    expectUniqueIds(editor.blocks());
  });

  it('restores ids on undo of a split, a join and a deletion', () => {
    const editor = new HeadlessEditor(article(['One two three.', 'Four.', 'Five.']));
    const before = editor.blocks();

    editor.setCursor(0, 3);
    editor.run(splitBlock);
    expect(editor.blocks()).toHaveLength(4);
    editor.undo();
    expect(editor.blocks()).toEqual(before);

    editor.setCursor(1, 0);
    editor.run(joinBackward);
    expect(editor.blocks()).toHaveLength(2);
    editor.undo();
    expect(editor.blocks()).toEqual(before);

    const start = editor.blockStart(1);
    editor.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, start + 1, editor.blockStart(2) + 1)));
    editor.run(deleteSelection);
    expect(editor.blocks().map((b) => b.id)).not.toContain('p1');
    editor.undo();
    expect(editor.blocks()).toEqual(before);
    expect(editor.storedBlocks()).toEqual(before);
  });
});

type Order = 'a-first' | 'b-first';

/**
 * Two members edit their own copy at the same time; the updates then reach
 * the other side in the given order. Both sides must end identical, with
 * every block holding a unique id.
 */
function concurrently(paragraphs: string[], editA: (e: HeadlessEditor) => void, editB: (e: HeadlessEditor) => void, order: Order) {
  const origin = article(paragraphs);
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  sync(origin, docA);
  sync(origin, docB);
  const a = new HeadlessEditor(docA);
  const b = new HeadlessEditor(docB);
  editA(a);
  editB(b);
  // Deliver one side's edit first; that side's fixes (if any) travel with the later sync.
  if (order === 'a-first') {
    sync(docA, docB);
    sync(docB, docA);
  } else {
    sync(docB, docA);
    sync(docA, docB);
  }
  // Let any fix made on either side reach the other.
  for (let round = 0; round < 3; round++) {
    sync(docA, docB);
    sync(docB, docA);
  }
  return { a, b };
}

describe('block ids under concurrent edits merged in either order', () => {
  for (const order of ['a-first', 'b-first'] as const) {
    it(`both members split the same paragraph (${order})`, () => {
      const { a, b } = concurrently(
        ['Left part, middle part, right part.', 'Tail.'],
        (e) => {
          e.setCursor(0, 'Left part,'.length);
          e.run(splitBlock);
        },
        (e) => {
          e.setCursor(0, 'Left part, middle part,'.length);
          e.run(splitBlock);
        },
        order,
      );
      expect(a.blocks()).toEqual(b.blocks());
      expect(a.storedBlocks()).toEqual(b.storedBlocks());
      expectUniqueIds(a.blocks());
      expect(a.blocks().map((x) => x.id)).toContain('p0');
      expect(a.blocks().at(-1)).toEqual({ id: 'p1', text: 'Tail.' });
    });

    it(`both members move the same paragraph to different places (${order})`, () => {
      // A cut-and-paste keeps the id; two concurrent moves leave two copies
      // carrying it once merged. The first in document order keeps it.
      const move = (to: number) => (e: HeadlessEditor) => {
        const cut = e.copyBlocks(0, 0);
        e.dispatch(e.state.tr.delete(e.blockStart(0), e.blockStart(1)));
        e.setCursor(to, e.state.doc.child(to).content.size);
        e.paste(cut);
      };
      const { a, b } = concurrently(['Moved.', 'One.', 'Two.', 'Three.'], move(0), move(2), order);
      expect(a.blocks()).toEqual(b.blocks());
      expect(a.storedBlocks()).toEqual(b.storedBlocks());
      expectUniqueIds(a.blocks());
      const withMovedId = a.blocks().filter((x) => x.id === 'p0');
      expect(withMovedId).toHaveLength(1);
    });

    it(`one member types while the other splits and joins (${order})`, () => {
      const { a, b } = concurrently(
        ['Alpha beta.', 'Gamma delta.', 'Epsilon.'],
        (e) => {
          e.setCursor(1, 5);
          e.type(' and more');
          e.setCursor(2, 0);
          e.run(joinBackward);
        },
        (e) => {
          e.setCursor(0, 5);
          e.run(splitBlock);
          e.setCursor(3, 0);
          e.type('New start. ');
        },
        order,
      );
      expect(a.blocks()).toEqual(b.blocks());
      expectUniqueIds(a.blocks());
      expect(a.blocks()[0]?.id).toBe('p0');
    });
  }
});
