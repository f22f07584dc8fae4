import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addFrame, addPage, movePage, moveFrameToPage, readLayout, removePage, setCrop, setFrameText, setPageFields, setStoryFields } from './doc';
import { bodyArea } from './grid';
import { TABLOID } from './templates';
import { freshLayout } from './layoutFixture';

/** Page operations and the desk's frame edits, with the refusals a person sees. */


const inside = bodyArea(TABLOID, 'inside');
const story = (pageId: string) => ({ kind: 'story', pageId, col: 0, span: 3, y: inside.y, h: 400, articleId: 'a1', columns: 3, headlineSizePt: 24, ruleTop: false, picture: null }) as const;
const ids = (doc: Y.Doc) => readLayout(doc)!.pages.map((p) => p.id);
const snapshot = (doc: Y.Doc) => JSON.stringify(readLayout(doc));

describe('pages of a layout', () => {
  it('adds a page at a position, with its kind and section', () => {
    const doc = freshLayout();
    expect(addPage(doc, { kind: 'inside', section: ' Sports ' }, 1, 'px')).toEqual({ ok: true, id: 'px' });
    expect(ids(doc)).toEqual(['p1', 'px', 'p2']);
    expect(readLayout(doc)!.pages[1]).toEqual({ id: 'px', kind: 'inside', section: 'Sports' });
    expect(addPage(doc, { kind: 'inside', section: '' }).ok).toBe(true);
    expect(ids(doc)).toHaveLength(4);
    // The masthead's dateline counts the pages.
    expect(readLayout(doc)!.strings.dateline).toBe('No. 1 · 4 pages');
    expect(removePage(doc, 'px').ok).toBe(true);
    expect(readLayout(doc)!.strings.dateline).toBe('No. 1 · 3 pages');
  });

  it('refuses a page position out of range or a bad kind, changing nothing', () => {
    const doc = freshLayout();
    const before = snapshot(doc);
    const far = addPage(doc, { kind: 'inside', section: '' }, 5);
    expect(far.ok).toBe(false);
    if (!far.ok) expect(far.issue.message).toEqual({ en: 'A new page can go from position 1 to 3; 6 is not one of them.', es: 'Una página nueva puede ir de la posición 1 a la 3; la 6 no es una de ellas.' });
    expect(addPage(doc, { kind: 'inside', section: '' }, -1).ok).toBe(false);
    expect(addPage(doc, { kind: 'back' as 'inside', section: '' }).ok).toBe(false);
    expect(addPage(doc, { kind: 'inside', section: 'x'.repeat(61) }).ok).toBe(false);
    expect(snapshot(doc)).toBe(before);
  });

  it('refuses to remove a page holding frames, saying how many, and loses nothing', () => {
    const doc = freshLayout();
    addFrame(doc, story('p2'));
    addFrame(doc, { kind: 'rule', pageId: 'p2', col: 0, span: 5, y: inside.y + 460, h: 11.5 });
    const before = snapshot(doc);
    const r = removePage(doc, 'p2');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issue.message.en).toBe('Page 2 still holds 2 frames; move them to another page or remove them first, so nothing is lost.');
      expect(r.issue.message.es).toMatch(/La página 2 aún tiene 2 marcos/);
    }
    expect(snapshot(doc)).toBe(before);
  });

  it('refuses to remove the last page and a page that is not there', () => {
    const doc = freshLayout();
    expect(removePage(doc, 'p2').ok).toBe(true);
    const last = removePage(doc, 'p1');
    expect(last.ok).toBe(false);
    if (!last.ok) expect(last.issue.message.en).toMatch(/only page of the layout/);
    const missing = removePage(doc, 'nope');
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issue.message.es).toBe('Esa página no está en la maqueta.');
    expect(ids(doc)).toEqual(['p1']);
  });

  it('reorders pages, their frames going with them, and refuses an index out of range', () => {
    const doc = freshLayout();
    addPage(doc, { kind: 'inside', section: 'Culture' }, undefined, 'p3');
    addFrame(doc, story('p3'), 'f3');
    expect(movePage(doc, 'p3', 1).ok).toBe(true);
    expect(ids(doc)).toEqual(['p1', 'p3', 'p2']);
    expect(readLayout(doc)!.frames[0]).toMatchObject({ id: 'f3', pageId: 'p3' });
    const out = movePage(doc, 'p3', 3);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issue.message).toEqual({ en: 'There is no page 4: the layout has 3 pages.', es: 'No hay página 4: la maqueta tiene 3 páginas.' });
    expect(ids(doc)).toEqual(['p1', 'p3', 'p2']);
  });

  it('renames a section and refuses a bad kind', () => {
    const doc = freshLayout();
    expect(setPageFields(doc, 'p2', { section: 'Opinion' }).ok).toBe(true);
    expect(readLayout(doc)!.pages[1]!.section).toBe('Opinion');
    expect(setPageFields(doc, 'p2', { kind: 'cover' as 'front' }).ok).toBe(false);
    expect(setPageFields(doc, 'zz', { section: 'x' }).ok).toBe(false);
  });

  it('pages added with one id in two languages stay the same page after both merge', () => {
    const en = freshLayout();
    const es = new Y.Doc();
    Y.applyUpdate(es, Y.encodeStateAsUpdate(en));
    addPage(en, { kind: 'inside', section: '' }, 2, 'p3');
    addPage(es, { kind: 'inside', section: '' }, 2, 'p3');
    expect(ids(en)).toEqual(ids(es));
  });
});

describe('frames moved, cropped and written on the desk', () => {
  it('moves a frame to another page, kept below a front page masthead', () => {
    const doc = freshLayout();
    addFrame(doc, story('p2'), 'f1');
    const height = readLayout(doc)!.frames[0]!.h;
    const r = moveFrameToPage(doc, 'f1', 'p1');
    expect(r.ok).toBe(true);
    const f = readLayout(doc)!.frames[0]!;
    expect(f.pageId).toBe('p1');
    expect(f.y).toBeGreaterThanOrEqual(bodyArea(TABLOID, 'front').y - 1e-6);
    // Pushed down below the masthead, not trimmed: the frame keeps its height.
    expect(f.h).toBeCloseTo(height, 6);
    const bad = moveFrameToPage(doc, 'f1', 'p9');
    expect(bad.ok).toBe(false);
    const lost = moveFrameToPage(doc, 'nope', 'p2');
    expect(lost.ok).toBe(false);
    if (!lost.ok) expect(lost.issue.message.en).toBe('That frame is no longer in the layout.');
    expect(readLayout(doc)!.frames[0]!.pageId).toBe('p1');
  });

  it('refuses a frame placed outside the page', () => {
    const doc = freshLayout();
    const r = addFrame(doc, { kind: 'caption', pageId: 'p2', col: 9, span: 1, y: inside.y, h: 40, text: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.message.es).toMatch(/fuera de la página/);
    expect(readLayout(doc)!.frames).toEqual([]);
  });

  it('stores a crop on a picture frame and on a story picture; refuses one out of range', () => {
    const doc = freshLayout();
    addFrame(doc, { kind: 'picture', pageId: 'p2', col: 3, span: 2, y: inside.y, h: 200, pictureId: 'pic' }, 'f1');
    addFrame(doc, story('p2'), 'f2');
    expect(setCrop(doc, 'f1', { x: 0.2, y: 0.7, zoom: 1.5 }).ok).toBe(true);
    expect(readLayout(doc)!.frames.find((f) => f.id === 'f1')).toMatchObject({ crop: { x: 0.2, y: 0.7, zoom: 1.5 } });
    for (const crop of [{ x: 1.2, y: 0.5, zoom: 1 }, { x: 0.5, y: -0.1, zoom: 1 }, { x: 0.5, y: 0.5, zoom: 0.5 }, { x: 0.5, y: 0.5, zoom: 9 }, { x: Number.NaN, y: 0.5, zoom: 1 }]) {
      const r = setCrop(doc, 'f1', crop);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issue.message.en.length).toBeGreaterThan(10);
    }
    const zoom = setCrop(doc, 'f1', { x: 0.5, y: 0.5, zoom: 0 });
    if (!zoom.ok) expect(zoom.issue.message.es).toMatch(/El zoom debe estar entre 1/);
    expect(readLayout(doc)!.frames.find((f) => f.id === 'f1')).toMatchObject({ crop: { x: 0.2, y: 0.7, zoom: 1.5 } });
    // A story without a picture has nothing to crop; with one, the crop goes on its picture.
    expect(setCrop(doc, 'f2', { x: 0.5, y: 0.5, zoom: 2 }).ok).toBe(false);
    setStoryFields(doc, 'f2', { picture: { pictureId: 'pic', heightPt: 120, caption: 'On the bridge' } });
    expect(setCrop(doc, 'f2', { x: 0.1, y: 0.5, zoom: 2 }).ok).toBe(true);
    expect(readLayout(doc)!.frames.find((f) => f.id === 'f2')).toMatchObject({ picture: { caption: 'On the bridge', crop: { x: 0.1, zoom: 2 } } });
    expect(setCrop(doc, 'f1', null).ok).toBe(true);
    expect(readLayout(doc)!.frames.find((f) => f.id === 'f1')).not.toHaveProperty('crop');
  });

  it('writes caption and pull quote text, refusing other frames and over-long text', () => {
    const doc = freshLayout();
    addFrame(doc, { kind: 'pullquote', pageId: 'p2', col: 0, span: 2, y: inside.y, h: 80, text: '' }, 'q');
    addFrame(doc, story('p2'), 's');
    expect(setFrameText(doc, 'q', 'We built it together.').ok).toBe(true);
    expect(readLayout(doc)!.frames.find((f) => f.id === 'q')).toMatchObject({ text: 'We built it together.' });
    expect(setFrameText(doc, 's', 'no').ok).toBe(false);
    expect(setFrameText(doc, 'q', 'x'.repeat(2001)).ok).toBe(false);
    expect(readLayout(doc)!.frames.find((f) => f.id === 'q')).toMatchObject({ text: 'We built it together.' });
  });

  it('sets a story opening and refuses sizes it cannot set', () => {
    const doc = freshLayout();
    addFrame(doc, story('p2'), 's');
    expect(setStoryFields(doc, 's', { headlineSizePt: 36, columns: 2, ruleTop: true }).ok).toBe(true);
    expect(readLayout(doc)!.frames[0]).toMatchObject({ headlineSizePt: 36, columns: 2, ruleTop: true });
    const wide = setStoryFields(doc, 's', { columns: 4 });
    expect(wide.ok).toBe(false);
    if (!wide.ok) expect(wide.issue.message.en).toBe('This frame is 3 grid columns wide: its text can have 1 to 3 columns.');
    expect(setStoryFields(doc, 's', { headlineSizePt: 400 }).ok).toBe(false);
    expect(setStoryFields(doc, 's', { picture: { pictureId: 'p', heightPt: 5000, caption: '' } }).ok).toBe(false);
    expect(readLayout(doc)!.frames[0]).toMatchObject({ headlineSizePt: 36, columns: 2, picture: null });
  });
});
