import { describe, expect, it } from 'vitest';
import { LayoutSetter } from '../../shared/layout/setting';
import { TABLOID, editionStrings } from '../../shared/layout/templates';
import type { ArticleCopy, LayoutData, LayoutFrame } from '../../shared/layout/types';
import { templateFonts } from './fonts';

const fonts = templateFonts(TABLOID);
const sentence = 'Tenants on the east side met on Thursday to plan a rent strike that would begin in the spring if the landlord refuses to repair the heating.';
const copy = (paragraphs: number): ArticleCopy => ({
  headline: 'Tenants plan a rent strike',
  byline: 'By the housing collective',
  blocks: Array.from({ length: paragraphs }, (_, i) => ({ type: 'p' as const, text: `${sentence} Paragraph ${i + 1}.` })),
});

function layout(frames: LayoutFrame[]): LayoutData {
  return {
    lang: 'en',
    template: TABLOID,
    strings: editionStrings('en', { title: 'The Paper', number: 3, date: null, pageCount: 3 }),
    pages: [{ id: 'p1', kind: 'front', section: '' }, { id: 'p2', kind: 'inside', section: 'News' }, { id: 'p3', kind: 'inside', section: 'News' }],
    frames,
  };
}

const opening: LayoutFrame = { id: 'f1', kind: 'story', pageId: 'p1', col: 0, span: 2, y: 144, h: 230, articleId: 'a1', columns: 2, headlineSizePt: 24, ruleTop: false, picture: null };
const jump: LayoutFrame = { id: 'f2', kind: 'text', pageId: 'p3', col: 0, span: 2, y: 68, h: 800, articleId: 'a1', chain: 1, columns: 2 };

describe('setting a layout', () => {
  it('flows a story from its opening into a text frame on a later page, with a jump line', () => {
    const setting = new LayoutSetter().set({ layout: layout([opening, jump]), copies: new Map([['a1', copy(20)]]), fonts });
    const fit = setting.articles[0]!;
    expect(fit.pages).toEqual([1, 3]);
    expect(fit.copyfit.overMatterLines).toBe(0);
    const first = setting.pages[0]!.frames[0]!;
    expect(first.lines.map((l) => l.text)).toContain('Continued on page 3');
    expect(setting.pages[2]!.frames[0]!.lines.length).toBeGreaterThan(0);
    expect(setting.pages[0]!.labels.map((l) => l.text)).toContain('The Paper');
    expect(setting.pages[2]!.labels[0]!.text).toBe('Page 3 · News');
  });

  it('counts over-matter when the chain is too short and re-sets only the story that changed', () => {
    const setter = new LayoutSetter();
    const other: LayoutFrame = { ...opening, id: 'g1', articleId: 'a2', col: 2, span: 3, columns: 3 };
    const copies = new Map([['a1', copy(20)], ['a2', copy(2)]]);
    const before = setter.set({ layout: layout([opening, other]), copies, fonts });
    const over = before.articles.find((a) => a.articleId === 'a1')!.copyfit.overMatterLines;
    expect(over).toBeGreaterThan(10);
    expect(before.issues.some((i) => /lines too long/.test(i.message.en))).toBe(true);
    const unchanged = before.articles.find((a) => a.articleId === 'a2')!;
    const longer = copy(21);
    const after = setter.set({ layout: layout([opening, other]), copies: new Map([['a1', longer], ['a2', copy(2)]]), fonts });
    expect(after.articles.find((a) => a.articleId === 'a1')!.copyfit.overMatterLines).toBeGreaterThan(over);
    // The other story's result is the very same object: it was not set again.
    expect(after.articles.find((a) => a.articleId === 'a2')).toBe(unchanged);
  });

  it('leaves the frame of a deleted article empty with a message, and warns of a picture without a file', () => {
    const withPicture: LayoutFrame = { ...opening, picture: { pictureId: 'pic1', heightPt: 80, caption: 'The meeting' } };
    const setting = new LayoutSetter().set({ layout: layout([withPicture]), copies: new Map([['a1', null]]), missingPictures: new Set(['pic1']), fonts });
    expect(setting.pages[0]!.frames[0]!.lines).toEqual([]);
    expect(setting.issues.map((i) => i.message.en)).toEqual(
      expect.arrayContaining([expect.stringMatching(/article placed here was deleted/), expect.stringMatching(/picture on page 1 has no file/)]),
    );
    expect(setting.articles).toEqual([]);
  });

  it('sets a stored frame reaching off the page clamped, leaves out one wholly off it, and says so', () => {
    const wide: LayoutFrame = { ...opening, id: 'w1', col: 3, span: 4, columns: 4 };
    const gone: LayoutFrame = { ...opening, id: 'x1', articleId: 'a2', col: 9, span: 2 };
    const setting = new LayoutSetter().set({ layout: layout([wide, gone]), copies: new Map([['a1', copy(3)], ['a2', copy(3)]]), fonts });
    const frames = setting.pages[0]!.frames;
    expect(frames.map((f) => f.frameId)).toEqual(['w1']);
    expect(frames[0]!.rect.x + frames[0]!.rect.w).toBeCloseTo(TABLOID.widthPt - TABLOID.marginPt.right, 6);
    expect(Math.max(...frames[0]!.lines.map((l) => l.x + l.setWidth))).toBeLessThanOrEqual(TABLOID.widthPt - TABLOID.marginPt.right + 0.1);
    const messages = setting.issues.map((i) => i.message.en);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/past the page's right edge/), expect.stringMatching(/entirely off the page/)]));
  });
});
