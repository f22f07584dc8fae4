import { request, type ArticleSummary } from '../api';
import type { Lang } from '../../../shared/languages';
import type { TranslationProgress } from '../../../shared/translation/state';

export interface TranslationStatus {
  versionId: string;
  lang: Lang;
  sourceVersionId: string;
  sourceLang: Lang;
  progress: TranslationProgress;
}

/** The translation API (server/translation/router.ts). */
export const translationApi = {
  start: (articleId: string, body: { from: Lang; to: Lang; mode: 'empty' | 'copy' }) =>
    request<ArticleSummary>('POST', `/articles/${articleId}/translations`, body),
  /** Progress of every translation of these articles, by article id. */
  progress: (articleIds: string[]) =>
    articleIds.length === 0
      ? Promise.resolve({} as Record<string, TranslationStatus[]>)
      : request<{ progress: Record<string, TranslationStatus[]> }>(
          'GET',
          `/translation-progress?articleIds=${articleIds.map(encodeURIComponent).join(',')}`,
        ).then((r) => r.progress),
};
