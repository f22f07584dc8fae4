import { useEffect, useState } from 'react';
import type { TranslationProgress } from '../../../shared/translation/state';
import type { ArticleSummary } from '../api';
import { Link } from '../router';
import { translationApi, type TranslationStatus } from './api';
import { useTranslationText } from './messages';

/** "12 of 20 translated · 2 outdated · 6 missing": what is left to do. */
export function ProgressSummary({ progress }: { progress: TranslationProgress }) {
  const { t } = useTranslationText();
  const parts = [t('tr.progress', { translated: progress.translated, total: progress.total })];
  if (progress.outdated) parts.push(t('tr.progress.outdated', { count: progress.outdated }));
  if (progress.missing) parts.push(t('tr.progress.missing', { count: progress.missing }));
  if (progress.orphaned) parts.push(t('tr.progress.orphaned', { count: progress.orphaned }));
  const done = progress.outdated === 0 && progress.missing === 0 && progress.orphaned === 0;
  return (
    <p className={`tr-progress${done ? ' tr-progress-done' : ''}`} role="status" data-testid="translation-progress">
      {parts.join(' · ')}
    </p>
  );
}

/** Progress of the translations of a list of articles, fetched in one request. */
export function useTranslationProgress(articleIds: string[]): Record<string, TranslationStatus[]> {
  const key = articleIds.join(',');
  const [progress, setProgress] = useState<Record<string, TranslationStatus[]>>({});
  useEffect(() => {
    let live = true;
    translationApi.progress(articleIds).then(
      (p) => live && setProgress(p),
      () => undefined, // progress is a hint: the list works without it
    );
    return () => {
      live = false;
    };
    // key stands for the ids
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return progress;
}

/**
 * On an article in a list: a link to each translation's side-by-side view
 * with its progress, or to start one into the language that lacks it.
 */
export function TranslationLinks({ article, statuses }: { article: ArticleSummary; statuses: TranslationStatus[] | undefined }) {
  const { t, langName } = useTranslationText();
  const translations = article.versions.filter((v) => v.sourceVersionId);
  const untranslated = (['en', 'es'] as const).filter((lang) => !article.versions.some((v) => v.lang === lang && v.sourceVersionId));
  const hasSource = (lang: 'en' | 'es') => article.versions.some((v) => v.lang !== lang);
  return (
    <span className="tr-links">
      {translations.map((v) => {
        const status = statuses?.find((s) => s.versionId === v.id);
        return (
          <Link key={v.id} className="tr-link" href={`/articles/${article.id}/translate/${v.lang}`} aria-label={t('tr.openLabel', { title: article.title, lang: langName(v.lang) })}>
            {t('tr.progressLabel', { lang: langName(v.lang) })}
            {status && <ProgressSummary progress={status.progress} />}
          </Link>
        );
      })}
      {translations.length === 0 &&
        untranslated.filter(hasSource).slice(0, 1).map((lang) => {
          const target = article.versions.some((v) => v.lang === 'en') && lang === 'en' ? 'es' : lang;
          return (
            <Link key={target} className="tr-link" href={`/articles/${article.id}/translate/${target}`} aria-label={t('tr.openLabel', { title: article.title, lang: langName(target) })}>
              {t('tr.open', { lang: langName(target) })}
            </Link>
          );
        })}
    </span>
  );
}
