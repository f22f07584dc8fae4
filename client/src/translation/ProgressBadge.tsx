import { useEffect, useState } from 'react';
import './translation.css';
import type { TranslationProgress } from '../../../shared/translation/state';
import type { ArticleSummary } from '../api';
import { Link } from '../router';
import { translationApi, type TranslationStatus } from './api';
import { useTranslationText, type TranslateText } from './messages';

/** "12 of 20 translated · 2 outdated · 6 missing": what is left to do. */
export function progressText(progress: TranslationProgress, t: TranslateText): string {
  const parts = [t('tr.progress', { translated: progress.translated, total: progress.total })];
  // Spanish adjectives agree in number ("1 desactualizado", "2 desactualizados").
  if (progress.outdated) parts.push(t(progress.outdated === 1 ? 'tr.progress.outdatedOne' : 'tr.progress.outdated', { count: progress.outdated }));
  if (progress.missing) parts.push(t('tr.progress.missing', { count: progress.missing }));
  if (progress.orphaned) parts.push(t(progress.orphaned === 1 ? 'tr.progress.orphanedOne' : 'tr.progress.orphaned', { count: progress.orphaned }));
  return parts.join(' · ');
}

const isDone = (p: TranslationProgress) => p.outdated === 0 && p.missing === 0 && p.orphaned === 0;

export function ProgressSummary({ progress }: { progress: TranslationProgress }) {
  const { t } = useTranslationText();
  return (
    <p className={`tr-progress${isDone(progress) ? ' tr-progress-done' : ''}`} role="status" data-testid="translation-progress">
      {progressText(progress, t)}
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
  // Nothing translated yet: offer the usual direction, from English when there is an English version.
  const offer = translations.length === 0 && article.versions.length > 0 ? (article.versions.some((v) => v.lang === 'en') ? 'es' : 'en') : null;
  return (
    <span className="tr-links">
      {translations.map((v) => {
        const status = statuses?.find((s) => s.versionId === v.id);
        const label = t('tr.openLabel', { title: article.title, lang: langName(v.lang) });
        return (
          <Link
            key={v.id}
            className={`tr-link${status && isDone(status.progress) ? ' tr-progress-done' : ''}`}
            href={`/articles/${article.id}/translate/${v.lang}`}
            aria-label={status ? `${label}: ${progressText(status.progress, t)}` : label}
            data-testid="translation-link"
          >
            {v.lang.toUpperCase()}: {status ? progressText(status.progress, t) : t('tr.progressLabel', { lang: langName(v.lang) })}
          </Link>
        );
      })}
      {offer && (
        <Link className="tr-link" href={`/articles/${article.id}/translate/${offer}`} aria-label={t('tr.openLabel', { title: article.title, lang: langName(offer) })}>
          {t('tr.open', { lang: langName(offer) })}
        </Link>
      )}
    </span>
  );
}

/** TranslationLinks for one article, fetching its progress itself (the article editor's header). */
export function ArticleTranslationLinks({ article }: { article: ArticleSummary }) {
  const progress = useTranslationProgress([article.id]);
  return <TranslationLinks article={article} statuses={progress[article.id]} />;
}
