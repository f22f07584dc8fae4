import type { Task } from '../../../shared/work/types';
import type { WordDiff } from '../../../shared/work/wordDiff';
import { useWorkText } from './messages';

/** A word diff with insertions and deletions marked as <ins> and <del>, which screen readers announce. */
export function DiffView({ diff }: { diff: WordDiff }) {
  return (
    <p className="diff">
      {diff.parts.map((part, i) =>
        part.op === 'insert' ? (
          <ins key={i}>{part.text}</ins>
        ) : part.op === 'delete' ? (
          <del key={i}>{part.text}</del>
        ) : (
          <span key={i}>{part.text.length > 120 ? `${part.text.slice(0, 50)} … ${part.text.slice(-50)}` : part.text}</span>
        ),
      )}
    </p>
  );
}

/** What a task is about, worded in the reader's language. */
export function SubjectLabel({ task }: { task: Task }) {
  const { t } = useWorkText();
  const s = task.subject;
  if (s.type === 'version') return <>{t('w.task.subject.version', { title: s.articleTitle ?? '', lang: (s.lang ?? '').toUpperCase() })}</>;
  if (s.type === 'page') return <>{t('w.task.subject.page', { number: s.editionNumber ?? '', page: s.page ?? '' })}</>;
  if (s.type === 'edition') return <>{t('w.task.subject.edition', { number: s.editionNumber ?? '' })}</>;
  return <>{t(s.deleted ? 'w.task.subject.pictureDeleted' : 'w.task.subject.picture')}</>;
}
