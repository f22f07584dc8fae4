import { useEffect, useState } from 'react';
import type { Task } from '../../../shared/work/types';
import { Link } from '../router';
import { translationApi, type TranslationStatus } from './api';
import { useTranslationText } from './messages';
import { progressText } from './ProgressBadge';
import './translation.css';

/**
 * On a translate task about a language version: how far its translation is
 * (translated, outdated, missing), linking to the side-by-side view. Nothing
 * for other tasks.
 */
export function TaskTranslationProgress({ task }: { task: Task }) {
  const { t, langName } = useTranslationText();
  const { subject } = task;
  const articleId = task.kind === 'translate' && subject.type === 'version' ? subject.articleId : undefined;
  const [status, setStatus] = useState<TranslationStatus | null | undefined>(undefined);
  useEffect(() => {
    if (!articleId) return;
    let live = true;
    translationApi.progress([articleId]).then(
      (p) => live && setStatus(p[articleId]?.find((s) => s.versionId === subject.id) ?? null),
      () => undefined, // a hint only: the card works without it
    );
    return () => {
      live = false;
    };
  }, [articleId, subject.id]);
  if (!articleId || !subject.lang || status === undefined) return null;
  const href = `/articles/${articleId}/translate/${subject.lang}`;
  return (
    <Link className="tr-link" href={href} data-testid="task-translation-progress">
      {status ? progressText(status.progress, t) : t('tr.open', { lang: langName(subject.lang) })}
    </Link>
  );
}
