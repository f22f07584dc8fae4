import { useState } from 'react';
import { api, type Edition, type Member } from '../api';
import { Field, Loading, Notice, useAction } from '../components/ui';
import { ErrorNotice } from '../components/errors';
import { useLoad } from '../components/useLoad';
import { Link } from '../router';
import { TASK_KINDS, TASK_STATUSES, type TaskKind } from '../../../shared/work/types';
import { WORK_LIMITS } from '../../../shared/work/schemas';
import { workApi, type Collective } from './api';
import { useWorkText } from './messages';
import { TaskCard } from './TaskCard';

/** The edition's board: columns by status, filters by kind, member and collective, overdue tasks marked. */
export function BoardPage({ editionId }: { editionId: string }) {
  const { t } = useWorkText();
  const [filter, setFilter] = useState<{ kind?: string; memberId?: string; collectiveId?: string }>({});
  const context = useLoad(
    () => Promise.all([api.edition(editionId), api.members(), workApi.collectives()]),
    editionId,
  );
  const board = useLoad(() => workApi.board(editionId, filter), `${editionId}:${JSON.stringify(filter)}`);
  if (context.status === 'loading') return <Loading />;
  if (context.status === 'error') return <ErrorNotice error={context.error} />;
  const [edition, members, collectives] = context.value;
  const pick = (key: keyof typeof filter) => (e: React.ChangeEvent<HTMLSelectElement>) =>
    setFilter((f) => ({ ...f, [key]: e.target.value || undefined }));

  return (
    <main className="board-page">
      <Link href={`/editions/${editionId}`} className="back">
        ← {t('w.board.back')}
      </Link>
      <h1>{t('w.board.title', { number: edition.number })}</h1>
      <form className="row-form board-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('w.board.filterKind')}{' '}
          <select value={filter.kind ?? ''} onChange={pick('kind')}>
            <option value="">{t('w.board.any')}</option>
            {TASK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`w.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('w.board.filterMember')}{' '}
          <select value={filter.memberId ?? ''} onChange={pick('memberId')}>
            <option value="">{t('w.board.any')}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('w.board.filterCollective')}{' '}
          <select value={filter.collectiveId ?? ''} onChange={pick('collectiveId')}>
            <option value="">{t('w.board.any')}</option>
            {collectives.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      {board.status === 'loading' && <Loading />}
      {board.status === 'error' && <ErrorNotice error={board.error} />}
      {board.status === 'ready' && (
        <>
          {board.value.overdueCount > 0 && <Notice kind="info">{t('w.board.overdue', { count: board.value.overdueCount })}</Notice>}
          <div className="board">
            {TASK_STATUSES.map((status) => (
              <section key={status} className="board-column" aria-label={t(`w.status.${status}`)}>
                <h2>
                  {t(`w.status.${status}`)} ({board.value.columns[status].length})
                </h2>
                {board.value.columns[status].length === 0 ? (
                  <p className="muted">{t('w.board.empty')}</p>
                ) : (
                  <ul className="cards">
                    {board.value.columns[status].map((task) => (
                      <TaskCard key={task.id} task={task} members={members} changed={board.reload} />
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        </>
      )}
      <NewTask edition={edition} collectives={collectives} members={members} created={board.reload} />
    </main>
  );
}

function NewTask({ edition, collectives, created }: { edition: Edition; collectives: Collective[]; members: Member[]; created: () => void }) {
  const { t } = useWorkText();
  const { busy, error, run } = useAction();
  const [kind, setKind] = useState<TaskKind>('write');
  const [title, setTitle] = useState('');
  const [subject, setSubject] = useState('edition');
  const [due, setDue] = useState('');
  const [collectiveId, setCollectiveId] = useState('');
  const versions = (edition.articles ?? []).flatMap((a) => a.versions.map((v) => ({ id: v.id, label: `${a.title} (${v.lang.toUpperCase()})` })));
  const submit = run(async () => {
    const [type, id, page] = subject.split(':');
    await workApi.createTask({
      kind,
      title: title.trim() || undefined,
      subject:
        type === 'page'
          ? { type: 'page', id: edition.id, page: Number(page) }
          : type === 'version'
            ? { type: 'version', id: id! }
            : { type: 'edition', id: edition.id },
      ...(due ? { dueDate: due } : {}),
      ...(collectiveId ? { collectiveId } : {}),
    });
    setTitle('');
    created();
  });
  return (
    <form className="stack new-task" onSubmit={submit} aria-label={t('w.board.new')}>
      <h2>{t('w.board.new')}</h2>
      <Field label={t('w.board.newKind')}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value as TaskKind)}>
            {TASK_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`w.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('w.board.newTitle')}>
        {(p) => <input {...p} maxLength={WORK_LIMITS.taskTitleChars} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t('w.board.newSubject')}>
        {(p) => (
          <select {...p} value={subject} onChange={(e) => setSubject(e.target.value)}>
            <option value="edition">{t('w.board.subjectEdition')}</option>
            {Array.from({ length: edition.pageCount }, (_, i) => (
              <option key={i} value={`page::${i + 1}`}>
                {t('w.board.subjectPage', { page: i + 1 })}
              </option>
            ))}
            {versions.map((v) => (
              <option key={v.id} value={`version:${v.id}`}>
                {v.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('w.board.newDue')}>{(p) => <input {...p} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}</Field>
      <Field label={t('w.board.newCollective')}>
        {(p) => (
          <select {...p} value={collectiveId} onChange={(e) => setCollectiveId(e.target.value)}>
            <option value="">—</option>
            {collectives.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button className="primary" type="submit" disabled={busy}>
        {t('w.board.create')}
      </button>
      {error && <Notice kind="error">{error}</Notice>}
    </form>
  );
}
