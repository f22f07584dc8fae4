/**
 * Shared helpers for the print tests: the reference edition's location,
 * fonts parsed from Debian's fonts-liberation2, and a small edition of the
 * project's own text for bad-input cases.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadFonts } from '../../server/print/fonts';
import type { FontSet } from '../../shared/typeset/index';

export const REFERENCE = path.resolve(process.cwd(), '../shared/bench/edition.json');
export const LIBERATION = '/usr/share/fonts/truetype/liberation2';

export const FONT_FILES = {
  serif: `${LIBERATION}/LiberationSerif-Regular.ttf`,
  serifBold: `${LIBERATION}/LiberationSerif-Bold.ttf`,
  sans: `${LIBERATION}/LiberationSans-Regular.ttf`,
  sansBold: `${LIBERATION}/LiberationSans-Bold.ttf`,
  sansItalic: `${LIBERATION}/LiberationSans-Italic.ttf`,
};

export function liberationFonts(): FontSet {
  return loadFonts(FONT_FILES);
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `galley-${prefix}-`));
}

const SENTENCE_EN = 'The collective met on Tuesday evening to plan the winter issue and to share the work of delivering it across the neighbourhood.';
const SENTENCE_ES = 'El colectivo se reunió el martes por la noche para planear el número de invierno y repartir el trabajo de llevarlo por el barrio.';

/** A one-page edition in the reference format with one module, written for these tests. */
export function smallEdition(opts: { paragraphs?: string[]; moduleH?: number; imageFile?: string; fontFile?: string } = {}) {
  const paragraphs = (opts.paragraphs ?? [SENTENCE_EN, SENTENCE_EN]).map((text) => ({ type: 'p', text }));
  const style = (font: string, sizePt: number, lineHeightPt: number) => ({ font, sizePt, lineHeightPt });
  const font = (file: string) => ({ family: 'Liberation', weight: 400, style: 'normal', file });
  return {
    schema: 'peer-print-edition/1',
    title: 'GALLEY TEST',
    languages: ['en', 'es'],
    strings: { en: { tagline: 'Test', dateline: 'Today', page: 'Page' }, es: { tagline: 'Prueba', dateline: 'Hoy', page: 'Página' } },
    page: { widthPt: 792, heightPt: 1224, marginPt: { top: 36, right: 36, bottom: 36, left: 36 }, columns: 5, gutterPt: 12, columnWidthPt: 134.4 },
    typography: {
      fonts: {
        serif: font(opts.fontFile ?? FONT_FILES.serif),
        serifBold: font(FONT_FILES.serifBold),
        sans: font(FONT_FILES.sans),
        sansBold: font(FONT_FILES.sansBold),
        sansItalic: font(FONT_FILES.sansItalic),
      },
      masthead: style('serifBold', 64, 68),
      mastheadLine: style('sans', 9, 12),
      folio: style('sans', 8, 10),
      headline: { font: 'sansBold', lineHeightFactor: 1.1, spaceAfterPt: 4 },
      byline: { ...style('sansItalic', 8, 10), spaceAfterPt: 6 },
      caption: { ...style('sansItalic', 7.5, 9), spaceBeforePt: 3, spaceAfterPt: 8 },
      body: { ...style('serif', 9.5, 11.5), firstLineIndentPt: 9.5, paragraphSpacePt: 0, hyphenate: true },
      subhead: { ...style('serifBold', 9.5, 11.5), spaceBeforePt: 4 },
      rule: { widthPt: 0.5, color: '#000000' },
    },
    images: opts.imageFile ? [{ id: 'i1', file: opts.imageFile, widthPx: 2000, heightPx: 1500 }] : [],
    pages: [
      {
        number: 1,
        kind: 'front',
        section: { en: 'Front', es: 'Portada' },
        header: { kind: 'masthead', x: 36, y: 36, w: 720, h: 96 },
        body: { x: 36, y: 144, w: 720, h: 1044 },
        modules: [{ id: 'm1', articleId: 'a1', col: 0, span: 1, x: 36, y: 144, w: 134.4, h: opts.moduleH ?? 400, headlineSizePt: 14, ruleTop: false, bodyColumns: 1 }],
      },
    ],
    articles: [
      {
        id: 'a1',
        kind: 'story',
        image: opts.imageFile ? { imageId: 'i1', frameHeightPt: 80, caption: { en: 'A picture', es: 'Una foto' } } : null,
        en: { headline: 'Winter issue planned', byline: 'By the desk', paragraphs },
        es: { headline: 'Número de invierno', byline: 'Por la redacción', paragraphs: [{ type: 'p', text: SENTENCE_ES }] },
      },
    ],
  };
}

export function writeJson(dir: string, name: string, data: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}
