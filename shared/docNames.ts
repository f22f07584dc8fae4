import type { Lang } from './languages';

/**
 * Names of the live (Yjs) documents, as they appear in /collab/<docName>.
 *   article.<articleId>.<lang>   one language version of an article
 *   layout.<editionId>.<lang>    the pages of an edition in one language
 * Ids are 12 characters from server/db/ids.ts. Anything else is refused
 * before it reaches storage.
 */
export type DocKind = 'article' | 'layout';
export interface ParsedDocName {
  kind: DocKind;
  id: string;
  lang: Lang;
}

const DOC_NAME = /^(article|layout)\.([a-z2-9]{12})\.(en|es)$/;

export function parseDocName(name: string): ParsedDocName | null {
  const m = DOC_NAME.exec(name);
  if (!m) return null;
  return { kind: m[1] as DocKind, id: m[2]!, lang: m[3] as Lang };
}

export function articleDocName(articleId: string, lang: Lang): string {
  return `article.${articleId}.${lang}`;
}

export function layoutDocName(editionId: string, lang: Lang): string {
  return `layout.${editionId}.${lang}`;
}
