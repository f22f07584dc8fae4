import { describe, expect, it } from 'vitest';
import { breakParagraph, DEFAULT_JUSTIFY, flowStory, measureQuality, typesetArticle, type FlowStyles, type Frame } from '../../shared/typeset/index';
import { liberationFonts } from './fixtures';

const fonts = liberationFonts();
const styles: FlowStyles = {
  body: { font: 'serif', sizePt: 9.5, lineHeightPt: 11.5, firstLineIndentPt: 9.5, paragraphSpacePt: 0, justify: DEFAULT_JUSTIFY },
  subhead: { font: 'serifBold', sizePt: 9.5, lineHeightPt: 11.5, spaceBeforePt: 4 },
  jump: { font: 'sansItalic', sizePt: 8, lineHeightPt: 11.5 },
};
const para = (text: string, width = 134.4) =>
  breakParagraph({ text, lang: 'en', font: fonts.serif, sizePt: 9.5, justify: DEFAULT_JUSTIFY, indentPt: 0, lineWidth: () => width });
const column = (page: number, x: number, height: number): Frame => ({ page, x, y: 100, width: 134.4, height });
const WORDS = 'members writers translators printers neighbours delivery collective meeting evening question answer paper column'.split(' ');
const prose = (n: number, seed = 1) => Array.from({ length: n }, (_, i) => WORDS[(i * 7 + seed) % WORDS.length]).join(' ') + '.';

describe('breakParagraph', () => {
  it('justifies every line but the last to the column, never wider', () => {
    const lines = para(prose(80));
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines.slice(0, -1)) expect(Math.abs(l.setWidth - 134.4)).toBeLessThan(0.01);
    expect(lines[lines.length - 1]!.setWidth).toBeLessThanOrEqual(134.4 + 1e-6);
  });

  it('sets no more than two hyphenated line ends in a row and never hyphenates the last word', () => {
    const text = 'internationalization revolutionary organizations representatives communication responsibilities '.repeat(12) + 'internationalization';
    const lines = para(text, 90);
    let run = 0;
    for (const l of lines) {
      run = l.hyphenated ? run + 1 : 0;
      expect(run).toBeLessThanOrEqual(2);
    }
    expect(lines[lines.length - 1]!.text.endsWith('internationalization')).toBe(true);
  });

  it('strips soft hyphens and draws a real hyphen at a chosen break', () => {
    const lines = para(`inter\u00ADnational ${prose(40)}`);
    expect(lines.map((l) => l.text).join(' ')).not.toContain('\u00AD');
    expect(lines.some((l) => l.hyphenated && l.text.endsWith('-'))).toBe(true);
  });

  it('breaks a URL after / or . without a hyphen so it fits the column', () => {
    const lines = para('Read it at https://galley.example.org/editions/winter/international-solidarity-report today');
    for (const l of lines) expect(l.setWidth).toBeLessThanOrEqual(134.4 + 1e-6);
    const joined = lines.map((l) => l.text).join('\n');
    expect(joined.replace(/\n/g, '')).toContain('https://galley.example.org/editions/winter/international-solidarity-report'.slice(0, 20));
    expect(lines.filter((l) => l.text.includes('galley') || l.text.includes('editions')).every((l) => !l.hyphenated)).toBe(true);
  });

  it('cuts a 200-letter word to the column and finishes quickly', () => {
    const start = performance.now();
    const lines = para(`Before ${'a'.repeat(200)} after.`);
    expect(performance.now() - start).toBeLessThan(500);
    expect(lines.map((l) => l.text).join('')).toContain('a'.repeat(20));
    for (const l of lines) expect(l.setWidth).toBeLessThanOrEqual(134.4 + 1e-6);
  });

  it('never throws on odd text', () => {
    for (const text of ['', ' ', '\u00AD', '—', '- - -', '¿¡', 'x'.repeat(5000), '\n\t', 'a b', '🙂 🙂']) {
      expect(() => para(text, 20)).not.toThrow();
    }
  });
});

describe('flowStory', () => {
  it('reports over-matter instead of dropping text, quickly, for 10,000 words in a small box', () => {
    const start = performance.now();
    const blocks = Array.from({ length: 100 }, (_, i) => ({ type: 'p' as const, text: prose(100, i) }));
    const r = flowStory({ lang: 'en', blocks }, [column(1, 36, 200)], styles, fonts);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(r.copyfit.linesAvailable).toBe(17);
    expect(r.copyfit.linesUsed).toBe(17);
    expect(r.copyfit.overMatterLines).toBeGreaterThan(1000);
    expect(r.copyfit.overMatterText.length).toBeGreaterThan(1000);
  });

  it('adds a jump line where the chain crosses pages, in the story language', () => {
    const blocks = Array.from({ length: 6 }, (_, i) => ({ type: 'p' as const, text: prose(60, i) }));
    const en = flowStory({ lang: 'en', blocks }, [column(1, 36, 115), column(4, 36, 1100)], styles, fonts);
    expect(en.lines.find((l) => l.kind === 'jump')?.text).toBe('Continued on page 4');
    const es = flowStory({ lang: 'es', blocks }, [column(1, 36, 115), column(4, 36, 1100)], styles, fonts);
    expect(es.lines.find((l) => l.kind === 'jump')?.text).toBe('Sigue en la página 4');
    expect(en.copyfit.overMatterLines).toBe(0);
  });

  it('keeps a subhead with its next lines and avoids widows and orphans when there is room', () => {
    const blocks = [
      { type: 'p' as const, text: prose(90, 1) },
      { type: 'subhead' as const, text: 'What comes next' },
      { type: 'p' as const, text: prose(90, 2) },
      { type: 'p' as const, text: prose(45, 3) },
    ];
    for (let h = 115; h < 400; h += 11.5) {
      const r = flowStory({ lang: 'en', blocks }, [column(1, 36, h), column(1, 182, 600), column(1, 328, 600)], styles, fonts);
      const byFrame = new Map<number, typeof r.lines>();
      for (const l of r.lines) byFrame.set(l.frame!, [...(byFrame.get(l.frame!) ?? []), l]);
      for (const lines of byFrame.values()) {
        const last = lines[lines.length - 1]!;
        expect(last.kind, `subhead alone at a frame foot (h=${h})`).not.toBe('subhead');
        const first = lines[0]!;
        const blockLines = r.lines.filter((l) => l.block === first.block);
        const lastOfBlock = blockLines[blockLines.length - 1]!;
        if (blockLines.length > 1 && first !== blockLines[0]) expect(lastOfBlock === first && blockLines.length > 1, `widow at h=${h}`).toBe(false);
      }
      expect(measureQuality(r.lines).longestHyphenRun).toBeLessThanOrEqual(2);
    }
  });
});

describe('typesetArticle', () => {
  it('sets headline and byline atop the first frame and flows the body on through the chain', () => {
    const moduleStyles = {
      ...styles,
      headline: { font: 'sansBold' as const, lineHeightFactor: 1.1, spaceAfterPt: 4 },
      byline: { font: 'sansItalic' as const, sizePt: 8, lineHeightPt: 10, spaceAfterPt: 6 },
      caption: { font: 'sansItalic' as const, sizePt: 7.5, lineHeightPt: 9, spaceBeforePt: 3, spaceAfterPt: 8 },
    };
    const blocks = Array.from({ length: 4 }, (_, i) => ({ type: 'p' as const, text: prose(70, i), id: `b${i}` }));
    const r = typesetArticle({ lang: 'es', headline: 'La asamblea decide', byline: 'Por la redacción', blocks, headlineSizePt: 18 }, [column(2, 36, 300), column(3, 36, 700)], moduleStyles, fonts);
    const kinds = r.lines.map((l) => l.kind);
    expect(kinds[0]).toBe('headline');
    expect(kinds).toContain('byline');
    const firstBody = r.lines.find((l) => l.kind === 'body')!;
    expect(firstBody.top).toBeGreaterThan(100 + 18 * 1.1 + 10);
    expect(r.lines.find((l) => l.kind === 'jump')?.text).toBe('Sigue en la página 3');
    expect(r.copyfit.overMatterLines).toBe(0);
    for (const l of r.lines) expect(l.top + l.lineHeightPt).toBeLessThanOrEqual(l.frame === 1 ? 800.01 : 400.01);
  });
});
