/**
 * The writer's copyfit, set in the browser: the article's own frames (from
 * GET /api/articles/:id/placement) filled with the live text of its Y.Doc
 * by the print engine, with the template's fonts as the PDF embeds them.
 * Loaded on demand by CopyfitNote, so the engine and its hyphenation
 * patterns are not part of the editor's first load.
 */
import type * as Y from 'yjs';
import { readArticle } from '../../../shared/editor/content';
import { LayoutSetter, type ArticleFit } from '../../../shared/layout/setting';
import type { ArticleCopy, LayoutData } from '../../../shared/layout/types';
import { templateFonts } from './fonts';

export type ArticleFitter = (doc: Y.Doc) => ArticleFit | null;

/**
 * A function that sets the article's current text in its placement. One
 * setter is kept per placement: paragraphs the writer did not touch keep
 * their line breaks from the last setting (the engine's break cache).
 */
export async function articleFitter(articleId: string, placement: LayoutData): Promise<ArticleFitter> {
  const fonts = await templateFonts(placement.template);
  const setter = new LayoutSetter();
  return (doc) => {
    const text = readArticle(doc);
    const copy: ArticleCopy = { headline: text.headline, byline: text.byline, blocks: text.body.map((b) => ({ type: b.type, text: b.text })) };
    const setting = setter.set({ layout: placement, copies: new Map([[articleId, copy]]), fonts });
    return setting.articles.find((a) => a.articleId === articleId) ?? null;
  };
}
