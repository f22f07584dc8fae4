/**
 * Galley's page templates, read from templates/<name>.json (the data is the
 * one description of each template; see templateFile.ts). The tabloid is the
 * default: 11 x 17 in, five columns, set in Source Serif 4 and Source Sans 3
 * from npm. The reference edition keeps its own template (reference.ts), set
 * in the Liberation fonts its format names.
 */
import tabloidFile from '../../templates/tabloid.json';
import { layoutTemplate } from './templateFile';
import type { LayoutStrings, LayoutTemplate } from './types';
import type { Lang } from '../languages';

export const TABLOID: LayoutTemplate = layoutTemplate(tabloidFile);

export const TEMPLATES: Record<string, LayoutTemplate> = { tabloid: TABLOID };

/** Furniture strings of a Galley edition in a language. */
export function editionStrings(lang: Lang, edition: { title: string; number: number; date: string | null; pageCount: number }): LayoutStrings {
  if (lang === 'es') {
    return { title: edition.title, tagline: 'Periódico de la colectiva', dateline: `N.º ${edition.number}${edition.date ? ` · ${edition.date}` : ''} · ${edition.pageCount} páginas`, page: 'Página' };
  }
  return { title: edition.title, tagline: 'The collective’s newspaper', dateline: `No. ${edition.number}${edition.date ? ` · ${edition.date}` : ''} · ${edition.pageCount} pages`, page: 'Page' };
}
