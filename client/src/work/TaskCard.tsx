import { useState } from 'react';
import type { Member } from '../api';
import { Notice, useAction } from '../components/ui';
import { Link } from '../router';
import { useMember } from '../session';
import type { Task, TaskStatus } from '../../../shared/work/types';
import { workApi } from './api';
import { useWorkText } from './messages';
import { SubjectLabel } from './ui';
import { TaskTranslationProgress } from '../translation/TaskProgress';

/**
 * One task as a card: what, about what, due when, who holds and learns it,
 * pending offers, and what the person looking at it can do.
 */
export function TaskCard({ task, members, changed }: { task: Task; members: Member[]; changed: () => void }) {
  const { t, date } = useWorkText();
  const me = useMember();
  const { busy, error, run } = useAction();
  const holding = task.holders.some((h) => h.id === me.id);
  const learning = task.learners.some((l) => l.id === me.id);
  const label = task.title || t(`w.kind.${task.kind}`);
  const act = (fn: () => Promise<unknown>) => run(async () => {
    await fn();
    changed();
  });
  const setStatus = (status: TaskStatus) => act(() => workApi.setStatus(task.id, status));

  return (
    <li className={`card task${task.overdue ? ' task-overdue' : ''}`} aria-label={label}>
      <span className="card-title">
        <Link href={`/tasks/${task.id}`}>{label}</Link>
      </span>
      <span className="muted">
        {t(`w.kind.${task.kind}`)} · <SubjectLabel task={task} />
        {task.dueDate && <> · {t('w.task.due', { date: date(task.dueDate) })}</>}
      </span>
      <TaskTranslationProgress task={task} />
      {task.overdue && <strong className="badge badge-warn">{t('w.task.overdue')}</strong>}
      <span>
        {t('w.task.holders')}: {task.holders.length ? task.holders.map((h) => h.displayName).join(', ') : t('w.task.nobody')}
      </span>
      {task.learners.length > 0 && (
        <span>
          {t('w.task.learners')}: {task.learners.map((l) => l.displayName).join(', ')}
        </span>
      )}
      {task.offers.map((o) => (
        <span key={o.id} className="offer">
          {t('w.task.offerPending', { kind: t(`w.task.offer.${o.kind}`), name: o.to.displayName })}
          {o.to.id === me.id && (
            <>
              <button type="button" className="primary" disabled={busy} onClick={() => void act(() => workApi.answer(o.id, 'accept'))()}>
                {t('w.task.accept')}
              </button>
              <button type="button" disabled={busy} onClick={() => void act(() => workApi.answer(o.id, 'decline'))()}>
                {t('w.task.decline')}
              </button>
            </>
          )}
          {o.from?.id === me.id && (
            <button type="button" className="quiet" disabled={busy} onClick={() => void act(() => workApi.answer(o.id, 'withdraw'))()}>
              {t('w.task.withdraw')}
            </button>
          )}
        </span>
      ))}
      <span className="actions">
        {task.status === 'open' && (
          <button type="button" className="primary" disabled={busy} onClick={() => void act(() => workApi.act(task.id, 'take'))()}>
            {t('w.task.take')}
          </button>
        )}
        {!holding && !learning && task.status !== 'done' && (
          <button type="button" disabled={busy} onClick={() => void act(() => workApi.act(task.id, 'learn'))()}>
            {t('w.task.learn')}
          </button>
        )}
        {(holding || learning) && (
          <button type="button" className="quiet" disabled={busy} onClick={() => void act(() => workApi.act(task.id, 'leave'))()}>
            {t('w.task.leave')}
          </button>
        )}
        {holding && task.status === 'taken' && (
          <button type="button" disabled={busy} onClick={() => void setStatus('in_review')()}>
            {t('w.task.markInReview')}
          </button>
        )}
        {holding && task.status !== 'done' && (
          <button type="button" disabled={busy} onClick={() => void setStatus('done')()}>
            {t('w.task.markDone')}
          </button>
        )}
        {holding && task.status === 'done' && (
          <button type="button" disabled={busy} onClick={() => void setStatus('taken')()}>
            {t('w.task.reopen')}
          </button>
        )}
      </span>
      {task.status !== 'done' && <OfferForms task={task} members={members} holding={holding} act={act} busy={busy} />}
      {error && <Notice kind="error">{error}</Notice>}
    </li>
  );
}

function OfferForms({
  task,
  members,
  holding,
  act,
  busy,
}: {
  task: Task;
  members: Member[];
  holding: boolean;
  act: (fn: () => Promise<unknown>) => () => Promise<void>;
  busy: boolean;
}) {
  const { t } = useWorkText();
  const me = useMember();
  const [who, setWho] = useState('');
  const [mode, setMode] = useState<'learner' | 'holder' | 'propose' | 'handoff'>(holding ? 'learner' : 'propose');
  const others = members.filter((m) => m.id !== me.id);
  const send = act(async () => {
    if (!who) return;
    if (mode === 'learner' || mode === 'holder') await workApi.share(task.id, who, mode);
    else await workApi.offer(task.id, mode, who);
    setWho('');
  });
  return (
    <details className="task-share">
      <summary>{holding ? t('w.task.share') : t('w.task.propose')}</summary>
      <form className="row-form" onSubmit={(e) => { e.preventDefault(); void send(); }}>
        <label>
          {t('w.task.shareWith')}{' '}
          <select value={who} onChange={(e) => setWho(e.target.value)} required>
            <option value="">{t('w.task.pickMember')}</option>
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('w.task.shareAs')}{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
            {holding && <option value="learner">{t('w.task.asLearner')}</option>}
            {holding && <option value="holder">{t('w.task.asHolder')}</option>}
            <option value="propose">{t('w.task.propose')}</option>
            {holding && <option value="handoff">{t('w.task.handoff')}</option>}
          </select>
        </label>
        <button type="submit" disabled={busy || !who}>
          {t('w.task.send')}
        </button>
      </form>
    </details>
  );
}
