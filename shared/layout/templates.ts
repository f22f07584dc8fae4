/**
 * Page templates as data. The tabloid is Galley's default: 11 x 17 in,
 * half-inch margins, five columns, the typography of the reference print
 * edition (Liberation fonts from Debian's fonts-liberation2, which cover
 * every Spanish glyph), so the reference imports onto the same grid.
 */
import type { LayoutStrings, LayoutTemplate } from './types';
import type { Lang } from '../languages';

export const TABLOID: LayoutTemplate = {
  name: 'tabloid',
  widthPt: 792,
  heightPt: 1224,
  marginPt: { top: 36, right: 36, bottom: 36, left: 36 },
  columns: 5,
  gutterPt: 12,
  columnWidthPt: 134.4,
  rowPt: 11.5,
  headerPt: { front: 96, inside: 20 },
  headerGapPt: 12,
  fonts: {
    serif: 'LiberationSerif-Regular.ttf',
    serifBold: 'LiberationSerif-Bold.ttf',
    sans: 'LiberationSans-Regular.ttf',
    sansBold: 'LiberationSans-Bold.ttf',
    sansItalic: 'LiberationSans-Italic.ttf',
  },
  typography: {
    masthead: { font: 'serifBold', sizePt: 64, lineHeightPt: 68 },
    mastheadLine: { font: 'sans', sizePt: 9, lineHeightPt: 12 },
    folio: { font: 'sans', sizePt: 8, lineHeightPt: 10 },
    headline: { font: 'sansBold', lineHeightFactor: 1.1, spaceAfterPt: 4 },
    byline: { font: 'sansItalic', sizePt: 8, lineHeightPt: 10, spaceAfterPt: 6 },
    caption: { font: 'sansItalic', sizePt: 7.5, lineHeightPt: 9, spaceBeforePt: 3, spaceAfterPt: 8 },
    body: { font: 'serif', sizePt: 9.5, lineHeightPt: 11.5, firstLineIndentPt: 9.5, paragraphSpacePt: 0, hyphenate: true },
    subhead: { font: 'serifBold', sizePt: 9.5, lineHeightPt: 11.5, spaceBeforePt: 4 },
    pullQuote: { font: 'serifBold', sizePt: 14, lineHeightPt: 17 },
    rule: { widthPt: 0.5, color: '#000000' },
  },
};

export const TEMPLATES: Record<string, LayoutTemplate> = { tabloid: TABLOID };

/** Furniture strings of a Galley edition in a language. */
export function editionStrings(lang: Lang, edition: { title: string; number: number; date: string | null; pageCount: number }): LayoutStrings {
  if (lang === 'es') {
    return { title: edition.title, tagline: 'Periódico de la colectiva', dateline: `N.º ${edition.number}${edition.date ? ` · ${edition.date}` : ''} · ${edition.pageCount} páginas`, page: 'Página' };
  }
  return { title: edition.title, tagline: 'The collective’s newspaper', dateline: `No. ${edition.number}${edition.date ? ` · ${edition.date}` : ''} · ${edition.pageCount} pages`, page: 'Page' };
}
