import { useState } from 'react';
import { api } from '../api';
import { Field, Loading, Notice, useAction } from '../components/ui';
import { ErrorNotice } from '../components/errors';
import { useLoad } from '../components/useLoad';
import { Link } from '../router';
import type { TaskEvent } from '../../../shared/work/types';
import { WORK_LIMITS } from '../../../shared/work/schemas';
import { workApi } from './api';
import { useWorkText, type WorkKey } from './messages';
import { TaskCard } from './TaskCard';

/** One task: its card, its discussion thread and what happened to it. */
export function TaskPage({ id }: { id: string }) {
  const { t, date } = useWorkText();
  const loaded = useLoad(() => Promise.all([workApi.task(id), workApi.messages(id), api.members()]), id);
  const [body, setBody] = useState('');
  const { busy, error, run } = useAction();
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  const [{ task, events }, messages, members] = loaded.value;
  const post = run(async () => {
    await workApi.post(id, body.trim());
    setBody('');
    loaded.reload();
  });
  const editionId = task.subject.editionId;
  return (
    <main className="task-page">
      {editionId && (
        <Link href={`/editions/${editionId}/board`} className="back">
          ← {t('w.nav.board')}
        </Link>
      )}
      <ul className="cards">
        <TaskCard task={task} members={members} changed={loaded.reload} />
      </ul>
      <h2>{t('w.task.thread')}</h2>
      {messages.length === 0 ? (
        <p className="muted">{t('w.task.noMessages')}</p>
      ) : (
        <ol className="thread">
          {messages.map((m) => (
            <li key={m.id}>
              <strong>{m.author?.displayName ?? '—'}</strong> <span className="muted">{date(m.createdAt)}</span>
              <p>{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="stack" onSubmit={post}>
        <Field label={t('w.task.message')}>
          {(p) => <textarea {...p} required maxLength={WORK_LIMITS.messageChars} value={body} onChange={(e) => setBody(e.target.value)} />}
        </Field>
        <button className="primary" type="submit" disabled={busy}>
          {t('w.task.post')}
        </button>
        {error && <Notice kind="error">{error}</Notice>}
      </form>
      <h2>{t('w.task.history')}</h2>
      <ol className="events">
        {events.map((e) => (
          <li key={e.id}>
            <span className="muted">{date(e.at)}</span> <EventText event={e} />
          </li>
        ))}
      </ol>
    </main>
  );
}

function EventText({ event }: { event: TaskEvent }) {
  const { t } = useWorkText();
  const vars = { actor: event.actor?.displayName ?? '—', other: event.other?.displayName ?? '', event: event.event.replace(/_/g, ' ') };
  const key = `w.event.${event.event}` as WorkKey;
  const known = ['created', 'took', 'left', 'stopped_learning', 'joined_as_learner', 'shared', 'brought_in_learner', 'proposed', 'handoff_offered'];
  return <>{known.includes(event.event) ? t(key, vars) : t('w.event.other', vars)}</>;
}
