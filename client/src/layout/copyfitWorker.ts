/**
 * The writer's copyfit, set in a Web Worker: the article's own frames (from
 * GET /api/articles/:id/placement) filled with its live text by the print
 * engine, with the template's font files as the PDF embeds them. In a
 * worker, the engine and its hyphenation patterns are neither part of the
 * editor's first load nor work on the thread the writer types on.
 *
 * Messages in: one CopyfitPlacement, then a CopyfitText per change.
 * Messages out: a CopyfitAnswer per text (once the fonts are in).
 */
import * as fontkit from 'fontkit';
import { LayoutSetter, type ArticleFit } from '../../../shared/layout/setting';
import { fastFont, type FontRole, type FontSet } from '../../../shared/typeset/index';
import type { ArticleCopy, LayoutData, LayoutTemplate } from '../../../shared/layout/types';

export interface CopyfitPlacement {
  type: 'placement';
  articleId: string;
  layout: LayoutData;
}
export interface CopyfitText {
  type: 'text';
  copy: ArticleCopy;
}
export type CopyfitAnswer = { type: 'fit'; fit: ArticleFit | null } | { type: 'error'; message: string };

// The worker's global scope, typed by hand: the project's lib is the DOM's, not the worker's.
const scope = self as unknown as {
  postMessage(answer: CopyfitAnswer): void;
  onmessage: ((event: MessageEvent<CopyfitPlacement | CopyfitText>) => void) | null;
};

/** The same font files the server embeds in the PDF (GET /api/fonts/<name>), parsed by fontkit as on the desk. */
async function loadFonts(t: LayoutTemplate): Promise<FontSet> {
  const entries = await Promise.all(
    (Object.entries(t.fonts) as [FontRole, string][]).map(async ([role, name]) => {
      const res = await fetch(`/api/fonts/${encodeURIComponent(name)}`);
      if (!res.ok) throw new Error(`font ${name}: ${res.status}`);
      const font = fastFont(fontkit.create(new Uint8Array(await res.arrayBuffer()) as never) as never) as unknown as FontSet[FontRole];
      return [role, font] as const;
    }),
  );
  return Object.fromEntries(entries) as FontSet;
}

let ready: Promise<(copy: ArticleCopy) => ArticleFit | null> | null = null;

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'placement') {
    const { articleId, layout } = message;
    // One setter for this placement: paragraphs nobody touched keep their breaks (the engine's cache).
    const setter = new LayoutSetter();
    ready = loadFonts(layout.template).then((fonts) => (copy) => {
      const setting = setter.set({ layout, copies: new Map([[articleId, copy]]), fonts });
      return setting.articles.find((a) => a.articleId === articleId) ?? null;
    });
    return;
  }
  if (!ready) return;
  ready.then(
    (fit) => scope.postMessage({ type: 'fit', fit: fit(message.copy) }),
    (err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
