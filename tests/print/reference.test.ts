/**
 * Acceptance of the print engine on the reference edition (../shared/bench):
 * the PDFs are read back with poppler as a reader's tools would see them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderEdition, readEdition, type RenderResult } from '../../server/print/render';
import { REFERENCE, tempDir } from './fixtures';
import { fonts, pageSizes, pdfText, wordBoxes, type WordBox } from './poppler';
import { difference, inside, rejoin } from './wordCheck';

const edition = readEdition(REFERENCE);
const dir = tempDir('reference');
const rendered: Record<'en' | 'es', { pdf: string; result: RenderResult }> = {} as never;

beforeAll(async () => {
  for (const lang of ['en', 'es'] as const) {
    const pdf = path.join(dir, `${lang}.pdf`);
    rendered[lang] = { pdf, result: await renderEdition({ editionFile: REFERENCE, lang, out: pdf }) };
  }
}, 120_000);

describe.each(['en', 'es'] as const)('reference edition in %s', (lang) => {
  it('has 8 tabloid pages of 792 x 1224 pt', () => {
    expect(pageSizes(rendered[lang].pdf)).toEqual(Array(8).fill('792 x 1224'));
  });

  it('embeds every font', () => {
    const list = fonts(rendered[lang].pdf);
    expect(list.length).toBeGreaterThanOrEqual(5);
    for (const f of list) expect(f.embedded, f.name).toBe(true);
  });

  it('puts every word of every article inside its own module, none past its column', () => {
    const { pdf, result } = rendered[lang];
    const articles = new Map(edition.articles.map((a) => [a.id, a]));
    const colW = edition.page.columnWidthPt;
    const gutter = edition.page.gutterPt;
    for (const page of edition.pages) {
      const all = wordBoxes(pdf, page.number);
      const header = all.filter((w) => inside(w, page.header, 1));
      const placed = new Set(header);
      for (const m of page.modules) {
        const a = articles.get(m.articleId)!;
        const copy = a[lang]!;
        const expected = [copy.headline, copy.byline, a.image?.caption[lang] ?? '', ...copy.paragraphs.map((p) => p.text)].join(' ').split(/\s+/).filter(Boolean);
        const words = all.filter((w) => inside(w, m, 0.5));
        for (const w of words) placed.add(w);
        // Reading order: furniture (not body size) top to bottom, then each body column.
        const colStep = (m.w - (m.bodyColumns - 1) * gutter) / m.bodyColumns + gutter;
        const isBody = (w: WordBox) => w.yMax - w.yMin > 9.5 && w.yMax - w.yMin < 11.5;
        const key = (w: WordBox) => (isBody(w) ? 1 + Math.floor((w.xMin - m.x + 0.5) / colStep) : 0);
        const ordered = [...words].sort((a, b) => key(a) - key(b) || Math.round(a.yMin) - Math.round(b.yMin) || a.xMin - b.xMin);
        const report = result.report.articles.find((r) => r.moduleId === m.id)!;
        const { missing, extra } = difference(expected, rejoin(ordered.map((w) => w.text), expected));
        expect(extra, `${m.id}: words that are not the article's`).toEqual([]);
        if (report.overMatterLines === 0) expect(missing, `${m.id}: words missing without over-matter`).toEqual([]);
        else for (const w of missing) expect(report.overMatterText).toContain(w);
        // Body lines (9.5 pt type) stay within their column.
        for (const w of words.filter(isBody)) {
          const col = key(w) - 1;
          const right = m.x + col * colStep + (colStep - gutter);
          expect(w.xMax, `${m.id}: "${w.text}" sticks out of column ${col}`).toBeLessThanOrEqual(right + 0.1);
        }
        expect(colStep - gutter).toBeLessThanOrEqual(m.w);
        expect(colW).toBeGreaterThan(0);
      }
      const stray = all.filter((w) => !placed.has(w)).map((w) => w.text);
      expect(stray, `page ${page.number}: words outside every module and header`).toEqual([]);
    }
  });

  it('reports copyfit and quality for every article', () => {
    const report = rendered[lang].result.report;
    expect(report.articles).toHaveLength(22);
    for (const a of report.articles) expect(a.linesUsed).toBeLessThanOrEqual(a.linesAvailable);
    expect(report.quality.longestHyphenRun).toBeLessThanOrEqual(2);
    expect(report.quality.runts).toBe(0);
  });
});

describe('text layer', () => {
  it('extracts Spanish accents, ¿ and ¡ exactly, and carries no soft hyphen', () => {
    const es = pdfText(rendered.es.pdf);
    const en = pdfText(rendered.en.pdf);
    expect(es).not.toContain('\u00AD');
    expect(en).not.toContain('\u00AD');
    const source = edition.articles.map((a) => [a.es!.headline, ...a.es!.paragraphs.map((p) => p.text)].join(' ')).join(' ');
    for (const ch of ['á', 'é', 'í', 'ó', 'ú', 'ñ', '¿', '¡', 'Á', 'É', 'Ñ']) {
      const want = source.split(ch).length - 1;
      if (want === 0) continue;
      expect(es.split(ch).length - 1, `count of ${ch}`).toBeGreaterThanOrEqual(want);
    }
    expect(es).toContain('¿');
    expect(es).toContain('¡');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
