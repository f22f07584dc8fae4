import { useState } from 'react';
import { Field, Loading, Notice, useAction } from '../components/ui';
import { ErrorNotice } from '../components/errors';
import { useLoad } from '../components/useLoad';
import { Link } from '../router';
import type { ArticleText } from '../../../shared/editor/content';
import { WORK_LIMITS } from '../../../shared/work/schemas';
import type { WordDiff } from '../../../shared/work/wordDiff';
import { workApi, type Checkpoint } from './api';
import { useWorkText } from './messages';
import { DiffView } from './ui';

/** Version history of one language version: saved versions, read one, compare it with now, restore it. */
export function HistoryPage({ versionId }: { versionId: string }) {
  const { t } = useWorkText();
  const loaded = useLoad(() => workApi.checkpoints(versionId), versionId);
  const [name, setName] = useState('');
  const { busy, error, run } = useAction();
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  const save = run(async () => {
    await workApi.nameVersion(versionId, name.trim());
    setName('');
    loaded.reload();
  });
  return (
    <main className="history-page">
      <Link href={`/versions/${versionId}/review`} className="back">
        ← {t('w.review.title')}
      </Link>
      <h1>{t('w.history.title')}</h1>
      <p className="muted">{t('w.history.every', { minutes: loaded.value.autoEveryMinutes })}</p>
      <form className="row-form" onSubmit={save}>
        <Field label={t('w.history.name')}>
          {(p) => <input {...p} required maxLength={WORK_LIMITS.checkpointNameChars} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <button className="primary" type="submit" disabled={busy}>
          {t('w.history.save')}
        </button>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {loaded.value.checkpoints.length === 0 ? (
        <p className="muted">{t('w.history.none')}</p>
      ) : (
        <ul className="cards">
          {loaded.value.checkpoints.map((c) => (
            <CheckpointRow key={c.id} checkpoint={c} restored={loaded.reload} />
          ))}
        </ul>
      )}
    </main>
  );
}

function CheckpointRow({ checkpoint: c, restored }: { checkpoint: Checkpoint; restored: () => void }) {
  const { t } = useWorkText();
  const { busy, error, run } = useAction();
  const [text, setText] = useState<ArticleText | null>(null);
  const [diff, setDiff] = useState<WordDiff | null>(null);
  const [done, setDone] = useState(false);
  const label = c.name || t('w.history.auto');
  return (
    <li className="card checkpoint" aria-label={label}>
      <span className="card-title">{label}</span>
      <span className="muted">
        {new Date(c.createdAt).toLocaleString()} · {c.createdBy?.displayName ?? ''} · {t('w.history.words', { count: c.wordCount })}
      </span>
      <span className="actions">
        <button type="button" disabled={busy} onClick={() => void run(async () => setText((await workApi.checkpoint(c.id)).text))()}>
          {t('w.history.open')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run(async () => setDiff(await workApi.compare(c.id)))()}>
          {t('w.history.compare')}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await workApi.restore(c.id);
              setDone(true);
              restored();
            })()
          }
        >
          {t('w.history.restore')}
        </button>
      </span>
      {done && <Notice kind="info">{t('w.history.restored')}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {text && (
        <article className="readonly-text" aria-label={t('w.history.readonly')}>
          <p className="muted">{t('w.history.readonly')}</p>
          <h3>{text.headline}</h3>
          {text.deck && <p><em>{text.deck}</em></p>}
          {text.byline && <p className="muted">{text.byline}</p>}
          {text.body.map((b, i) => (b.type === 'subhead' ? <h4 key={i}>{b.text}</h4> : <p key={i}>{b.text}</p>))}
        </article>
      )}
      {diff && (
        <div className="compare">
          <p>{t('w.history.changes', { inserted: diff.insertedWords, deleted: diff.deletedWords })}</p>
          <DiffView diff={diff} />
        </div>
      )}
    </li>
  );
}
