import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addFrame, copyLayout, moveFrame, readLayout, removePage, setFrameFields, writeLayout } from './doc';
import { bodyArea, overlapWarnings } from './grid';
import { TABLOID, editionStrings } from './templates';
import { freshLayout } from './layoutFixture';


const story = (pageId: string, col: number, span: number, y: number, h: number) =>
  ({ kind: 'story', pageId, col, span, y, h, articleId: 'a1', columns: span, headlineSizePt: 24, ruleTop: false, picture: null }) as const;

describe('layout document', () => {
  it('snaps a new frame to the column grid and the row step', () => {
    const doc = freshLayout();
    const top = bodyArea(TABLOID, 'inside').y;
    const r = addFrame(doc, story('p2', 1.2, 2.4, top + 13, 300));
    expect(r.ok && r.issue).toBe(null);
    const f = readLayout(doc)!.frames[0]!;
    expect([f.col, f.span]).toEqual([1, 2]);
    expect((f.y - top) % TABLOID.rowPt).toBeCloseTo(0, 6);
    expect((f.h % TABLOID.rowPt + TABLOID.rowPt) % TABLOID.rowPt).toBeCloseTo(0, 6);
  });

  it('clamps a frame reaching past the page, saying which edge', () => {
    const doc = freshLayout();
    const r = addFrame(doc, story('p2', 3, 4, 1000, 500));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issue?.message.en).toMatch(/right, bottom edge; it was trimmed/);
    expect(r.issue?.message.es).toMatch(/derecho, inferior/);
    const f = readLayout(doc)!.frames[0]!;
    const area = bodyArea(TABLOID, 'inside');
    expect(f.col + f.span).toBe(TABLOID.columns);
    expect(f.y + f.h).toBeLessThanOrEqual(area.y + area.h + 1e-6);
  });

  it('refuses a frame entirely off the page and leaves the layout as it was', () => {
    const doc = freshLayout();
    const r = addFrame(doc, story('p2', 7, 2, 100, 100));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issue.message.en).toMatch(/entirely off the page/);
    expect(readLayout(doc)!.frames).toEqual([]);
    const bad = addFrame(doc, story('p2', 0, 2, Number.NaN, 100));
    expect(bad.ok).toBe(false);
  });

  it('allows overlapping frames but warns about them', () => {
    const doc = freshLayout();
    addFrame(doc, story('p2', 0, 3, 100, 300));
    addFrame(doc, { ...story('p2', 2, 2, 200, 300), articleId: 'a2' });
    addFrame(doc, { kind: 'rule', pageId: 'p2', col: 0, span: 5, y: 200, h: 11.5 });
    const data = readLayout(doc)!;
    expect(data.frames).toHaveLength(3);
    const warnings = overlapWarnings(data.template, data.pages, data.frames);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.level).toBe('warning');
    expect(warnings[0]!.message.en).toMatch(/overlap on page 2/);
  });

  it('merges two members moving different frames at once', () => {
    const a = freshLayout();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const first = addFrame(a, story('p1', 0, 2, 200, 200), 'f1');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(first.ok).toBe(true);
    // Concurrently: a resizes f1, b places another frame and sets f1's columns.
    moveFrame(a, 'f1', { col: 0, span: 3, y: 200, h: 400 });
    addFrame(b, { ...story('p2', 0, 2, 100, 200), articleId: 'a2' }, 'f2');
    setFrameFields(b, 'f1', { columns: 3 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      const frames = readLayout(doc)!.frames;
      expect(frames.map((f) => f.id)).toEqual(['f1', 'f2']);
      expect(frames[0]).toMatchObject({ span: 3, columns: 3 });
    }
  });

  it('removes an empty page and copies a layout to the other language', () => {
    const doc = freshLayout();
    addFrame(doc, story('p2', 0, 2, 200, 200));
    expect(removePage(doc, 'p1').ok).toBe(true);
    const data = readLayout(doc)!;
    expect(data.pages.map((p) => p.id)).toEqual(['p2']);
    expect(data.frames).toHaveLength(1);
    const es = copyLayout(data, 'es', editionStrings('es', { title: 'The Paper', number: 1, date: null, pageCount: 1 }));
    expect(es.lang).toBe('es');
    expect(es.frames).toEqual(data.frames);
    expect(es.strings.page).toBe('Página');
    const target = new Y.Doc();
    writeLayout(target, es);
    expect(readLayout(target)).toEqual(es);
  });
});
