/**
 * Layout documents and the article text they place, read from the live
 * collaboration hub when someone has them open (so a render or a page plan
 * sees the very latest keystrokes) and from the stored update log otherwise.
 */
import type * as Y from 'yjs';
import type { AppContext } from '../context';
import { collabOfContext } from '../collab/server';
import { loadDoc } from '../collab/storage';
import { applyServerChange } from '../work/history/liveEdit';
import { badRequest, conflict, notFound } from '../errors';
import type { EditionRow } from '../presenters/edition';
import { layoutDocName } from '../../shared/docNames';
import type { Lang } from '../../shared/languages';
import { readArticle } from '../../shared/editor/content';
import { copyLayout, hasLayout, readLayout, writeLayout } from '../../shared/layout/doc';
import { firstPlacement, startPages } from '../../shared/layout/plan';
import { TEMPLATES, editionStrings } from '../../shared/layout/templates';
import type { ArticleCopy, LayoutData, LayoutTemplate } from '../../shared/layout/types';

const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Spanish' };

export function findEdition(ctx: AppContext, editionId: string): EditionRow {
  const row = ctx.db.prepare('SELECT * FROM editions WHERE id = ?').get(editionId) as EditionRow | undefined;
  if (!row) throw notFound('No such edition.');
  return row;
}

/** Refuses a language the edition is not published in, saying which it has. */
export function requireEditionLang(row: EditionRow, lang: Lang): void {
  const langs = JSON.parse(row.languages) as Lang[];
  if (!langs.includes(lang)) {
    throw badRequest(`This edition has no ${LANG_NAMES[lang]} (${lang}) version; it is published in ${langs.map((l) => `${LANG_NAMES[l]} (${l})`).join(' and ')}.`);
  }
}

/** Reads a document: the live one when it is open, else a copy from storage. */
export function withDoc<T>(ctx: AppContext, docName: string, read: (doc: Y.Doc) => T): T {
  const hub = collabOfContext(ctx)?.hub;
  if (hub && hub.loadedDocNames().includes(docName)) return read(hub.open(docName).doc);
  const doc = loadDoc(ctx.db, docName);
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}

export function loadLayout(ctx: AppContext, editionId: string, lang: Lang): LayoutData | null {
  return withDoc(ctx, layoutDocName(editionId, lang), readLayout);
}

/**
 * The copy of each article in a language. null for an article that was
 * deleted (or archived) while placed, or that has no version in the language.
 */
export function articleCopies(ctx: AppContext, articleIds: string[], lang: Lang): Map<string, ArticleCopy | null> {
  const copies = new Map<string, ArticleCopy | null>();
  const live = ctx.db.prepare(
    `SELECT v.doc_name FROM versions v JOIN articles a ON a.id = v.article_id
     WHERE a.id = ? AND v.lang = ? AND a.archived_at IS NULL`,
  );
  for (const id of articleIds) {
    const row = live.get(id, lang) as { doc_name: string } | undefined;
    if (!row) {
      copies.set(id, null);
      continue;
    }
    const text = withDoc(ctx, row.doc_name, readArticle);
    copies.set(id, { headline: text.headline, byline: text.byline, blocks: text.body.map((b) => ({ type: b.type, text: b.text })) });
  }
  return copies;
}

/** The edition's articles (not archived) in the order they were created. */
export function editionArticles(ctx: AppContext, editionId: string): { id: string; title: string }[] {
  return ctx.db.prepare('SELECT id, title FROM articles WHERE edition_id = ? AND archived_at IS NULL ORDER BY created_at, id').all(editionId) as { id: string; title: string }[];
}

export interface CreateLayoutOptions {
  template?: string;
  /** Copy the frames of the layout in this language. */
  copyFrom?: Lang;
  /** Place the edition's stories two to a page (a first plan the desk rearranges). */
  place?: boolean;
}

/** Creates the layout of an edition in a language; refuses when it exists already. */
export function createLayout(ctx: AppContext, editionId: string, lang: Lang, opts: CreateLayoutOptions): LayoutData {
  const edition = findEdition(ctx, editionId);
  requireEditionLang(edition, lang);
  const docName = layoutDocName(editionId, lang);
  if (withDoc(ctx, docName, hasLayout)) throw conflict(`The ${LANG_NAMES[lang]} layout of this edition exists already.`);
  const strings = editionStrings(lang, { title: edition.title, number: edition.number, date: edition.date, pageCount: edition.page_count });
  let data: LayoutData;
  if (opts.copyFrom) {
    if (opts.copyFrom === lang) throw badRequest('copyFrom: a layout cannot be copied onto itself; pick the other language.');
    requireEditionLang(edition, opts.copyFrom);
    const source = loadLayout(ctx, editionId, opts.copyFrom);
    if (!source) throw notFound(`There is no ${LANG_NAMES[opts.copyFrom]} layout to copy yet.`);
    data = copyLayout(source, lang, { ...strings, title: source.strings.title });
  } else {
    const template: LayoutTemplate | undefined = TEMPLATES[opts.template ?? edition.page_format];
    if (!template) throw badRequest(`template: there is no page template "${opts.template ?? edition.page_format}"; the templates are ${Object.keys(TEMPLATES).join(', ')}.`);
    const pages = startPages(edition.page_count);
    const frames = opts.place ? firstPlacement(template, pages, editionArticles(ctx, editionId).map((a) => a.id)).frames : [];
    data = { lang, template, strings, pages, frames };
  }
  writeNewLayout(ctx, docName, data);
  return data;
}

/** Writes a whole layout into its (empty) document, live or stored. */
export function writeNewLayout(ctx: AppContext, docName: string, data: LayoutData): void {
  applyServerChange(ctx, docName, (doc) => {
    if (!hasLayout(doc)) writeLayout(doc, data);
  });
}

/**
 * Where an article is placed in the layout of a language: the layout with
 * only this article's own frames (its story frame and text frames), its
 * template (fonts, grid, typography) and all pages (so page numbers hold).
 * What the writer's editor needs to set the article live in the browser,
 * and nothing of the other stories on the pages. null: not placed.
 */
export function articlePlacement(ctx: AppContext, editionId: string, articleId: string, lang: Lang): LayoutData | null {
  const edition = findEdition(ctx, editionId);
  if (!(JSON.parse(edition.languages) as Lang[]).includes(lang)) return null;
  const layout = loadLayout(ctx, editionId, lang);
  if (!layout) return null;
  const frames = layout.frames.filter((f) => (f.kind === 'story' || f.kind === 'text') && f.articleId === articleId);
  return frames.length > 0 ? { ...layout, frames } : null;
}
